from django.contrib import admin

from contacts.models import ContactPerson
from ufm_intl.admin_tools import EditorialAdmin, MissingTranslationFilter, ReviewOverdueFilter


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

    @admin.display(description=ContactPerson._meta.get_field("phone").verbose_name, ordering="phone")
    def phone_display(self, obj):
        return obj.phone_display
