"""What every piece of published content shares: drafts, review dates, ordered terms, the content version."""

import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class VisibleAt(models.Expression):
    """The condition "a visitor may see it at ``moment``" on an ``EditorialModel``'s query.

    The SQL the five lookups ``(publish_from IS NULL OR publish_from <= moment) AND (unpublish_at IS NULL
    OR unpublish_at > moment) AND is_published`` would make, written as one expression: nearly every
    query of a public page asks it, and compiling the lookups was a fifth of such a query's time.
    """

    output_field = models.BooleanField()

    def __init__(self, moment):
        super().__init__()
        self.moment = moment
        self.columns = [F("publish_from"), F("unpublish_at"), F("is_published")]

    def get_source_expressions(self):
        return self.columns

    def set_source_expressions(self, expressions):
        self.columns = expressions

    def as_sql(self, compiler, connection):
        publish_from, unpublish_at, is_published = (compiler.compile(column)[0] for column in self.columns)
        # As the lookups would: a moment without a timezone is taken in the site's.
        moment = self.columns[0].output_field.get_db_prep_value(self.moment, connection)
        sql = (
            f"(({publish_from} IS NULL OR {publish_from} <= %s) AND "
            f"({unpublish_at} IS NULL OR {unpublish_at} > %s) AND {is_published})"
        )
        return sql, (moment, moment)


class EditorialQuerySet(models.QuerySet):
    def published(self):
        """What a visitor may see now: published, and inside its publishing window if it has one.

        The window is read against the clock, so an item appears and disappears at its scheduled
        minute without anyone saving anything; cached pages expire then too (publishing/scheduling.py).
        """
        return self.filter(VisibleAt(timezone.now()))

    def visible_to(self, user):
        """Published items, plus drafts for a logged-in editor previewing them."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()

    def last_updated(self):
        """When the latest of these items was last changed (for a page's "Last updated"), or None."""
        return self.aggregate(latest=Max("updated_at"))["latest"]

    def review_overdue(self):
        """Never reviewed, or last reviewed longer ago than the configured interval."""
        cutoff = timezone.localdate() - timedelta(days=settings.CONTENT_REVIEW_INTERVAL_DAYS)
        return self.filter(Q(last_reviewed_on__isnull=True) | Q(last_reviewed_on__lt=cutoff))

    def newest_publications_first(self):
        """Newest first by the moment each item became public (``EditorialModel.public_since``): the later
        of its first publication and its "publish from", as feeds announce new items."""
        first = Coalesce("first_published_at", "created_at")
        return self.alias(became_public=Greatest(first, Coalesce("publish_from", first))).order_by(
            "-became_public", "-pk"
        )


SCHEDULE_ORDER_MESSAGE = _("“Unpublish at” must be after “Publish from”.")
ALWAYS_PUBLIC_MESSAGE = _(
    "This page is part of the site: the menu or the footer links to it, so it stays published, with no "
    "“publish from” ahead and no “unpublish at”. Change its text instead."
)


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
    publish_from = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once. Visitors see a published item from this time on."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it published. Visitors no longer see the item from this time on."),
    )
    # Set by save() the first time the item is saved published; the date of its "new" entry in the feeds.
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = EditorialQuerySet.as_manager()

    # True for content the site's own structure links to (the front page, the accessibility statement):
    # it may not be unpublished, nor scheduled to appear or disappear, on any path.
    always_public = False

    class Meta:
        abstract = True
        # Content models extend this Meta (``class Meta(EditorialModel.Meta)``) and list these first.
        constraints = [
            models.CheckConstraint(
                condition=Q(publish_from__isnull=True)
                | Q(unpublish_at__isnull=True)
                | Q(unpublish_at__gt=F("publish_from")),
                name="%(app_label)s_%(class)s_unpublish_after_publish",
                violation_error_message=SCHEDULE_ORDER_MESSAGE,
            ),
        ]

    def save(self, *args, **kwargs):
        # On every path (admin, seed, code): the first save as published is when the item was published.
        if self.first_published_at is None and self.pk is not None:
            # An older version being restored carries none, but the item may have been published since.
            self.first_published_at = (
                type(self)._base_manager.filter(pk=self.pk).values_list("first_published_at", flat=True).first()
            )
        if self.is_published and self.first_published_at is None:
            self.first_published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "first_published_at"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.publish_from and self.unpublish_at and self.unpublish_at <= self.publish_from:
            raise ValidationError({"unpublish_at": SCHEDULE_ORDER_MESSAGE})
        self.check_stays_public()

    def check_stays_public(self):
        """For ``always_public`` content: ValidationError if it would not be public from now on.

        Not tied to a field: for an editor who may not publish, the publishing fields are not in the form.
        """
        if not self.always_public:
            return
        if (
            not self.is_published
            or (self.publish_from is not None and self.publish_from > timezone.now())
            or self.unpublish_at is not None
        ):
            raise ValidationError(ALWAYS_PUBLIC_MESSAGE)

    @property
    def hidden_as(self):
        """Why visitors do not see the item now, as its page and lists tell editors previewing it: "draft",
        "scheduled" (its "publish from" is ahead) or "ended" (its "unpublish at" has passed); "" when
        visitors see it (as ``published()`` reads it)."""
        now = timezone.now()
        if not self.is_published:
            return "draft"
        if self.publish_from is not None and self.publish_from > now:
            return "scheduled"
        if self.unpublish_at is not None and self.unpublish_at <= now:
            return "ended"
        return ""

    @property
    def public_since(self):
        """When visitors could first see the item: its first publication, or its "publish from" if later."""
        first = self.first_published_at or self.created_at
        return max(first, self.publish_from) if self.publish_from else first


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


class Redirect(models.Model):
    """An old address answered with a permanent redirect (publishing/redirects.py).

    Automatic redirects are recorded when an item's slug changes and point at the item itself, so they
    follow later renames; editors add others by hand with a fixed new address (old ufm.dk pages).
    """

    old_path = models.CharField(
        _("old address"),
        max_length=300,
        unique=True,
        help_text=_("The path as visitors ask for it, with the language, e.g. /en/old/page/."),
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("content type"),
        related_name="redirects",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    object_id = models.PositiveBigIntegerField(_("item"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    new_path = models.CharField(
        _("new address"),
        max_length=300,
        blank=True,
        help_text=_("Where visitors are sent, e.g. /en/agreements/. Not used for automatic redirects."),
    )
    is_automatic = models.BooleanField(
        _("automatic"),
        default=False,
        help_text=_("Recorded when an item's address changed; it follows the item."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        constraints = [
            models.CheckConstraint(
                condition=Q(content_type__isnull=False, object_id__isnull=False, new_path="")
                | Q(content_type__isnull=True, object_id__isnull=True) & ~Q(new_path=""),
                name="redirect_has_one_target",
                violation_error_message=_("A redirect goes either to an item or to a new address."),
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="redirect_target"),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path or self.target}"

    def clean(self):
        super().clean()
        # The old address is only compared with what visitors ask for; the new one is where they are sent.
        valid = {"old_path": lambda path: path.startswith("/"), "new_path": is_site_path}
        errors = {
            name: _("Write the address as a path on this site, starting with one “/”, e.g. /en/agreements/.")
            for name, is_valid in valid.items()
            if getattr(self, name) and not is_valid(getattr(self, name))
        }
        if "old_path" not in errors and any(mark in self.old_path for mark in "?#"):
            # Visitors' addresses are looked up by their path: a query or fragment would never match.
            errors["old_path"] = _(
                "Write the old address without “?” or “#” and what follows: a redirect is found by the path "
                "alone, and visitors' own query is passed on."
            )
        if errors:
            raise ValidationError(errors)


def is_site_path(address):
    """Whether ``address`` is a path on this site: "/en/x/", not "//example.com/x" or "/\\t/example.com/"
    (which browsers read as another site), nor "en/x/"."""
    return (
        address.startswith("/")
        and not any(character.isspace() or unicodedata.category(character) == "Cc" for character in address)
        and url_has_allowed_host_and_scheme(address, allowed_hosts=None)
    )


class ChangeNoteQuerySet(models.QuerySet):
    def for_item(self, item):
        """The notes about ``item``, newest first."""
        return self.filter(content_type_id=ContentType.objects.get_for_model(item).pk, object_id=item.pk)

    def published(self):
        """Notes whose time has come: an editor may date a note ahead, and it is shown from then on."""
        return self.filter(published_at__lte=timezone.now())

    def about(self, *querysets):
        """The notes about the items of any of ``querysets`` (of content models)."""
        condition = Q(pk__in=[])
        for queryset in querysets:
            content_type = ContentType.objects.get_for_model(queryset.model)
            condition |= Q(content_type=content_type, object_id__in=queryset.values("pk"))
        return self.filter(condition)

    def public(self):
        """Published notes about items a visitor can see now, newest first (for pages and feeds)."""
        condition = Q(pk__in=[])
        for content_type_id in self.order_by().values_list("content_type", flat=True).distinct():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            manager = model._default_manager
            visible = manager.published() if hasattr(manager, "published") else manager.all()
            condition |= Q(content_type_id=content_type_id, object_id__in=visible.values("pk"))
        return self.published().filter(condition)


class ChangeNote(models.Model):
    """A public note on what changed in an item ("Contact phone corrected"), shown on its page by date."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), related_name="change_notes", on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    item = GenericForeignKey("content_type", "object_id")
    note_en = models.CharField(_("note (English)"), max_length=300, blank=True)
    note_da = models.CharField(_("note (Danish)"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        related_name="change_notes",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = ChangeNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        constraints = [
            models.CheckConstraint(
                condition=~Q(note_en="") | ~Q(note_da=""),
                name="change_note_has_text",
                violation_error_message=_("Write the note in English or Danish."),
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "published_at"], name="change_note_item"),
        ]

    def __str__(self):
        return self.text

    @property
    def text(self):
        """The note in the visitor's language, else in the other one."""
        if get_language() == "da":
            return self.note_da or self.note_en
        return self.note_en or self.note_da


class ReviewRequestQuerySet(models.QuerySet):
    def waiting(self):
        """Requests nobody has answered yet, oldest first: the review queue."""
        return self.filter(resolved_at__isnull=True).order_by("requested_at", "pk")

    def for_item(self, item):
        """The requests about ``item``."""
        return self.filter(content_type_id=ContentType.objects.get_for_model(item).pk, object_id=item.pk)


class ReviewRequest(models.Model):
    """An editor's request that a publisher publish an item (publishing/review.py).

    It is kept apart from the content, so content tables do not change: a request is open until a
    publisher publishes the item or sends it back with a comment, and stays as a record of who asked
    and who answered.
    """

    class Outcome(models.TextChoices):
        PUBLISHED = "published", _("Published")
        SENT_BACK = "sent-back", _("Sent back")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), related_name="review_requests", on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    item = GenericForeignKey("content_type", "object_id")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        related_name="review_requests",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    requested_at = models.DateTimeField(_("submitted"), default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        related_name="resolved_review_requests",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    resolved_at = models.DateTimeField(_("answered"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True, help_text=_("Why the item was sent back."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        # One permission for all content: a ministry decides who publishes, not per kind of content.
        permissions = [("publish_content", _("Can publish, unpublish and schedule content"))]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(resolved_at__isnull=True),
                name="review_request_one_open_per_item",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="review_request_item"),
        ]

    def __str__(self):
        return f"{self.content_type.name}: {self.item or self.object_id}"
