from django.core.paginator import Paginator
from django.utils.translation import gettext as _


class PageNotAvailable(ValueError):
    """A page number a visitor asked for that cannot be shown; the message says why."""


def paginate(queryset, page_number, per_page):
    """The requested page of results; an empty list has one empty page."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    number = page_number or 1
    if number > paginator.num_pages:
        raise PageNotAvailable(
            _("There is no page %(number)s. The last page is %(last)s.")
            % {"number": number, "last": paginator.num_pages}
        )
    return paginator.page(number)
