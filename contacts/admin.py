from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from contacts.models import ContactPerson
from publishing.admin import EditorialAdmin, MissingTranslationFilter, ReviewOverdueFilter, cell_with_note


@admin.register(ContactPerson)
class ContactPersonAdmin(EditorialAdmin):
    # Phone and email share a cell, so that the list, translations included, fits a laptop screen.
    list_display = (
        "name",
        "job_title",
        "phone_and_email",
        "position",
        "published",
        "translation_status",
        "last_modified",
        "last_reviewed_on",
    )
    list_filter = ("is_published", MissingTranslationFilter, ReviewOverdueFilter)
    list_editable = ("position",)
    search_fields = (
        "name",
        "email",
        "phone",
        "job_title_en",
        "job_title_da",
        "responsibilities_en",
        "responsibilities_da",
    )
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "job_title", "phone", "email", "responsibilities", "position")}),
        EditorialAdmin.review_fieldset,
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "phone":
            # The ministry's own number format as the example, in the editor's language.
            kwargs["error_messages"] = {"invalid": _("Enter a valid phone number, for example +45 72 31 82 13.")}
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("phone and email"), ordering="email")
    def phone_and_email(self, obj):
        phone = obj.phone_display and format_html('<span class="nowrap">{}</span>', obj.phone_display)
        return cell_with_note(phone, obj.email)
