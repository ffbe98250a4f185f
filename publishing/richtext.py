"""Rich text that editors write in the admin and visitors read on the site.

The editor offers only the markup the site styles; the same list drives nh3, which cleans the text
twice: when it is saved, so that what is stored is clean, and when it is shown (``rich_text``), so
that text which reached the database another way (a restored backup, ``QuerySet.update()``,
``bulk_create``, SQL) cannot carry a script, an event handler or a javascript: link to a visitor
either. Links stored in plain URL fields are checked where they are shown (``safe_url``).
"""

import hashlib
import re

from django.utils.safestring import SafeString
from django_prose_editor.fields import ProseEditorField, create_sanitizer

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "HardBreak": True,
}

sanitize_html = create_sanitizer(EXTENSIONS)


class RichTextField(ProseEditorField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", dict(EXTENSIONS))
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value:
            value = sanitize_html(value)
            # Not setattr(): on a translated field's original name, modeltranslation reads the text of
            # another language when this one is empty, and setattr() would write it into this one.
            model_instance.__dict__[self.attname] = value
        return value


# Cleaned texts by the hash of the raw text. Pages are cached anyway; this saves nh3 the work when the
# same text is shown again in a page that is not (an editor's preview, a draft).
_CLEANED = {}
_CLEANED_MAX = 1024


def rich_text(value):
    """Editors' rich text cleaned for showing as HTML, whatever way it reached the database."""
    if not value:
        return SafeString("")
    key = hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()
    cleaned = _CLEANED.get(key)
    if cleaned is None:
        if len(_CLEANED) >= _CLEANED_MAX:
            _CLEANED.clear()
        # nh3 leaves only the tags, attributes and link schemes in EXTENSIONS: safe to show as it is.
        cleaned = _CLEANED[key] = SafeString(sanitize_html(value))
    return cleaned


LINK_SCHEMES = ("http", "https", "mailto", "tel")
# Browsers ignore tabs and newlines anywhere in a URL, and control characters and spaces around it.
_IGNORED_IN_URLS = re.compile(r"[\t\n\r]")
_AROUND_URLS = "".join(chr(code) for code in range(0x21))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def safe_url(value):
    """The address if a link to it is safe to follow (http, https, mailto, tel), else ""."""
    url = _IGNORED_IN_URLS.sub("", str(value or "")).strip(_AROUND_URLS)
    scheme = _SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in LINK_SCHEMES:
        return ""
    return url
