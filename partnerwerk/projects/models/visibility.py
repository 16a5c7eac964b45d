"""What the public sees of a transaction: the one rule, for many rows and for one."""

from django.db.models import Q

from partnerwerk.core.models import PublicQuerySet, Publishable
from partnerwerk.projects.models.activities import Activity
from partnerwerk.projects.models.projects import Project


class TransactionQuerySet(PublicQuerySet):
    def public(self):
        """Transactions anyone may see: the transaction is public, and so are its project
        and its activity where it has them (a public transaction of an internal project or
        activity stays internal). Used by the portal's pages, the totals and the exports.
        The project's and activity's visibility decide, as their own `public()` says."""
        return (
            super()
            .public()
            .filter(
                Q(project__isnull=True) | Q(project__in=Project.objects.public()),
                Q(activity__isnull=True) | Q(activity__in=Activity.objects.public()),
            )
        )


class PublicTransaction(Publishable):
    """`is_public` of one transaction, by the same rule as `TransactionQuerySet.public`."""

    @property
    def is_public(self) -> bool:
        return (
            super().is_public
            and (self.project is None or self.project.is_public)
            and (self.activity is None or self.activity.is_public)
        )
