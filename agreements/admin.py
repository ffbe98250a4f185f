from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import CheckboxSelectMultiple
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from agreements.models import (
    EXPIRY_WARNING_DAYS,
    Activity,
    AgreementDocument,
    BilateralAgreement,
    CountryAlias,
    FundingPartner,
)
from publishing.admin import (
    ContentAdmin,
    ContentAdminForm,
    ContentListRowForm,
    CountryFilter,
    CountryNameSearchMixin,
    EditorialAdmin,
    InUseDeletionMixin,
    MissingTranslationFilter,
    OrderedTermAdmin,
    ReviewOverdueFilter,
    VersionedAdmin,
    VersionedInlineFormSet,
    cell_with_note,
)


@admin.register(FundingPartner)
class FundingPartnerAdmin(InUseDeletionMixin, ContentAdmin):
    list_display = ("name", "slug", "agreement_count", "translation_status", "last_modified")
    list_filter = (MissingTranslationFilter,)
    search_fields = ("name_en", "name_da", "funds_en", "funds_da")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "funds", "website", "translation_status", "updated_at", "last_modified_by")

    @admin.display(description=_("agreements"))
    def agreement_count(self, obj):
        return obj.agreements.count()


admin.site.register(Activity, OrderedTermAdmin)


class ExpiringSoonFilter(admin.SimpleListFilter):
    title = _("expiry")
    parameter_name = "expires"

    def lookups(self, request, model_admin):
        return [("soon", _("Expires within 90 days"))]

    def queryset(self, request, queryset):
        if self.value() == "soon":
            return queryset.expiring_within(EXPIRY_WARNING_DAYS)
        return queryset


class AgreementDocumentInline(TranslationTabularInline):
    model = AgreementDocument
    # Each row is checked like the agreement: a document someone else changed or deleted after the form
    # was opened is not saved over.
    form = ContentListRowForm
    formset = VersionedInlineFormSet
    extra = 0
    fields = ("title", "language", "file", "file_size", "position")
    readonly_fields = ("file_size",)

    @admin.display(description=_("size"))
    def file_size(self, obj):
        return filesizeformat(obj.size) if obj.pk else "—"


class AgreementDocumentForm(ContentAdminForm):
    """A document restored from its history: its agreement must exist, and its file be stored."""

    def clean(self):
        cleaned_data = super().clean()
        if not BilateralAgreement.objects.filter(pk=self.instance.agreement_id).exists():
            raise ValidationError(_("Its agreement has been deleted: restore the agreement first, then the document."))
        file = cleaned_data.get("file")
        if file and getattr(file, "_committed", False) and not file.storage.exists(file.name):
            # Files replaced or deleted before documents kept a history of them were not kept.
            self.add_error("file", _("The file of this version is no longer stored: choose it to upload it again."))
        return cleaned_data


@admin.register(AgreementDocument)
class AgreementDocumentAdmin(ContentAdmin):
    """A document's own history, where an earlier version, or a deleted document, is restored with its file.

    Documents are added, changed and deleted in their agreement's form; its history page lists their
    changes and links here. Not in the admin's menu.
    """

    list_display = ("title", "agreement", "language", "updated_at")
    list_select_related = ("agreement",)
    list_filter = ("language",)
    search_fields = ("title_en", "title_da")
    form = AgreementDocumentForm
    fields = ("agreement", "title", "language", "file", "position")
    readonly_fields = ("agreement",)

    def get_model_perms(self, request):
        return {}

    def has_add_permission(self, request):
        return False


@admin.register(BilateralAgreement)
class BilateralAgreementAdmin(CountryNameSearchMixin, EditorialAdmin):
    # Eight columns that fit a laptop screen next to the filters: the region goes under the country, the
    # funding partners under the scope and the end date under the status (region, funding partner and
    # expiry are also filters).
    list_display = (
        "title",
        "country_name",
        "scope_and_funders",
        "status_today",
        "published",
        "translation_status",
        "last_modified",
        "last_reviewed_on",
    )
    list_filter = (
        "is_published",
        CountryFilter,
        "region",
        "funding_partners",
        "activities",
        ExpiringSoonFilter,
        MissingTranslationFilter,
        ReviewOverdueFilter,
    )
    search_fields = ("title_en", "title_da", "summary_en", "summary_da", "slug_en", "slug_da")
    inlines = [AgreementDocumentInline]
    prepopulated_fields = {"slug_en": ("title_en",), "slug_da": ("title_da",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "country", "region", "scope", "summary", "description")}),
        (_("Cooperation"), {"fields": ("activities", "funding_partners")}),
        (
            _("Status"),
            {"fields": ("signed_on", "in_force_from", "valid_until", "status_override")},
        ),
        EditorialAdmin.review_fieldset,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("funding_partners")

    related_history_title = _("Changes of its documents")

    def related_history(self, request, object_id):
        """The changes of the agreement's documents, deleted ones included, for its history page."""
        return AgreementDocument.history.filter(agreement_id=object_id)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["widget"] = CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return cell_with_note(obj.country.name, obj.get_region_display())

    @admin.display(description=_("scope"), ordering="scope")
    def scope_and_funders(self, obj):
        return cell_with_note(
            obj.get_scope_display(), ", ".join(partner.name for partner in obj.funding_partners.all())
        )

    @admin.display(description=_("status"), ordering="valid_until")
    def status_today(self, obj):
        status = obj.status_on(timezone.localdate())
        until = obj.valid_until and format_lazy("{} {}", capfirst(_("valid until")), formats.localize(obj.valid_until))
        return cell_with_note(status.label if status else "—", until)


@admin.register(CountryAlias)
class CountryAliasAdmin(VersionedAdmin):
    list_display = ("alias", "country_name", "kind", "updated_at")
    list_filter = ("kind", CountryFilter)
    search_fields = ("alias", "country")
    fields = ("alias", "country", "kind")

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        return obj.country.name
