"""Page-number pagination that hands out the exports' dicts instead of model instances."""

from collections.abc import Callable

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from partnerwerk.core.params import MAX_PAGE

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class SerializedPagination(PageNumberPagination):
    """Slices the queryset in the database, then serializes only the rows of the page.

    Use as `@paginate(SerializedPagination, serializer=partnership_to_dict)`.
    """

    class Input(Schema):
        # Bounded: past MAX_PAGE the offset would overflow the database's integers.
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(
            None,
            ge=1,
            description=f"Rows per page, at most {MAX_PAGE_SIZE}; {PAGE_SIZE} if not given.",
        )

    def __init__(
        self,
        *,
        serializer: Callable[[object], dict],
        page_size: int = PAGE_SIZE,
        max_page_size: int = MAX_PAGE_SIZE,
        **kwargs,
    ) -> None:
        self.serializer = serializer
        super().__init__(page_size=page_size, max_page_size=max_page_size, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page[self.items_attribute] = [self.serializer(row) for row in page[self.items_attribute]]
        return page
