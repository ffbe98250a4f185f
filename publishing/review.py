"""Review before publication: editors submit drafts, publishers publish them or send them back.

Who may publish: superusers and whoever holds ``publishing.publish_content`` (the Publishers group,
ufm_intl/migrations/0011_publishers_group.py). Everyone else who edits content is an editor: the
item's published state and schedule ("Published", "Publish from", "Unpublish at") stay as they were
whatever the form sends (``keep_publishing_state``), and "Submit for review" puts a draft in the queue
on the admin's front page (``submit``). A publisher publishes it (``publish``) or sends it back with a
comment (``send_back``); either answers the request, which stays as the record of who asked and who
answered.

The rule for published items: an editor may correct a published item; it stays published, the
correction is seen at once and is in the item's history under the editor's name. Only a publisher
publishes, unpublishes or schedules.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.db.models.signals import post_delete
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_noop

from publishing.models import ReviewRequest
from publishing.registry import content_models, is_content

PUBLISH_PERMISSION = "publishing.publish_content"
PUBLISHING_FIELDS = ("is_published", "publish_from", "unpublish_at")

# Change reasons of the history rows the review steps record; stored in English, shown translated.
SUBMITTED = gettext_noop("Submitted for review")
PUBLISHED = gettext_noop("Published")
UNPUBLISHED = gettext_noop("Unpublished")
RESTORED = gettext_noop("Restored an earlier version")
RECREATED = gettext_noop("Created again after it was deleted")
CHANGE_REASONS = (SUBMITTED, PUBLISHED, UNPUBLISHED, RESTORED, RECREATED)

LISTED_AT_MOST = 50


def may_publish(user):
    """Whether ``user`` may publish, unpublish and schedule content (superusers may)."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def keep_publishing_state(item):
    """Set ``item``'s published state and schedule back to what they are in the database.

    A new item is a draft without a schedule. Used for everyone who may not publish, so that no form,
    crafted request or restored version changes what visitors see.
    """
    saved = None
    if item.pk is not None:
        saved = type(item)._base_manager.filter(pk=item.pk).values(*PUBLISHING_FIELDS).first()
    if saved is None:
        saved = {"is_published": False, "publish_from": None, "unpublish_at": None}
    for name, value in saved.items():
        setattr(item, name, value)


def is_published_in_database(item):
    return item.pk is not None and type(item)._base_manager.filter(pk=item.pk, is_published=True).exists()


def withdraw_requests_of_deleted_item(sender, instance, **kwargs):
    """A deleted item cannot be published: its open request leaves the queue (answered ones stay on record)."""
    if is_content(sender):
        ReviewRequest.objects.for_item(instance).filter(resolved_at__isnull=True).delete()


post_delete.connect(withdraw_requests_of_deleted_item, dispatch_uid="publishing-review-withdraw-deleted")


def submit(item, *, user):
    """Put ``item`` in the review queue. An item already waiting keeps its first request."""
    request, _created = ReviewRequest.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        resolved_at__isnull=True,
        defaults={"requested_by": user},
    )
    return request


def _answer(item, *, user, outcome, comment=""):
    now = timezone.now()
    return (
        ReviewRequest.objects.for_item(item)
        .waiting()
        .update(resolved_by=user, resolved_at=now, outcome=outcome, comment=comment, updated_at=now)
    )


def published(item, *, user):
    """Record that ``user`` published ``item``: its open request, if any, is answered."""
    return _answer(item, user=user, outcome=ReviewRequest.Outcome.PUBLISHED)


def publish(item, *, user):
    """Publish ``item`` as ``user`` (a publisher): checked like the form (one published agreement per
    country and scope), saved with the reason "Published", and its request answered.

    Raises ValidationError if publishing would break a rule; nothing is saved then.
    """
    item.is_published = True
    item.validate_constraints()
    item._change_reason = PUBLISHED
    item.save()
    published(item, user=user)


def unpublish(item, *, user):
    """Take ``item`` off the site as ``user`` (a publisher), saved with the reason "Unpublished".

    Raises ValidationError for content that must stay public (``always_public``); nothing is saved then.
    """
    item.is_published = False
    item.check_stays_public()
    item._change_reason = UNPUBLISHED
    item.save()


def send_back(item, *, user, comment):
    """Answer ``item``'s open request with ``comment``: it leaves the queue, still a draft.

    Returns whether there was a request to answer.
    """
    return bool(_answer(item, user=user, outcome=ReviewRequest.Outcome.SENT_BACK, comment=comment))


def waiting_request(item):
    """The open request about ``item``, or None."""
    if item is None or item.pk is None:
        return None
    return ReviewRequest.objects.for_item(item).waiting().select_related("requested_by").first()


def last_sent_back(item):
    """The answer an editor should see on the item: its latest request, if that was sent back."""
    if item is None or item.pk is None:
        return None
    latest = ReviewRequest.objects.for_item(item).select_related("resolved_by").first()
    if latest is not None and latest.outcome == ReviewRequest.Outcome.SENT_BACK:
        return latest
    return None


def waiting_condition(model):
    """An expression that is true for the rows of ``model`` waiting for review (for annotations and filters)."""
    return Exists(
        ReviewRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            resolved_at__isnull=True,
        )
    )


def scheduled_condition(now=None):
    """Published items whose "publish from" or "unpublish at" is still to come."""
    now = now or timezone.now()
    return Q(is_published=True) & (Q(publish_from__gt=now) | Q(unpublish_at__gt=now))


def moment(value):
    """A date and time as the admin shows it: "1 Dec 2026 10:00", in Danish "1. dec 2026 kl. 10.00"."""
    value = timezone.localtime(value)
    if get_language() == "da":
        return formats.date_format(value, r"j. b Y \k\l. H.i")
    return formats.date_format(value, "j M Y H:i")


def person(user):
    """How a user is named in the admin: their full name, else their username; "—" for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def admin_url(model, view, object_id):
    """The address of ``model``'s admin ``view`` ("change", "history") of the object ``object_id``; None
    if the model has no such admin."""
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=[quote(object_id)])
    except NoReverseMatch:
        return None


def change_url(item):
    return admin_url(type(item), "change", item.pk)


def _may_view(user, model):
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}") or user.has_perm(
        f"{model._meta.app_label}.change_{model._meta.model_name}"
    )


def content_models_visible_to(user):
    """The content models ``user`` may see in the admin."""
    return [model for model in content_models() if _may_view(user, model)]


def reviewed_models_visible_to(user):
    """The content models with a published state that ``user`` may see in the admin."""
    return [model for model in content_models() if hasattr(model, "publish_from") and _may_view(user, model)]


@dataclass
class QueueEntry:
    item: object
    kind: str
    url: str | None
    submitted_by: str
    submitted_at: datetime
    request: ReviewRequest


def queue_for(user):
    """What waits for review, oldest first, among the items ``user`` may see."""
    visible_types = [ContentType.objects.get_for_model(model) for model in content_models_visible_to(user)]
    requests = (
        ReviewRequest.objects.waiting()
        .filter(content_type__in=visible_types)
        .select_related("requested_by", "content_type")
        .prefetch_related("item")[:LISTED_AT_MOST]
    )
    return [
        QueueEntry(
            item=request.item,
            kind=request.item._meta.verbose_name,
            url=change_url(request.item),
            submitted_by=person(request.requested_by),
            submitted_at=request.requested_at,
            request=request,
        )
        for request in requests
        if request.item is not None  # an item deleted since it was submitted
    ]


@dataclass
class ScheduledEntry:
    item: object
    kind: str
    url: str | None
    appears: bool
    at: datetime


def scheduled_for(user, now=None):
    """Published items that appear or disappear at a time still to come, soonest first, among those
    ``user`` may see. An item with both times is listed twice."""
    now = now or timezone.now()
    entries = []
    for model in reviewed_models_visible_to(user):
        for item in model._base_manager.filter(scheduled_condition(now)).order_by("pk")[:LISTED_AT_MOST]:
            for appears, at in ((True, item.publish_from), (False, item.unpublish_at)):
                if at is not None and at > now:
                    entries.append(ScheduledEntry(item, model._meta.verbose_name, change_url(item), appears, at))
    return sorted(entries, key=lambda entry: entry.at)[:LISTED_AT_MOST]


@dataclass
class DeletedEntry:
    item: str
    kind: str
    url: str | None
    deleted_by: str
    at: datetime


def deleted_for(user):
    """What was deleted in the admin and has not been restored since, newest first, among the kinds ``user``
    may see: each with its history page, where the last version is opened and saved to restore it.

    Read in one query from the admin's log of deletions, which names the item deleted (an agreement, not
    also each of its documents that went with it), leaving out the items that exist again.
    """
    visible = {ContentType.objects.get_for_model(model): model for model in content_models_visible_to(user)}
    if not visible:
        return []
    gone = Q()
    for kind, model in visible.items():
        existing = model._base_manager.annotate(logged_id=Cast("pk", models.CharField())).values("logged_id")
        gone |= Q(content_type=kind) & ~Q(object_id__in=existing)
    logged = (
        LogEntry.objects.filter(gone, action_flag=DELETION)
        .select_related("user", "content_type")
        .order_by("-action_time", "-pk")[: LISTED_AT_MOST * 4]
    )
    entries, listed = [], set()
    names = _names_as_deleted(logged, visible)
    for entry in logged:
        if (entry.content_type_id, entry.object_id) in listed:
            continue  # deleted, restored and deleted again: listed once, at its last deletion
        listed.add((entry.content_type_id, entry.object_id))
        model = visible[entry.content_type]
        entries.append(
            DeletedEntry(
                item=names.get((entry.content_type_id, entry.object_id), entry.object_repr),
                kind=model._meta.verbose_name,
                url=admin_url(model, "history", entry.object_id),
                deleted_by=person(entry.user),
                at=entry.action_time,
            )
        )
    return entries[:LISTED_AT_MOST]


def _names_as_deleted(logged, visible):
    """``{(content type id, object id): name}`` of the logged items, from their history as they were deleted:
    the log keeps the name in the language of whoever deleted them, the history both languages. One query
    per kind of content among them."""
    ids = {}
    for entry in logged:
        ids.setdefault(entry.content_type, set()).add(entry.object_id)
    names = {}
    for kind, object_ids in ids.items():
        model = visible[kind]
        pks = [pk for pk in object_ids if pk.isdigit()]
        for row in model.history.filter(history_type="-", **{f"{model._meta.pk.attname}__in": pks}).order_by(
            "history_date", "history_id"
        ):
            names[kind.pk, str(row.instance.pk)] = str(row.instance)  # the latest deletion last
    return names
