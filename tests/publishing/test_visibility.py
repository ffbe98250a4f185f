"""``published()``: what a visitor may see at a moment, for every combination of draft state and window."""

import itertools
from datetime import timedelta

import pytest
from django.db.models import Q

from centres.models import InnovationCentre
from publishing.models import VisibleAt
from tests.clock import TEN
from tests.factories import make_centre

MOMENTS = {"none": None, "before": TEN - timedelta(minutes=1), "at": TEN, "after": TEN + timedelta(minutes=1)}


def visible(centre, moment):
    """The rule as editors read it on the form."""
    started = centre.publish_from is None or centre.publish_from <= moment
    not_ended = centre.unpublish_at is None or centre.unpublish_at > moment
    return centre.is_published and started and not_ended


@pytest.fixture
def every_window(db):
    centres = []
    for start, end, is_published in itertools.product(MOMENTS, MOMENTS, (True, False)):
        if MOMENTS[start] and MOMENTS[end] and MOMENTS[end] <= MOMENTS[start]:
            continue  # the form and the database refuse a window that ends before it starts
        centres.append(
            make_centre(
                name_en=f"from {start} until {end}, {'published' if is_published else 'draft'}",
                publish_from=MOMENTS[start],
                unpublish_at=MOMENTS[end],
                is_published=is_published,
            )
        )
    return centres


def names(queryset):
    """The names of this test's centres in ``queryset`` (the database may hold the seeded ones too)."""
    return sorted(queryset.filter(name_en__startswith="from ").values_list("name_en", flat=True))


def test_published_follows_the_rule_for_every_window(every_window):
    expected = sorted(centre.name_en for centre in every_window if visible(centre, TEN))
    assert names(InnovationCentre.objects.filter(VisibleAt(TEN))) == expected
    assert len(expected) == 6  # published, started by ten (no start, before, at) and not ended (none, after)


def test_the_hidden_items_are_exactly_the_rest(every_window):
    hidden = sorted(centre.name_en for centre in every_window if not visible(centre, TEN))
    assert names(InnovationCentre.objects.filter(~Q(VisibleAt(TEN)))) == hidden
    assert names(InnovationCentre.objects.filter(~VisibleAt(TEN))) == hidden
    assert names(InnovationCentre.objects.exclude(VisibleAt(TEN))) == hidden


def test_a_moment_without_a_timezone_is_read_in_the_sites(every_window, settings):
    settings.TIME_ZONE = "Europe/Copenhagen"
    naive = TEN.replace(tzinfo=None)
    with pytest.warns(RuntimeWarning, match="naive datetime"):
        found = names(InnovationCentre.objects.filter(VisibleAt(naive)))
    assert found == names(InnovationCentre.objects.filter(VisibleAt(TEN)))


def test_published_items_of_a_subquery_are_read_from_its_own_table(every_window):
    """Inside ``__in`` the table has another name: the condition must follow it."""
    visible_ids = InnovationCentre.objects.filter(VisibleAt(TEN)).values("pk")
    assert names(InnovationCentre.objects.filter(pk__in=visible_ids)) == names(
        InnovationCentre.objects.filter(VisibleAt(TEN))
    )
