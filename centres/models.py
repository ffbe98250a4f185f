from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from publishing import text_search
from publishing.addresses import item_url
from publishing.models import EditorialModel, EditorialQuerySet, OrderedTerm
from publishing.richtext import RichTextField


class FocusArea(OrderedTerm):
    in_use_by = "centres"

    class Meta(OrderedTerm.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")


class InnovationCentreQuerySet(EditorialQuerySet):
    def for_country(self, code):
        return self.filter(country=code)

    def for_countries(self, codes):
        return self.filter(country__in=codes)

    def search_text(self, query, language):
        """Centres whose name, city, summary, text or focus areas contain every word of the query, as
        visitors of ``language`` read them, best match first (publishing/text_search.py)."""
        return text_search.search(
            self,
            query,
            language,
            fields={"name": "A", "city": "A", "summary": "B", "body": "C"},
            related={"focus_areas__name": "C"},
        )

    def for_listing(self):
        """What lists, the API and the downloads show of each centre: its focus areas, as
        ``focus_area_list`` (a list: Django's prefetch would make a query set for each centre)."""
        return self.prefetch_related(Prefetch("focus_areas", to_attr="focus_area_list"))


class InnovationCentre(EditorialModel):
    name = models.CharField(_("name"), max_length=200)
    # One per language (slug_en, slug_da): each language's address uses its own word.
    slug = models.SlugField(_("slug"), max_length=100)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"), db_index=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in lists and to search engines.")
    )
    body = RichTextField(_("body"), blank=True)
    focus_areas = models.ManyToManyField(FocusArea, verbose_name=_("focus areas"), related_name="centres", blank=True)
    attache = models.ForeignKey(
        "contacts.ContactPerson",
        verbose_name=_("innovation attaché"),
        related_name="centres",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("The ministry's posted innovation attaché at this centre."),
    )
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(
        _("address"), blank=True, help_text=_("The centre's postal address, one line per line of the address.")
    )
    image = models.ImageField(
        _("image"),
        upload_to="centres/",
        blank=True,
        help_text=_("A photo of the centre or its city, shown on the centre's page."),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for visitors who cannot see it. Required when there is an image."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Where the centre is drawn on the map, in decimal degrees (north is positive)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In decimal degrees (east is positive)."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower comes first."))

    objects = InnovationCentreQuerySet.as_manager()

    class Meta(EditorialModel.Meta):
        ordering = ["position", "slug"]
        verbose_name = _("Innovation Centre")
        verbose_name_plural = _("Innovation Centres")
        constraints = [
            *EditorialModel.Meta.constraints,
            models.UniqueConstraint(fields=["slug_en"], name="centre_slug_en_unique"),
            models.UniqueConstraint(fields=["slug_da"], name="centre_slug_da_unique"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="centre_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="centre_longitude_range",
            ),
            # The alt text exists in both languages (modeltranslation's columns); a visitor of either
            # language must be told what the image shows.
            models.CheckConstraint(
                condition=models.Q(image="") | models.Q(image_alt_en__gt="", image_alt_da__gt=""),
                name="centre_image_has_alt_text",
                violation_error_message=_("An image needs a description (alt text) in English and Danish."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.image:
            missing = {
                f"image_alt_{language}": _("Describe what the image shows.")
                for language in ("en", "da")
                if not (getattr(self, f"image_alt_{language}", "") or "").strip()
            }
            if missing:
                raise ValidationError(missing)

    def get_absolute_url(self):
        return item_url("centres:detail", slug=self.slug)

    @property
    def map_point(self):
        """(x, y) on the site's 1000x500 equirectangular world map, or None without a location."""
        if self.latitude is None or self.longitude is None:
            return None
        return round((float(self.longitude) + 180) / 360 * 1000, 1), round((90 - float(self.latitude)) / 180 * 500, 1)
