from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.addresses import item_url
from publishing.models import EditorialModel, EditorialQuerySet
from publishing.richtext import RichTextField


class Page(EditorialModel):
    """A page of editable text: the overview, the programmes page, the accessibility statement."""

    class Key(models.TextChoices):
        OVERVIEW = "overview", _("Overview")
        PROGRAMMES = "programmes", _("Programmes")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    key = models.CharField(
        _("page"),
        max_length=30,
        choices=Key.choices,
        unique=True,
        help_text=_("Which page of the site this text belongs to."),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown at the top of the page and to search engines."),
    )
    body = RichTextField(_("body"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title or self.get_key_display()

    def get_absolute_url(self):
        return item_url(
            {
                self.Key.OVERVIEW: "overview",
                self.Key.PROGRAMMES: "programmes",
                self.Key.ACCESSIBILITY: "accessibility",
            }[self.key]
        )


class InitiativeQuerySet(EditorialQuerySet):
    def programmes(self):
        return self.filter(kind=Initiative.Kind.PROGRAMME)


class Initiative(EditorialModel):
    """One of the ministry's initiatives listed on the overview (and, for programmes, on their page)."""

    class Kind(models.TextChoices):
        CENTRES = "centres", _("Innovation Centres")
        AGREEMENTS = "agreements", _("Bilateral agreements")
        PROGRAMME = "programme", _("Programme")
        OTHER = "other", _("Other cooperation")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Decides where the initiative links to; programmes get their own section."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower comes first."))

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.kind == self.Kind.CENTRES:
            return item_url("centres:list")
        if self.kind == self.Kind.AGREEMENTS:
            return item_url("agreements:list")
        return item_url("programmes") + f"#{self.slug}"
