"""What a report may contain: the public records (the portal's `public()`), or what an office
user may read (`accounts.selectors.readable`)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from partnerwerk.accounts.selectors import readable


@dataclass(frozen=True)
class Scope:
    """`public_only`: the portal's view; otherwise `user`'s (None: everything, for the
    command line and benchmarks)."""

    public_only: bool = False
    user: object = None

    def __call__(self, queryset: QuerySet) -> QuerySet:
        if self.public_only:
            return queryset.public()
        if self.user is not None:
            return readable(self.user, queryset)
        return queryset


PUBLIC = Scope(public_only=True)
EVERYTHING = Scope()
