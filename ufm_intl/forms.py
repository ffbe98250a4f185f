import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from publishing.country_search import MAX_QUERY_LENGTH
from publishing.pagination import PageForm


def validate_printable(value):
    # Null characters are refused by the field itself; other control characters are never typed.
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x00" for ch in value):
        raise ValidationError(_("The search text contains characters that cannot be searched for."), code="control")


class SiteSearchForm(PageForm):
    """The site-wide search in every page's header and on the search page, and the page of its results."""

    q = forms.CharField(
        label=_("Search the site"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        validators=[validate_printable],
        help_text=_("Agreements, Innovation Centres, programmes, contact persons and pages, e.g. Korea or Karin."),
        error_messages={"max_length": _("The search text can be at most %(limit_value)d characters long.")},
    )
