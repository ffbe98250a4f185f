from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from publishing.admin import EditorialAdmin, MissingTranslationFilter, ReviewOverdueFilter
from publishing.history import show_automatic_author
from ufm_intl.models import Initiative, Page
from ufm_intl.seed import SEED_REASON

# The seed's history rows have no editor: the history pages name the seed instead.
show_automatic_author(SEED_REASON, _("Seed content"))


@admin.register(Page)
class PageAdmin(EditorialAdmin):
    list_display = ("title", "key", "published", "translation_status", "last_modified", "last_reviewed_on")
    list_filter = ("is_published", MissingTranslationFilter, ReviewOverdueFilter)
    search_fields = ("title_en", "title_da", "summary_en", "summary_da")
    fieldsets = (
        (None, {"fields": ("key", "title", "summary", "body")}),
        EditorialAdmin.review_fieldset,
    )

    accessibility_fieldset = (
        _("Accessibility statement"),
        {
            "fields": (
                "compliance_status",
                "known_problems_en",
                "known_problems_da",
                "statement_prepared_on",
                "statement_reviewed_on",
                "feedback_email",
            ),
            "description": _("Filled in after an accessibility audit. Until then the page says so."),
        },
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.key == Page.Key.ACCESSIBILITY:
            fieldsets = (*fieldsets[:1], self.accessibility_fieldset, *fieldsets[1:])
        return fieldsets

    def has_delete_permission(self, request, obj=None):
        # Each page has a fixed place on the site; it can be unpublished, not deleted.
        return False


@admin.register(Initiative)
class InitiativeAdmin(EditorialAdmin):
    list_display = ("title", "kind", "position", "published", "translation_status", "last_modified", "last_reviewed_on")
    list_filter = ("kind", "is_published", MissingTranslationFilter, ReviewOverdueFilter)
    list_editable = ("position",)
    search_fields = ("title_en", "title_da", "summary_en", "summary_da")
    prepopulated_fields = {"slug_en": ("title_en",), "slug_da": ("title_da",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "position", "summary", "body")}),
        EditorialAdmin.review_fieldset,
    )
