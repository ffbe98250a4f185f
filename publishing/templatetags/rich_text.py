"""``{% load rich_text %}``: editors' text and links as they may be shown to visitors.

``{{ page.body|rich_text }}`` shows rich text cleaned with nh3 (never ``|safe``); ``{{ url|safe_url }}``
is the address when it is http, https, mailto or tel, else empty, so that a ``javascript:`` website
stored outside the admin never becomes a live link. ``{{ form.q.value|printable }}`` repeats what a
visitor typed without the control characters HTML does not allow (a refused ``?q=%07``).
"""

import unicodedata

from django import template

from publishing import richtext

register = template.Library()

register.filter("rich_text", richtext.rich_text, is_safe=True)
register.filter("safe_url", richtext.safe_url)


@register.filter
def printable(value):
    """The text without control characters other than tab and line breaks."""
    if value is None:
        return ""
    return "".join(ch for ch in str(value) if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")
