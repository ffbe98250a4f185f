from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing import text_search
from publishing.addresses import item_url
from publishing.models import EditorialModel, EditorialQuerySet
from publishing.richtext import RichTextField


class PageQuerySet(EditorialQuerySet):
    def search_text(self, query, language):
        """Pages whose title, summary or text contain every word of the query, as visitors of ``language``
        read them, best match first (publishing/text_search.py)."""
        return text_search.search(self, query, language, fields={"title": "A", "summary": "B", "body": "C"})


class Page(EditorialModel):
    """A page of editable text: the overview, the programmes page, the accessibility statement, the data page."""

    class Key(models.TextChoices):
        OVERVIEW = "overview", _("Overview")
        PROGRAMMES = "programmes", _("Programmes")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        DATA = "data", _("Open data")

    # Each is a page of the site that the menu or the footer links to.
    always_public = True

    class ComplianceStatus(models.TextChoices):
        FULLY = "fully", _("Fully compliant")
        PARTIALLY = "partially", _("Partially compliant")
        NOT = "not", _("Not compliant")

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

    # The accessibility statement in the form Danish public bodies publish (Digitaliseringsstyrelsen's
    # template). Its status and dates are what an audit found: editors fill them in, the site never
    # claims them for itself. Only the accessibility statement page has them.
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=20,
        choices=ComplianceStatus.choices,
        blank=True,
        help_text=_("Accessibility statement only: the result of the latest audit. Leave empty until audited."),
    )
    known_problems = RichTextField(
        _("content that is not accessible"),
        blank=True,
        help_text=_("Accessibility statement only: the problems the audit found, and what is done about them."),
    )
    statement_prepared_on = models.DateField(
        _("statement prepared"),
        null=True,
        blank=True,
        help_text=_("Accessibility statement only: the date the statement was prepared."),
    )
    statement_reviewed_on = models.DateField(
        _("statement last reviewed"),
        null=True,
        blank=True,
        help_text=_("Accessibility statement only: the date the statement was last reviewed."),
    )
    feedback_email = models.EmailField(
        _("feedback email"),
        blank=True,
        help_text=_("Accessibility statement only: where visitors report accessibility problems."),
    )

    objects = PageQuerySet.as_manager()

    class Meta(EditorialModel.Meta):
        ordering = ["key"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            *EditorialModel.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(key="accessibility")
                | models.Q(
                    compliance_status="",
                    statement_prepared_on__isnull=True,
                    statement_reviewed_on__isnull=True,
                    feedback_email="",
                ),
                name="page_statement_fields_only_on_accessibility",
                violation_error_message=_(
                    "Only the accessibility statement has a compliance status, dates and feedback email."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(statement_reviewed_on__isnull=True)
                | models.Q(statement_prepared_on__isnull=True)
                | models.Q(statement_reviewed_on__gte=models.F("statement_prepared_on")),
                name="page_statement_reviewed_after_prepared",
                violation_error_message=_("The statement cannot be reviewed before it was prepared."),
            ),
        ]

    def __str__(self):
        return self.title or self.get_key_display()

    @property
    def is_statement_complete(self):
        """Whether an audit has given the accessibility statement its status and date."""
        return bool(self.compliance_status and self.statement_prepared_on)

    def get_absolute_url(self):
        return item_url(
            {
                self.Key.OVERVIEW: "overview",
                self.Key.PROGRAMMES: "programmes",
                self.Key.ACCESSIBILITY: "accessibility",
                self.Key.DATA: "data",
            }[self.key]
        )


class InitiativeQuerySet(EditorialQuerySet):
    def programmes(self):
        return self.filter(kind=Initiative.Kind.PROGRAMME)

    def search_text(self, query, language):
        """Initiatives whose title, summary or text contain every word of the query, as visitors of
        ``language`` read them, best match first (publishing/text_search.py)."""
        return text_search.search(self, query, language, fields={"title": "A", "summary": "B", "body": "C"})

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Initiative(EditorialModel):
    """One of the ministry's initiatives listed on the overview (and, for programmes, on their page)."""

    class Kind(models.TextChoices):
        CENTRES = "centres", _("Innovation Centres")
        AGREEMENTS = "agreements", _("Bilateral agreements")
        PROGRAMME = "programme", _("Programme")
        OTHER = "other", _("Other cooperation")

    title = models.CharField(_("title"), max_length=200)
    # One per language (slug_en, slug_da): the anchor on each language's page uses its own word.
    slug = models.SlugField(_("slug"), max_length=100)
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

    class Meta(EditorialModel.Meta):
        ordering = ["position", "slug"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            *EditorialModel.Meta.constraints,
            models.UniqueConstraint(fields=["slug_en"], name="initiative_slug_en_unique"),
            models.UniqueConstraint(fields=["slug_da"], name="initiative_slug_da_unique"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.kind == self.Kind.CENTRES:
            return item_url("centres:list")
        if self.kind == self.Kind.AGREEMENTS:
            return item_url("agreements:list")
        if self.kind == self.Kind.PROGRAMME:
            return item_url("programmes") + f"#{self.slug}"
        # Other cooperation has no page of its own: the overview shows all of it, on the initiative's card.
        return item_url("overview") + f"#{self.slug}"
