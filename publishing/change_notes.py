"""Public change notes: what changed in an item and when ("Contact phone corrected"), in both languages.

Editors write one in the "Public change note" fields of an item's change form (``ChangeNoteAdminMixin``,
part of the publishing admin base); saving the item with a note creates a ``ChangeNote``. Item pages
list their notes by date (section ``id="changes"``), and ``ChangeNote.objects.public()`` gives the notes
of what visitors can see, newest first.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from publishing.models import ChangeNote

NOTE_FIELDS = ("change_note_en", "change_note_da")


class ChangeNoteAdminMixin:
    """Adds the "Public change note" fields to a content admin's form; a filled-in note is saved with the item."""

    change_note_fieldset = (
        _("Public change note"),
        {
            "fields": NOTE_FIELDS,
            "description": _(
                "Shown with the date on the item's page, e.g. “Contact phone corrected”. Leave empty for changes "
                "visitors need not be told about."
            ),
        },
    )

    def get_form(self, request, obj=None, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(
            base.__name__,
            (base,),
            {
                "change_note_en": forms.CharField(
                    label=_("Public change note (English)"), max_length=300, required=False
                ),
                "change_note_da": forms.CharField(
                    label=_("Public change note (Danish)"), max_length=300, required=False
                ),
            },
        )
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if any(NOTE_FIELDS[0] in options.get("fields", ()) for _name, options in fieldsets):
            return fieldsets
        return [*fieldsets, self.change_note_fieldset]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        note_en, note_da = (form.cleaned_data.get(name, "").strip() for name in NOTE_FIELDS)
        if note_en or note_da:
            ChangeNote.objects.create(item=obj, note_en=note_en, note_da=note_da, created_by=request.user)
