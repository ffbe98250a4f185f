"""Rich text that editors write in the admin and visitors read on the site.

The editor offers only the markup the site styles; the same list drives nh3, which cleans what is
stored, so a script, an event handler or a javascript: link never reaches a visitor, whether the
text came through the admin, the seed command or the shell.
"""

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
            setattr(model_instance, self.attname, value)
        return value
