import datetime
import functools
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Max, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from publishing import text_search
from publishing.addresses import item_url
from publishing.country_search import Reading, country_name, names_a_country, normalise, read_query
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
    """The five regions of the UN's standard country grouping (M49), so that filtering follows a standard.

    M49 places some countries differently from everyday usage: Türkiye, Israel and the whole Middle
    East are in Asia, Mexico and the Caribbean in the Americas.
    """

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")

    @classmethod
    def named(cls, text):
        """The region ``text`` names in any site language ("Asia", "Afrika", "the Americas"), or None."""
        return _region_names().get(normalise(text))


@functools.cache
def _region_names():
    names = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update((normalise(str(region.label)), region.value) for region in Region)
    return names


@dataclass(frozen=True)
class SearchReading:
    """What the agreement search reads a query as: regions, countries (a ``country_search.Reading``), or a
    list of both ("Germany, Asia")."""

    regions: tuple = ()
    countries: Reading = Reading()


def read_search(query):
    """A region's name is read as the region, unless it is also a country's ("Amerika" is the USA as well
    as the Americas): a continent is no misspelt country. Anything else as the countries it names, and
    the regions a list names with them ("Asia, Europe", "Tyskland og Asien")."""
    aliases = list(CountryAlias.objects.values_list("country", "alias"))
    region = Region.named(query)
    if region and not names_a_country(query, aliases):
        return SearchReading(regions=(region,))
    names = _region_names()
    countries = read_query(query, aliases, places=names.keys())
    return SearchReading(
        regions=tuple(dict.fromkeys(names[place] for place in countries.places if place in names)),
        countries=countries,
    )


class AgreementStatus(models.TextChoices):
    """Where an agreement stands, as visitors read it: from its dates, unless an editor has set it."""

    SIGNED = "signed", _("Signed, not yet in force")
    IN_FORCE = "in-force", _("In force")
    EXPIRED = "expired", _("Expired")
    UNDER_RENEGOTIATION = "under-renegotiation", _("Under renegotiation")


class StatusOverride(models.TextChoices):
    """The statuses the dates cannot tell, set by editors."""

    UNDER_RENEGOTIATION = AgreementStatus.UNDER_RENEGOTIATION.value, AgreementStatus.UNDER_RENEGOTIATION.label


def derive_status(today, *, override, signed_on, in_force_from, valid_until):
    """The status of an agreement with these dates on ``today``, or None when the dates do not tell.

    The same rules as ``BilateralAgreementQuerySet.with_status()``.
    """
    if override:
        return AgreementStatus(override)
    if valid_until and valid_until < today:
        return AgreementStatus.EXPIRED
    if in_force_from and in_force_from <= today:
        return AgreementStatus.IN_FORCE
    if signed_on and in_force_from and in_force_from > today:
        return AgreementStatus.SIGNED
    return None


class BilateralAgreementQuerySet(EditorialQuerySet):
    def for_country(self, code):
        return self.filter(country=code)

    def funded_by(self, slug):
        return self.filter(funding_partners__slug=slug)

    def in_region(self, region):
        return self.filter(region=region)

    def with_activity(self, slug):
        return self.filter(activities__slug=slug)

    def for_countries_ranked(self, ranked_codes, regions=()):
        """Agreements with any of the given countries, in the order the countries are given (best first),
        then those in any of ``regions``."""
        if not ranked_codes and not regions:
            return self.none()
        rank = Case(
            *(When(country=code, then=Value(i)) for i, code in enumerate(ranked_codes)),
            default=Value(len(ranked_codes)),
            output_field=models.IntegerField(),
        )
        wanted = Q(country__in=ranked_codes) | Q(region__in=regions)
        return self.filter(wanted).alias(rank=rank).order_by("rank", *self.model._meta.ordering, "pk")

    def search(self, query):
        """Agreements with the countries the query names (publishing/country_search.py), best match first;
        a region's name finds the agreements in that region (``read_search``)."""
        return self.matching(read_search(query))

    def matching(self, reading):
        """Agreements as a ``SearchReading`` of the search says: with its countries or in its regions."""
        if reading.regions and not reading.countries.codes:
            return self.filter(region__in=reading.regions)
        return self.for_countries_ranked(list(reading.countries.codes), reading.regions)

    def search_text(self, query, language):
        """Agreements whose title, summary, description or funding partners contain every word of the query,
        as visitors of ``language`` read them, best match first (publishing/text_search.py)."""
        return text_search.search(
            self,
            query,
            language,
            fields={"title": "A", "summary": "B", "description": "C"},
            related={"funding_partners__name": "B"},
        )

    def countries(self):
        """The distinct country codes of these agreements."""
        return self.order_by("country").values_list("country", flat=True).distinct()

    def countries_by_name(self):
        """(name, code) of the distinct countries of these agreements, by name in the current language."""
        return sorted((country_name(code), code) for code in self.countries())

    def countries_by_name_and_latest_change(self):
        """``countries_by_name()`` and the latest ``updated_at`` of these agreements, in one query."""
        rows = list(self.order_by().values_list("country").annotate(latest=Max("updated_at")))
        latest = max((row_latest for _code, row_latest in rows if row_latest), default=None)
        return sorted((country_name(code), code) for code, _latest in rows), latest

    def by_title(self):
        """By title in the current language ("Bilateral aftale med Brasilien, … Indien, … Kina" in Danish),
        which names the country; an untranslated title counts in English."""
        language = get_language()
        if language == "en":
            return self.order_by("title_en", "pk")  # the same order, without the expression to compile
        title = Coalesce(NullIf(f"title_{language}", Value("")), "title_en")
        return self.alias(title_in_language=title).order_by("title_in_language", "pk")

    def with_slug(self, slug):
        """The agreement whose address uses ``slug``, in any language."""
        return self.filter(Q(slug_en=slug) | Q(slug_da=slug))

    def with_status(self, today=None):
        """Each agreement's status on ``today`` (default: today) as ``current_status``: an
        ``AgreementStatus`` value, or None when neither an editor nor the dates say (the same rules as
        ``BilateralAgreement.status``)."""
        today = today or timezone.localdate()
        status = Case(
            When(~Q(status_override=""), then=F("status_override")),
            When(valid_until__lt=today, then=Value(AgreementStatus.EXPIRED.value)),
            When(in_force_from__lte=today, then=Value(AgreementStatus.IN_FORCE.value)),
            When(
                signed_on__isnull=False,
                in_force_from__gt=today,
                then=Value(AgreementStatus.SIGNED.value),
            ),
            default=Value(None),
            output_field=models.CharField(),
        )
        return self.annotate(current_status=status)

    def with_status_on(self, status, today=None):
        """Agreements whose status on ``today`` is ``status`` (an ``AgreementStatus``)."""
        return self.with_status(today).filter(current_status=status)

    def expiring_within(self, days, today=None):
        """Agreements whose "valid until" date is between ``today`` (default: today) and ``days`` days
        later, soonest first: the ones editors must renew or update."""
        today = today or timezone.localdate()
        return self.filter(valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=days)).order_by(
            "valid_until", "pk"
        )

    def for_listing(self):
        """What lists and the API show of each agreement: its funding partners, as ``funding_partner_list``
        (a list: Django's prefetch would make a query set for each agreement)."""
        return self.prefetch_related(Prefetch("funding_partners", to_attr="funding_partner_list"))

    def with_related(self):
        """What the downloads and the country pages show of each agreement: also its activities."""
        return self.for_listing().prefetch_related("activities")


# Editors are shown the agreements that expire this soon (the admin's front page and a list filter).
EXPIRY_WARNING_DAYS = 90

IN_FORCE_BEFORE_SIGNED = _("“In force from” cannot be before the date the agreement was signed.")
VALID_UNTIL_BEFORE_IN_FORCE = _("“Valid until” must be after “In force from”.")


class BilateralAgreement(EditorialModel):
    class Scope(models.TextChoices):
        EDUCATION_RESEARCH = "education-research", _("Education and research")
        EDUCATION = "education", _("Education")
        RESEARCH = "research", _("Research")
        INNOVATION = "innovation", _("Innovation")

    country = CountryField(_("country"), db_index=True)
    region = models.CharField(
        _("region (UN M49)"),
        max_length=20,
        choices=Region.choices,
        db_index=True,
        help_text=_("The country's region in the UN M49 standard: Türkiye and Israel, for example, are in Asia."),
    )
    title = models.CharField(_("title"), max_length=200)
    # One per language (slug_en, slug_da): each language's address uses its own word.
    slug = models.SlugField(_("slug"), max_length=100)
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
    in_force_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("The date the agreement takes effect. Visitors see its status from the dates."),
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status_override = models.CharField(
        _("status set by editors"),
        max_length=30,
        choices=StatusOverride.choices,
        blank=True,
        help_text=_("Leave empty to show the status the dates give (in force, expired, signed, not yet in force)."),
    )

    objects = BilateralAgreementQuerySet.as_manager()

    class Meta(EditorialModel.Meta):
        ordering = ["slug"]
        verbose_name = _("bilateral agreement")
        verbose_name_plural = _("bilateral agreements")
        constraints = [
            *EditorialModel.Meta.constraints,
            models.UniqueConstraint(fields=["slug_en"], name="agreement_slug_en_unique"),
            models.UniqueConstraint(fields=["slug_da"], name="agreement_slug_da_unique"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(signed_on__isnull=True) | Q(valid_until__gt=F("signed_on")),
                name="agreement_valid_until_after_signed",
                violation_error_message=_("“Valid until” must be after the date the agreement was signed."),
            ),
            models.CheckConstraint(
                condition=Q(in_force_from__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(in_force_from__gte=F("signed_on")),
                name="agreement_in_force_not_before_signed",
                violation_error_message=IN_FORCE_BEFORE_SIGNED,
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(valid_until__gt=F("in_force_from")),
                name="agreement_valid_until_after_in_force",
                violation_error_message=VALID_UNTIL_BEFORE_IN_FORCE,
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

    def clean(self):
        super().clean()
        errors = {}
        if self.signed_on and self.in_force_from and self.in_force_from < self.signed_on:
            errors["in_force_from"] = IN_FORCE_BEFORE_SIGNED
        if self.in_force_from and self.valid_until and self.valid_until <= self.in_force_from:
            errors["valid_until"] = VALID_UNTIL_BEFORE_IN_FORCE
        if errors:
            raise ValidationError(errors)

    def status_on(self, today):
        """The agreement's status on ``today``: an ``AgreementStatus``, or None when the dates do not tell."""
        return derive_status(
            today,
            override=self.status_override,
            signed_on=self.signed_on,
            in_force_from=self.in_force_from,
            valid_until=self.valid_until,
        )

    @property
    def status(self):
        """The status visitors see today; None for an agreement without dates (nothing is guessed)."""
        return self.status_on(timezone.localdate())


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


def document_path(instance, filename):
    """A name nobody can guess: files are only served through the agreement page's download links."""
    return f"agreements/documents/{secrets.token_urlsafe(24)}.pdf"


def validate_pdf(file):
    """Refuse a new upload that is not a PDF (read from its first bytes, whatever its name says) or too large."""
    if getattr(file, "_committed", True):
        return  # a file already stored was checked when it was uploaded
    if file.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s. A document may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES)},
        )
    file.seek(0)
    start = file.read(5)
    file.seek(0)
    if start != b"%PDF-":
        raise ValidationError(
            _("This file is not a PDF. Save the document as PDF and upload that file."),
            code="not_pdf",
        )


class AgreementDocumentQuerySet(models.QuerySet):
    def of_agreements(self, agreements):
        """The documents of the given agreements (a QuerySet of ``BilateralAgreement``)."""
        return self.filter(agreement__in=agreements)


class AgreementDocument(models.Model):
    """The text of an agreement, or another document about it, as a PDF file visitors can download."""

    class Language(models.TextChoices):
        DANISH = "da", _("Danish")
        ENGLISH = "en", _("English")
        OTHER = "other", _("Other language")

    agreement = models.ForeignKey(
        BilateralAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("E.g. “The agreement (signed text)”."))
    language = models.CharField(
        _("language of the document"), max_length=10, choices=Language.choices, default=Language.ENGLISH
    )
    file = models.FileField(
        _("file (PDF)"),
        upload_to=document_path,
        max_length=200,
        validators=[validate_pdf],
        help_text=_("A PDF file."),
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False, default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower comes first."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = AgreementDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "position", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A replaced file stays stored, as a deleted document's does: the history names it, and restoring
        # that version brings it back. Visitors only ever get the files of current documents.
        previous = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first() if self.pk else None
        if self.file and (self.file.name != previous or not self.size):
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("agreements:document", kwargs={"slug": self.agreement.slug, "pk": self.pk})
