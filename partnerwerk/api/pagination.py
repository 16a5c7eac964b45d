"""Page-number pagination that hands out the exports' dicts instead of model instances."""

from collections.abc import Callable

from ninja.pagination import PageNumberPagination

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class SerializedPagination(PageNumberPagination):
    """Slices the queryset in the database, then serializes only the rows of the page.

    Use as `@paginate(SerializedPagination, serializer=partnership_to_dict)`.
    """

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
