"""Who may call the API's office endpoints: a user signed in to the office with two factors
and a role that allows the operation. The session cookie is the credential, so django-ninja
checks the CSRF token as well (a page of another site cannot call these endpoints)."""

from ninja.security import SessionAuth

from partnerwerk.accounts.two_factor import is_verified


class OfficeSessionAuth(SessionAuth):
    def __init__(self, permission: str = "office.enter"):
        super().__init__(csrf=True)
        self.permission = permission

    def authenticate(self, request, key):
        user = request.user
        if user.is_authenticated and is_verified(request) and user.has_perm(self.permission):
            return user
        return None
