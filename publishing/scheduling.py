"""Scheduled publishing: when the next item appears or disappears, so cached pages do not outlive it.

Items carry "publish from" and "unpublish at" times (publishing.models.EditorialModel), and
``published()`` compares them with the clock, so nothing is saved when a scheduled time comes and the
content version does not move. Instead, each page cache entry is stored with the next scheduled time
after it was rendered (``next_scheduled_change()``), and the page cache treats the entry as stale from
that time on (publishing/cache.py): the first request after 10:00 renders the page anew, and every
page, list, search, sitemap and API answer shows the item from 10:00.

The next scheduled time is one small query over all content models, remembered for the content version it
was read at: it can only change with an edit, which moves the version, or by passing, which is
checked against the clock on every call.
"""

import threading

from django.utils import timezone

from publishing.registry import content_models

_remembered = threading.local()


def _scheduled_models():
    return [model for model in content_models() if hasattr(model, "publish_from")]


def _earliest_after(now):
    """One query: the times still to come, over every content model and both fields, earliest first."""
    times = [
        model._base_manager.filter(**{f"{field}__gt": now}).order_by().values_list(field, flat=True)
        for model in _scheduled_models()
        for field in ("publish_from", "unpublish_at")
    ]
    if not times:
        return None
    first, *others = times
    return next(iter(first.union(*others).order_by(first.query.values_select[0])[:1]), None)


def next_scheduled_change(version=None):
    """The earliest "publish from" or "unpublish at" still to come over all content, or None.

    Given the content version it is asked for, the answer is remembered until the version moves or
    the time passes.
    """
    now = timezone.now()
    remembered = getattr(_remembered, "value", None)
    if version is not None and remembered is not None and remembered[0] == version:
        earliest = remembered[1]
        if earliest is None or earliest > now:
            return earliest
    earliest = _earliest_after(now)
    _remembered.value = (version, earliest)
    return earliest


def has_passed(moment):
    """Whether a page rendered before ``moment`` (a scheduled time, or None for none) is out of date."""
    return moment is not None and timezone.now() >= moment


def forget():
    """Drop the remembered answer (tests that turn the clock back)."""
    _remembered.value = None
