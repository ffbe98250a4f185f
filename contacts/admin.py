from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from contacts.models import ContactPerson
from publishing.admin import EditorialAdmin, MissingTranslationFilter, ReviewOverdueFilter


@admin.register(ContactPerson)
class ContactPersonAdmin(EditorialAdmin):
    list_display = (
        "name",
        "job_title",
        "phone_display",
        "email",
        "position",
        "published",
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

    @admin.display(description=ContactPerson._meta.get_field("phone").verbose_name, ordering="phone")
    def phone_display(self, obj):
        return obj.phone_display
