"""Scheduled publishing: when the next item appears or disappears, so cached pages do not outlive it.

Items carry "publish from" and "unpublish at" times (publishing.models.EditorialModel), and
``published()`` compares them with the clock, so nothing is saved when a scheduled time comes and the
content version does not move. Instead, each page cache entry is stored with the next scheduled time
after it was rendered (``next_scheduled_change()``), and the page cache treats the entry as stale from
that time on (publishing/cache.py): the first request after 10:00 renders the page anew, and every
page, list, search, sitemap and API answer shows the item from 10:00.

Some content changes with the date alone: an agreement's status ("in force", "expired") follows its
dates. Models registered with ``date_fields`` make the midnights those dates bring scheduled times too.

Public change notes (publishing/change_notes.py) can be dated ahead too: a note is shown on its item's
page and in the feeds from its ``published_at`` on, so those times count as scheduled changes as well.

The next scheduled time is one small query over all content models and the notes (and one per model
with date fields), remembered for the content version it was read at: it can only change with an edit, which moves the version, or by
passing, which is checked against the clock on every call.
"""

import datetime
import threading

from django import forms
from django.db.models import Min, Q
from django.utils import timezone

from publishing.models import ChangeNote
from publishing.registry import content_models, date_fields

_remembered = threading.local()


def _scheduled_models():
    return [model for model in content_models() if hasattr(model, "publish_from")]


def _earliest_after(now):
    """One query: the times still to come, over every content model and both fields and the notes,
    earliest first."""
    times = [
        model._base_manager.filter(**{f"{field}__gt": now}).order_by().values_list(field, flat=True)
        for model in _scheduled_models()
        for field in ("publish_from", "unpublish_at")
    ]
    first = ChangeNote._base_manager.filter(published_at__gt=now).order_by().values_list("published_at", flat=True)
    return next(iter(first.union(*times).order_by("published_at")[:1]), None)


def _next_midnight_of_dates(now):
    """The midnight from which an item's date fields (registered with ``date_fields``) change what
    visitors see: the start of the first such date still to come, or of tomorrow when one is today
    (an agreement valid until today is expired from tomorrow). One query per such model."""
    today = timezone.localdate(now)
    dates = [
        date
        for model, fields in date_fields().items()
        for date in model._base_manager.aggregate(
            **{field: Min(field, filter=Q(**{f"{field}__gte": today})) for field in fields}
        ).values()
        if date is not None
    ]
    if not dates:
        return None
    day = max(min(dates), today + datetime.timedelta(days=1))
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def next_scheduled_change(version=None):
    """The earliest "publish from", "unpublish at" or note date still to come over all content, or None.

    Given the content version it is asked for, the answer is remembered until the version moves or
    the time passes.
    """
    now = timezone.now()
    remembered = getattr(_remembered, "value", None)
    if version is not None and remembered is not None and remembered[0] == version:
        earliest = remembered[1]
        if earliest is None or earliest > now:
            return earliest
    moments = [moment for moment in (_earliest_after(now), _next_midnight_of_dates(now)) if moment is not None]
    earliest = min(moments, default=None)
    _remembered.value = (version, earliest)
    return earliest


def has_passed(moment):
    """Whether a page rendered before ``moment`` (a scheduled time, or None for none) is out of date."""
    return moment is not None and timezone.now() >= moment


def forget():
    """Drop the remembered answer (tests that turn the clock back)."""
    _remembered.value = None


class DateAndTimeField(forms.SplitDateTimeField):
    """A moment in a date box and a time box; a date without a time is that day's start (00:00), rather
    than an error asking for the time."""

    def clean(self, value):
        if isinstance(value, (list, tuple)):
            value = [part.strip() if isinstance(part, str) else part for part in value]
        return super().clean(value)

    def compress(self, data_list):
        if data_list and data_list[0] and data_list[1] in self.empty_values:
            data_list = [data_list[0], datetime.time(0, 0)]
        return super().compress(data_list)
