"""What every piece of published content shares: drafts, review dates, ordered terms, the content version."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


class OrderedTerm(models.Model):
    """A named term that content is tagged with (a focus area, an activity), listed in the editors' order.

    Subclasses name the relation to the content that uses them in ``in_use_by``: deleting a term in use
    is refused (publishing/protection.py).
    """

    in_use_by = None

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower comes first."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class ContentVersion(models.Model):
    """The number cached pages are keyed by: every content change moves it forward (publishing/versions.py).

    It lives in the database, not the cache, so that every app server and every worker process sees an
    edit on its next request, whatever cache backend is configured. There is one row.
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
