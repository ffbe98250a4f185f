from django.contrib import admin
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _

from centres.models import FocusArea, InnovationCentre
from publishing.admin import (
    CountryFilter,
    CountryNameSearchMixin,
    EditorialAdmin,
    MissingTranslationFilter,
    OrderedTermAdmin,
    ReviewOverdueFilter,
    cell_with_note,
)

admin.site.register(FocusArea, OrderedTermAdmin)


@admin.register(InnovationCentre)
class InnovationCentreAdmin(CountryNameSearchMixin, EditorialAdmin):
    # The city goes under the country, so that the list fits a laptop screen next to the filters.
    list_display = (
        "name",
        "country_name",
        "attache_name",
        "published",
        "translation_status",
        "last_modified",
        "last_reviewed_on",
    )
    list_filter = ("is_published", CountryFilter, "focus_areas", MissingTranslationFilter, ReviewOverdueFilter)
    list_select_related = ("attache",)
    search_fields = ("name_en", "name_da", "city_en", "city_da", "summary_en", "summary_da")
    prepopulated_fields = {"slug_en": ("city_en",), "slug_da": ("city_da",)}
    autocomplete_fields = ("attache",)
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("name", "slug", "city", "country", "summary", "body")}),
        (_("Focus and people"), {"fields": ("focus_areas", "attache", "website", "address", "image", "image_alt")}),
        (_("Map"), {"fields": ("latitude", "longitude", "position")}),
        EditorialAdmin.review_fieldset,
    )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "focus_areas":
            kwargs["widget"] = CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return cell_with_note(obj.country.name, obj.city)

    @admin.display(description=_("attaché"), ordering="attache__name")
    def attache_name(self, obj):
        return obj.attache or "—"
