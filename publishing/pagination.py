"""Page numbers as visitors and API clients send them: validated like any other input."""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PageNotAvailable(ValueError):
    """A page number a visitor asked for that cannot be shown; the message says why."""


class PageForm(forms.Form):
    """``?page=``; forms with more parameters (the agreement search) extend it."""

    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        error_messages={
            "invalid": gettext_lazy("The page number must be a whole number."),
            "min_value": gettext_lazy("The page number must be 1 or more."),
            "max_value": gettext_lazy("There is no such page."),
        },
    )

    def error_text(self):
        return " ".join(str(message) for errors in self.errors.values() for message in errors)


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
