from django.contrib import admin

from publishing.admin import EditorialAdmin, MissingTranslationFilter, ReviewOverdueFilter
from ufm_intl.models import Initiative, Page


@admin.register(Page)
class PageAdmin(EditorialAdmin):
    list_display = ("title", "key", "published", "translation_status", "last_modified", "last_reviewed_on")
    list_filter = ("is_published", MissingTranslationFilter, ReviewOverdueFilter)
    search_fields = ("title_en", "title_da", "summary_en", "summary_da")
    fieldsets = (
        (None, {"fields": ("key", "title", "summary", "body")}),
        EditorialAdmin.review_fieldset,
    )

    def has_delete_permission(self, request, obj=None):
        # Each page has a fixed place on the site; it can be unpublished, not deleted.
        return False


@admin.register(Initiative)
class InitiativeAdmin(EditorialAdmin):
    list_display = ("title", "kind", "position", "published", "translation_status", "last_modified", "last_reviewed_on")
    list_filter = ("kind", "is_published", MissingTranslationFilter, ReviewOverdueFilter)
    list_editable = ("position",)
    search_fields = ("title_en", "title_da", "summary_en", "summary_da")
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "position", "summary", "body")}),
        EditorialAdmin.review_fieldset,
    )
