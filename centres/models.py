from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

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

    def with_related(self):
        return self.select_related("attache").prefetch_related("focus_areas")


class InnovationCentre(EditorialModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
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

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("Innovation Centre")
        verbose_name_plural = _("Innovation Centres")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="centre_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="centre_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return item_url("centres:detail", slug=self.slug)

    @property
    def map_point(self):
        """(x, y) on the site's 1000x500 equirectangular world map, or None without a location."""
        if self.latitude is None or self.longitude is None:
            return None
        return round((float(self.longitude) + 180) / 360 * 1000, 1), round((90 - float(self.latitude)) / 180 * 500, 1)
