"""Atom feeds (RFC 4287) of what was published: new items, and changes published with a change note.

A feed is a ``ChangesFeed`` (Django's syndication framework with its Atom generator) over some
QuerySets of content (``published()`` ones, so drafts and items outside their publishing window are
never in it). Its entries, newest first, at most ``ENTRY_LIMIT``:

- **a new item**: dated when visitors could first see it (``EditorialModel.public_since``: its first
  publication, or its "publish from" if later), with the item's summary;
- **a change note** whose time has come (``ChangeNote.objects.published()``), dated by the note, with
  its text.

Each entry is in the feed's language (titles fall back to the other language), links the item's page in
that language and has an id that never changes when the item's title or slug does: a ``tag:`` URI
(RFC 4151) made of ``settings.FEED_ID_AUTHORITY``, the language, the content type and the primary key.

The site layer decides what each feed gathers (ufm_intl/feeds.py). Feeds are cached like pages
(``publishing.cache.cache_public_page``): an edit makes them stale, and so does a scheduled time or a note
dated ahead passing (publishing/scheduling.py).
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from publishing.models import ChangeNote

ENTRY_LIMIT = 50
# The date in every tag: URI (RFC 4151 asks for a date on which the name was held); fixed, so ids never change.
TAG_DATE = "2026"


def tag_uri(specific):
    """A permanent id: ``tag:<FEED_ID_AUTHORITY>,2026:<specific>``."""
    return f"tag:{settings.FEED_ID_AUTHORITY},{TAG_DATE}:{specific}"


# Control characters XML cannot carry at all (text pasted from a document may hold a form feed or a
# vertical tab): written as spaces, so that one such character cannot take a whole feed down.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    return _NOT_IN_XML.sub(" ", str(value))


def _item_key(item):
    return f"{item._meta.app_label}.{item._meta.model_name}/{item.pk}"


@dataclass(frozen=True)
class Entry:
    """One change, as the feed shows it."""

    id: str
    title: str
    link: str
    summary: str
    date: datetime

    def __post_init__(self):
        object.__setattr__(self, "title", xml_text(self.title))
        object.__setattr__(self, "summary", xml_text(self.summary))


def new_item_entry(item):
    return Entry(
        id=tag_uri(f"{get_language()}/{_item_key(item)}"),
        title=str(item),
        link=item.get_absolute_url(),
        summary=getattr(item, "summary", ""),
        date=item.public_since,
    )


def note_entry(note):
    item = note.item
    return Entry(
        id=tag_uri(f"{get_language()}/{_item_key(item)}/notes/{note.pk}"),
        title=gettext("Updated: %(title)s") % {"title": item},
        link=item.get_absolute_url(),
        summary=note.text,
        date=note.published_at,
    )


def latest_changes(querysets, limit=ENTRY_LIMIT):
    """The latest ``limit`` entries about the items of ``querysets`` (each a ``published()`` QuerySet of
    a content model), newest first: the items' publications and their published notes."""
    entries = [new_item_entry(item) for queryset in querysets for item in queryset.newest_publications_first()[:limit]]
    notes = ChangeNote.objects.published().about(*querysets).prefetch_related("item")[:limit]
    entries += [note_entry(note) for note in notes if note.item is not None]
    return sorted(entries, key=lambda entry: (entry.date, entry.id), reverse=True)[:limit]


class ChangesFeed(Feed):
    """An Atom feed of ``latest_changes(self.querysets(obj))``; subclasses give the querysets, the title
    and the HTML page it belongs to (``link``)."""

    feed_type = Atom1Feed
    author_name = _("Ministry of Higher Education and Science")

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The generator writes the document in hundreds of small pieces, and the page cache keeps the
        # response as it is: joined, a cached feed goes out in one write to the socket, not hundreds.
        response.content = response.content
        return response

    def querysets(self, obj):
        raise NotImplementedError

    def feed_guid(self, obj):
        """The feed's permanent id: its path without the language, in the feed's language."""
        return tag_uri(f"{get_language()}/{self.feed_key(obj)}")

    def feed_key(self, obj):
        raise NotImplementedError

    def items(self, obj):
        return latest_changes(self.querysets(obj))

    def item_title(self, entry):
        # Atom titles are text (not HTML): no escaping of our own.
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        # The summary is declared as HTML by the generator; the text is plain, so it is escaped once here.
        return escape(entry.summary) if entry.summary else None

    def item_guid(self, entry):
        return entry.id

    def item_pubdate(self, entry):
        return entry.date

    def item_updateddate(self, entry):
        return entry.date
