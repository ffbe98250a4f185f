from datetime import timedelta

from django.conf import settings
from django.db import connections, models, router
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ufm_intl.richtext import RichTextField
from ufm_intl.versionwatch import known_version, notify


class EditorialQuerySet(models.QuerySet):
    def published(self):
        """What a visitor may see."""
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Published items, plus drafts for a logged-in editor previewing them."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()

    def review_overdue(self):
        """Never reviewed, or last reviewed longer ago than the configured interval."""
        cutoff = timezone.localdate() - timedelta(days=settings.CONTENT_REVIEW_INTERVAL_DAYS)
        return self.filter(Q(last_reviewed_on__isnull=True) | Q(last_reviewed_on__lt=cutoff))


class EditorialModel(models.Model):
    """Fields every piece of visitor-facing content shares."""

    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Untick to keep this as a draft: visitors will not see it anywhere."),
    )
    last_reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date an editor last checked that this content is still correct."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = EditorialQuerySet.as_manager()

    class Meta:
        abstract = True


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
        return reverse(
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
            return reverse("centres:list")
        if self.kind == self.Kind.AGREEMENTS:
            return reverse("agreements:list")
        return reverse("programmes") + f"#{self.slug}"


class ContentVersion(models.Model):
    """A counter that every content change increases; cached pages are keyed by it.

    It lives in the database, not the cache, so that every app server and every worker process sees an
    edit on its next request, whatever cache backend is configured.
    """

    version = models.PositiveBigIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return str(self.version)

    @classmethod
    def current(cls):
        """The version now. Asked on every cached page view.

        Usually known without a query (ufm_intl/versionwatch.py); otherwise one plain SQL statement on
        the primary database: a replica could lag behind an edit.
        """
        return known_version(cls, cls._read)

    @classmethod
    def _read(cls, connection):
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT version FROM {table} WHERE id = 1")  # noqa: S608 - the model's own table
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def bump(cls):
        """Increase the version, in the current transaction; listeners hear of it when it commits."""
        database = router.db_for_write(cls)
        if (
            not cls.objects.using(database)
            .filter(pk=1)
            .update(version=models.F("version") + 1, updated_at=timezone.now())
        ):
            cls.objects.using(database).get_or_create(pk=1, defaults={"version": 2})
        notify(connections[database], cls._read)
