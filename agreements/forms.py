from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from agreements.models import Activity, BilateralAgreement, FundingPartner, Region, read_search
from publishing.country_search import MAX_QUERY_LENGTH
from publishing.pagination import PageForm


class SlugChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("There is no such option: “%(value)s”.")}

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)


class RegionField(forms.ChoiceField):
    def to_python(self, value):
        # "Asia" in a link someone wrote by hand is the region "asia".
        return super().to_python(value).lower()


class AgreementSearchForm(PageForm):
    """The agreements page's search and filters; the API takes the same parameters."""

    q = forms.CharField(
        label=_("Country"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "In English or Danish, e.g. Germany, Tyskland, DE, a city such as Munich or a region such as Asia."
        ),
        error_messages={"max_length": _("The search text can be at most %(limit_value)d characters long.")},
    )
    funder = SlugChoiceField(
        FundingPartner.objects.all(), label=_("Funding partner"), empty_label=_("All funding partners")
    )
    region = RegionField(
        label=_("Region (UN M49)"),
        required=False,
        choices=[("", _("All regions")), *Region.choices],
        error_messages={"invalid_choice": _("There is no such region: “%(value)s”.")},
    )
    activity = SlugChoiceField(Activity.objects.all(), label=_("Activity"), empty_label=_("All activities"))

    def offer_only_choices_in_use(self):
        """Offer in the filters only the funding partners and activities that some published agreement
        names, so that no option leads to an empty list (nor tells of a draft), and the one chosen. Every
        option is still accepted: a link may name one that no agreement has any longer. The regions are
        the UN's five, always."""
        published = BilateralAgreement.objects.published()
        for name, relation in (("funder", "funding_partners"), ("activity", "activities")):
            field = self.fields[name]
            chosen = self.data.get(name)
            # Asked in the query that reads the options anyway.
            options = field.queryset.annotate(in_use=Exists(published.filter(**{relation: OuterRef("pk")})))
            field.widget.choices = [
                ("", field.empty_label),
                *((option.slug, str(option)) for option in options if option.in_use or option.slug == chosen),
            ]

    def narrows(self):
        """Whether the search or a filter leaves out some agreements."""
        return any(value for name, value in self.cleaned_data.items() if name != "page")

    def filters_chosen(self):
        """Whether a filter, besides the search, leaves out some agreements."""
        return any(value for name, value in self.cleaned_data.items() if name not in ("q", "page"))

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("funder"):
            queryset = queryset.funded_by(data["funder"].slug)
        if data.get("region"):
            queryset = queryset.in_region(data["region"])
        if data.get("activity"):
            queryset = queryset.with_activity(data["activity"].slug)
        if data.get("q"):
            self.reading = read_search(data["q"])
            queryset = queryset.matching(self.reading)
        return queryset

    def guessed_countries(self):
        """The countries searched for when the query named none exactly but was closest to their names
        ("Gremany": Germany), for the page to say so; [] otherwise."""
        reading = getattr(self, "reading", None)
        if reading is None or reading.countries.is_exact:
            return []
        return list(reading.countries.codes)
