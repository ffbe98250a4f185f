"""Public change notes: what changed in an item and when ("Contact phone corrected"), in both languages.

Editors write one in the "Public change note" fields of an item's change form (``ChangeNoteAdminMixin``,
part of the publishing admin base); saving the item with a note creates a ``ChangeNote``. Item pages
list their notes by date (section ``id="changes"``), and ``ChangeNote.objects.public()`` gives the notes
of what visitors can see, newest first.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from publishing import versions
from publishing.models import ChangeNote
from publishing.scheduling import DateAndTimeField

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


@admin.register(ChangeNote)
class ChangeNoteAdmin(admin.ModelAdmin):
    list_display = ("note", "content", "content_type", "published_at", "created_by")
    list_filter = ("content_type", "published_at")
    list_select_related = ("content_type", "created_by")
    search_fields = ("note_en", "note_da")
    fields = ("note_en", "note_da", "published_at", "content", "created_by", "created_at", "updated_at")
    readonly_fields = ("content", "created_by", "created_at", "updated_at")
    date_hierarchy = "published_at"

    # As on the content's own forms: a date without a time is that day's start.
    formfield_overrides = {models.DateTimeField: {"form_class": DateAndTimeField}}

    @admin.display(description=_("change note"))
    def note(self, obj):
        return obj.text

    @admin.display(description=_("item"))
    def content(self, obj):
        return obj.item

    def has_add_permission(self, request):
        # A note belongs to an item: it is written on the item's change form.
        return False


def note_changed(sender, **kwargs):
    # Notes are shown on item pages: a changed note makes cached pages stale, like a content change.
    versions.bump()


post_save.connect(note_changed, sender=ChangeNote, dispatch_uid="publishing-change-note-saved")
post_delete.connect(note_changed, sender=ChangeNote, dispatch_uid="publishing-change-note-deleted")
