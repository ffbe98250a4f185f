from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField

from publishing.addresses import item_url
from publishing.country_search import countries_for_query
from publishing.models import EditorialModel, EditorialQuerySet, OrderedTerm
from publishing.richtext import RichTextField


class FundingPartner(models.Model):
    # Deleting it while content uses it is refused (publishing/protection.py).
    in_use_by = "agreements"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    funds = models.TextField(
        _("what it funds"),
        blank=True,
        help_text=_("Shown beside the partner on each agreement it funds, e.g. “Funds project collaboration.”"),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("funding partner")
        verbose_name_plural = _("funding partners")

    def __str__(self):
        return self.name


class Activity(OrderedTerm):
    in_use_by = "agreements"

    class Meta(OrderedTerm.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    SOUTH_AMERICA = "south-america", _("South America")
    ASIA = "asia", _("Asia")
    MIDDLE_EAST = "middle-east", _("Middle East")
    AFRICA = "africa", _("Africa")
    OCEANIA = "oceania", _("Oceania")


class BilateralAgreementQuerySet(EditorialQuerySet):
    def for_country(self, code):
        return self.filter(country=code)

    def funded_by(self, slug):
        return self.filter(funding_partners__slug=slug)

    def in_region(self, region):
        return self.filter(region=region)

    def with_activity(self, slug):
        return self.filter(activities__slug=slug)

    def for_countries_ranked(self, ranked_codes):
        """Agreements with any of the given countries, in the order the countries are given (best first)."""
        if not ranked_codes:
            return self.none()
        rank = Case(
            *(When(country=code, then=Value(i)) for i, code in enumerate(ranked_codes)),
            output_field=models.IntegerField(),
        )
        return self.filter(country__in=ranked_codes).alias(rank=rank).order_by("rank", *self.model._meta.ordering)

    def search(self, query):
        """Agreements with the countries the query names (publishing/country_search.py), best match first."""
        aliases = CountryAlias.objects.values_list("country", "alias")
        return self.for_countries_ranked(countries_for_query(query, aliases))

    def countries(self):
        """The distinct country codes of these agreements."""
        return self.order_by("country").values_list("country", flat=True).distinct()

    def countries_by_name(self):
        """(name, code) of the distinct countries of these agreements, by name in the current language."""
        return sorted((Country(code).name, code) for code in self.countries())

    def for_listing(self):
        """What lists and the API show of each agreement: its funding partners."""
        return self.prefetch_related("funding_partners")

    def with_related(self):
        return self.prefetch_related("funding_partners", "activities")


class BilateralAgreement(EditorialModel):
    class Scope(models.TextChoices):
        EDUCATION_RESEARCH = "education-research", _("Education and research")
        EDUCATION = "education", _("Education")
        RESEARCH = "research", _("Research")
        INNOVATION = "innovation", _("Innovation")

    country = CountryField(_("country"), db_index=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.EDUCATION_RESEARCH)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in lists and to search engines.")
    )
    description = RichTextField(_("description"), blank=True)
    activities = models.ManyToManyField(Activity, verbose_name=_("activities"), related_name="agreements", blank=True)
    funding_partners = models.ManyToManyField(
        FundingPartner, verbose_name=_("funding partners"), related_name="agreements", blank=True
    )
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = BilateralAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("bilateral agreement")
        verbose_name_plural = _("bilateral agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(signed_on__isnull=True) | Q(valid_until__gt=F("signed_on")),
                name="agreement_valid_until_after_signed",
                violation_error_message=_("“Valid until” must be after the date the agreement was signed."),
            ),
            models.UniqueConstraint(
                fields=["country", "scope"],
                condition=Q(is_published=True),
                name="agreement_one_published_per_country_scope",
                violation_error_message=_("A published agreement with this country and scope already exists."),
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "country"], name="agreement_published_country"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return item_url("agreements:detail", slug=self.slug)


class CountryAlias(models.Model):
    """Another name a visitor might type for a country: a formal or native name, an abbreviation, a city."""

    class Kind(models.TextChoices):
        NAME = "name", _("Other name")
        ABBREVIATION = "abbreviation", _("Abbreviation")
        CITY = "city", _("City")

    country = CountryField(_("country"), db_index=True)
    alias = models.CharField(_("alias"), max_length=100, help_text=_("As a visitor would type it, e.g. “Deutschland”."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NAME)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["country", "alias"]
        verbose_name = _("country alias")
        verbose_name_plural = _("country aliases")
        constraints = [
            models.UniqueConstraint(fields=["country", "alias"], name="country_alias_unique"),
        ]

    def __str__(self):
        return f"{self.alias} → {self.country.name}"
