"""The admin every content app builds on: both languages, history with restore, review and draft states.

Nothing is registered here; content apps register their models with these classes."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from simple_history.admin import SimpleHistoryAdmin

from publishing.country_search import countries_for_query
from publishing.protection import in_use


class CountrySelectWidget(forms.Select):
    """The country list with type-to-find (the admin's own Select2, no extra downloads)."""

    class Media:
        css = {"screen": ["admin/css/vendor/select2/select2.css", "admin/css/autocomplete.css"]}
        js = [
            "admin/js/vendor/jquery/jquery.js",
            "admin/js/vendor/select2/select2.full.js",
            "admin/js/jquery.init.js",
            "publishing/admin-country-select.js",
        ]

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "country-select", **(attrs or {})}, choices)


def translated_fields(model):
    try:
        return translator.get_options_for_model(model).get_field_names()
    except Exception:  # The model has no translated fields.
        return ()


class CountryNameSearchMixin:
    """The admin search also finds content by country name in either language ("Tyskland").

    Admins whose app keeps other names for countries return them from ``country_aliases``.
    """

    def country_aliases(self):
        """(country code, alias) pairs the search also understands."""
        return ()

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            codes = countries_for_query(search_term, self.country_aliases())
            if codes:
                results = results | queryset.filter(country__in=codes)
        return results, may_have_duplicates


class InUseDeletionMixin:
    """The delete page lists the content that still uses the row, and refuses (publishing/protection.py)."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            for user in in_use(obj):
                protected.append(f"{user._meta.verbose_name.capitalize()}: {user}")
        return deleted, model_count, perms_needed, protected


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("missing-da", _("Danish missing")), ("missing-en", _("English missing"))]

    def queryset(self, request, queryset):
        if self.value() not in ("missing-da", "missing-en"):
            return queryset
        language = self.value().removeprefix("missing-")
        condition = Q()
        for field in translated_fields(queryset.model):
            base = queryset.model._meta.get_field(field)
            if base.blank:
                continue
            condition |= Q(**{f"{field}_{language}__isnull": True}) | Q(**{f"{field}_{language}": ""})
        return queryset.filter(condition) if condition else queryset.none()


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Review overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        return queryset


@admin.action(description=_("Mark the selected items as reviewed today"))
def mark_reviewed(modeladmin, request, queryset):
    count = 0
    for obj in queryset:
        # One save per object, so that each review is in the object's history.
        obj.last_reviewed_on = timezone.localdate()
        obj.save(update_fields=["last_reviewed_on", "updated_at"])
        count += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d item marked as reviewed.", "%(count)d items marked as reviewed.", count) % {"count": count},
        messages.SUCCESS,
    )


class ContentAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Admin for translated content: English and Danish next to each other, with history and restore."""

    list_per_page = 50
    readonly_fields = ("translation_status", "last_modified_by", "updated_at", "created_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "country":
            kwargs["widget"] = CountrySelectWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        history = self.model.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
        return (
            super().get_queryset(request).annotate(last_editor=Subquery(history.values("history_user__username")[:1]))
        )

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        missing = []
        for language, label in (("en", _("English")), ("da", _("Danish"))):
            for field in translated_fields(type(obj)):
                if type(obj)._meta.get_field(field).blank:
                    continue
                if not getattr(obj, f"{field}_{language}", None):
                    missing.append(label)
                    break
        if not missing:
            return format_html('<span class="translation-complete">{}</span>', _("English and Danish"))
        return format_html_join(
            " ",
            '<strong class="translation-missing">{} {}</strong>',
            ((label, _("missing")) for label in missing),
        )

    @admin.display(description=_("last modified by"))
    def last_modified_by(self, obj):
        return getattr(obj, "last_editor", None) or "—"

    @admin.display(description=_("last modified"), ordering="updated_at")
    def last_modified(self, obj):
        return format_html(
            '{}<br><span class="quiet">{}</span>',
            timezone.localtime(obj.updated_at).strftime("%Y-%m-%d %H:%M"),
            self.last_modified_by(obj),
        )


class EditorialAdmin(ContentAdmin):
    """Content with a published state and a review date."""

    actions = [mark_reviewed]
    review_fieldset = (
        _("Publishing"),
        {"fields": ("is_published", "last_reviewed_on", "translation_status", "updated_at", "last_modified_by")},
    )

    @admin.display(description=_("published"), boolean=True, ordering="is_published")
    def published(self, obj):
        return obj.is_published


class OrderedTermAdmin(InUseDeletionMixin, ContentAdmin):
    """Admin for the terms content is tagged with (publishing.models.OrderedTerm)."""

    list_display = ("name", "slug", "position", "translation_status", "last_modified")
    list_filter = (MissingTranslationFilter,)
    list_editable = ("position",)
    search_fields = ("name_en", "name_da")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "position", "translation_status", "updated_at", "last_modified_by")
