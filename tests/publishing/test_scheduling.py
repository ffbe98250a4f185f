"""Scheduled publishing: items appear and disappear at their minute, with the page cache on."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from publishing import scheduling
from tests.admin_helpers import form_data
from tests.clock import COPENHAGEN, NINE_FIFTY_NINE, TEN
from ufm_intl.models import Initiative

PUBLIC_SURFACES = {
    "page": "/en/agreements/turkey/",
    "list": "/en/agreements/",
    "api": "/api/v1/agreements/",
    "sitemap": "/sitemap.xml",
    "search": "/en/search/?q=Turkey",
    "feed": "/en/feed/",
}


def shows_turkey(visitor, surface):
    response = visitor.get(PUBLIC_SURFACES[surface])
    if surface == "page":
        return response.status_code == 200
    return "/en/agreements/turkey/" in response.content.decode()


@pytest.mark.parametrize("surface", PUBLIC_SURFACES)
def test_an_item_scheduled_for_ten_appears_at_ten_on_the_same_cached_addresses(seeded, visitor, clock, surface):
    BilateralAgreement.objects.filter(slug_en="turkey").update(publish_from=TEN)
    clock.now = NINE_FIFTY_NINE - timedelta(minutes=1)
    BilateralAgreement.objects.get(slug_en="japan").save()  # an edit: the content version moves

    clock.now = NINE_FIFTY_NINE
    assert not shows_turkey(visitor, surface)
    assert not shows_turkey(visitor, surface)  # answered from the cache

    clock.now = TEN
    assert shows_turkey(visitor, surface)


@pytest.mark.parametrize("surface", PUBLIC_SURFACES)
def test_an_item_unpublished_at_ten_disappears_at_ten(seeded, visitor, clock, surface):
    BilateralAgreement.objects.filter(slug_en="turkey").update(unpublish_at=TEN)
    BilateralAgreement.objects.get(slug_en="japan").save()

    clock.now = NINE_FIFTY_NINE
    assert shows_turkey(visitor, surface)
    assert shows_turkey(visitor, surface)

    clock.now = TEN
    assert not shows_turkey(visitor, surface)


# Centres and initiatives are scheduled like agreements: (address, what shows the item there; None: the page answers).
OTHER_SURFACES = {
    "centre page": (InnovationCentre, "seoul", "/en/centres/seoul/", None),
    "centres list": (InnovationCentre, "seoul", "/en/centres/", 'href="/en/centres/seoul/"'),
    "centres api": (InnovationCentre, "seoul", "/api/v1/centres/", "/en/centres/seoul/"),
    "centre in the sitemap": (InnovationCentre, "seoul", "/sitemap.xml", "/en/centres/seoul/"),
    "centre in the feed": (InnovationCentre, "seoul", "/en/feed/", "/en/centres/seoul/"),
    "centre in the search": (InnovationCentre, "seoul", "/en/search/?q=Seoul", 'href="/en/centres/seoul/"'),
    "programmes page": (
        Initiative,
        "international-network-programme",
        "/en/programmes/",
        'id="international-network-programme"',
    ),
    "programme in the feed": (
        Initiative,
        "international-network-programme",
        "/en/feed/",
        "/en/programmes/#international-network-programme",
    ),
    "programme in the search": (
        Initiative,
        "international-network-programme",
        "/en/search/?q=network+programme",
        'href="/en/programmes/#international-network-programme"',
    ),
}


def shows_item(visitor, surface):
    _model, _slug, path, marker = OTHER_SURFACES[surface]
    response = visitor.get(path)
    if marker is None:
        return response.status_code == 200
    return marker in response.content.decode()


@pytest.mark.parametrize("surface", OTHER_SURFACES)
def test_a_centre_or_initiative_scheduled_for_ten_appears_at_ten_and_goes_at_its_unpublish_time(
    seeded, visitor, clock, surface
):
    model, slug, _path, _marker = OTHER_SURFACES[surface]
    model.objects.filter(slug_en=slug).update(publish_from=TEN, unpublish_at=TEN + timedelta(minutes=1))
    clock.now = NINE_FIFTY_NINE - timedelta(minutes=1)
    BilateralAgreement.objects.get(slug_en="japan").save()  # an edit: the content version moves

    clock.now = NINE_FIFTY_NINE
    assert not shows_item(visitor, surface)
    assert not shows_item(visitor, surface)  # answered from the cache

    clock.now = TEN
    assert shows_item(visitor, surface)
    assert shows_item(visitor, surface)

    clock.now = TEN + timedelta(minutes=1)
    assert not shows_item(visitor, surface)


def test_the_next_scheduled_change_is_the_earliest_time_to_come(seeded, clock):
    clock.now = NINE_FIFTY_NINE
    BilateralAgreement.objects.filter(slug_en="turkey").update(publish_from=TEN + timedelta(days=1))
    BilateralAgreement.objects.filter(slug_en="japan").update(unpublish_at=TEN)
    BilateralAgreement.objects.filter(slug_en="china").update(publish_from=NINE_FIFTY_NINE - timedelta(days=1))
    assert scheduling.next_scheduled_change() == TEN
    clock.now = TEN
    assert scheduling.next_scheduled_change() == TEN + timedelta(days=1)


def test_unpublish_must_come_after_publish(seeded):
    agreement = BilateralAgreement.objects.get(slug_en="turkey")
    agreement.publish_from, agreement.unpublish_at = TEN, NINE_FIFTY_NINE
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert error.value.message_dict == {"unpublish_at": ["“Unpublish at” must be after “Publish from”."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        BilateralAgreement.objects.filter(pk=agreement.pk).update(publish_from=TEN, unpublish_at=NINE_FIFTY_NINE)


def test_a_publisher_schedules_an_item_in_the_admin(seeded, publisher_client, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="israel")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(publisher_client.get(url))
    data |= {"publish_from_0": "2099-01-01", "publish_from_1": "10:00:00"}
    data |= {"unpublish_at_0": "2098-01-01", "unpublish_at_1": "10:00:00"}
    response = publisher_client.post(url, data)
    assert response.status_code == 200
    assert "“Unpublish at” must be after “Publish from”." in response.content.decode()

    data |= {"unpublish_at_0": "", "unpublish_at_1": ""}
    assert publisher_client.post(url, data).status_code == 302
    agreement.refresh_from_db()
    assert agreement.publish_from == datetime(2099, 1, 1, 10, tzinfo=COPENHAGEN)
    assert visitor.get("/en/agreements/israel/").status_code == 404


STATUS_SURFACES = {
    "page": ("/en/agreements/turkey/", r'class="agreement-status">\s*{}\s*<'),
    "list": ("/en/agreements/", r'class="agreement-status">\s*{}\s*<'),
    "api": ("/api/v1/agreements/?q=Turkey", r'"name": ?"{}"'),
}


@pytest.mark.parametrize("surface", STATUS_SURFACES)
def test_an_agreement_valid_until_today_is_expired_from_midnight_with_the_cache_on(seeded, visitor, clock, surface):
    path, pattern = STATUS_SURFACES[surface]
    clock.now = datetime(2030, 5, 6, 23, 58, tzinfo=COPENHAGEN)
    BilateralAgreement.objects.filter(slug_en="turkey").update(
        in_force_from=date(2029, 1, 1), valid_until=date(2030, 5, 6)
    )
    BilateralAgreement.objects.get(slug_en="japan").save()  # an edit: the content version moves

    clock.now = datetime(2030, 5, 6, 23, 59, 59, tzinfo=COPENHAGEN)
    for _ in range(2):  # rendered, then answered from the cache
        assert re.search(pattern.format("In force"), visitor.get(path).content.decode())

    clock.now = datetime(2030, 5, 7, 0, 0, tzinfo=COPENHAGEN)
    assert re.search(pattern.format("Expired"), visitor.get(path).content.decode())


def test_an_agreement_in_force_from_a_later_date_makes_that_midnight_a_scheduled_time(seeded, clock):
    clock.now = datetime(2030, 5, 6, 12, 0, tzinfo=COPENHAGEN)
    BilateralAgreement.objects.filter(slug_en="turkey").update(in_force_from=date(2030, 6, 1))

    assert scheduling.next_scheduled_change() == datetime(2030, 6, 1, 0, 0, tzinfo=COPENHAGEN)


def test_a_schedule_someone_else_set_meanwhile_is_kept_when_your_save_is_refused(
    seeded, publisher_client, one_step_client
):
    agreement = BilateralAgreement.objects.get(slug_en="israel")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    theirs = form_data(publisher_client.get(url))
    yours = form_data(one_step_client.get(url, HTTP_ACCEPT_LANGUAGE="da"))

    theirs |= {"unpublish_at_0": "2099-06-30", "unpublish_at_1": "23:59:00"}
    assert publisher_client.post(url, theirs).status_code == 302
    yours["summary_en"] = "A summary of yours."
    refused = one_step_client.post(url, yours, HTTP_ACCEPT_LANGUAGE="da")
    assert refused.status_code == 200

    # The form shows their date and time in its boxes, so saving it again keeps them.
    shown = form_data(refused)
    assert (shown["unpublish_at_0"], shown["unpublish_at_1"]) == ("30.06.2099", "23:59:00")
    assert one_step_client.post(url, shown, HTTP_ACCEPT_LANGUAGE="da").status_code == 302
    agreement.refresh_from_db()
    assert agreement.summary_en == "A summary of yours."
    assert agreement.unpublish_at == datetime(2099, 6, 30, 23, 59, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(
    ("schedule", "banner", "tag"),
    [
        (
            {"publish_from": datetime(2099, 1, 1, 10, tzinfo=COPENHAGEN)},
            "Scheduled:</strong> visitors see this page from",
            "Scheduled",
        ),
        (
            {"unpublish_at": datetime(2020, 1, 1, 10, tzinfo=COPENHAGEN)},
            "Unpublished:</strong> visitors can no longer see this page: it was unpublished at",
            "Unpublished",
        ),
    ],
)
def test_an_editor_previewing_an_item_visitors_cannot_see_now_is_told_why(
    seeded, editor_client, visitor, schedule, banner, tag
):
    BilateralAgreement.objects.filter(slug_en="israel").update(**schedule)
    assert visitor.get("/en/agreements/israel/").status_code == 404
    html = re.sub(r"\s+", " ", editor_client.get("/en/agreements/israel/").content.decode())
    assert banner in html
    country = editor_client.get("/en/countries/il/").content.decode()
    assert f'Bilateral agreement with Israel</a> <span class="tag">{tag}</span>' in country


def test_an_attache_visitors_cannot_see_now_is_not_on_the_centres_page(seeded, visitor):
    centre = InnovationCentre.objects.get(slug_en="munich")
    attache = ContactPerson.objects.published().first()
    centre.attache = attache
    centre.save()
    assert attache.name in attache_section(visitor.get("/en/centres/munich/"))

    attache.unpublish_at = datetime(2020, 1, 1, tzinfo=COPENHAGEN)
    attache.save()
    assert attache.name not in attache_section(visitor.get("/en/centres/munich/"))


def attache_section(response):
    return response.content.decode().split('id="attache-heading"', 1)[1].split("</section>", 1)[0]


def schedule_typed(client, language, date, time):
    """Israel's agreement saved in the admin in ``language`` with "publish from" typed as ``date`` and
    ``time``; the moment stored."""
    agreement = BilateralAgreement.objects.get(slug_en="israel")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    data = form_data(client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    data |= {"publish_from_0": date, "publish_from_1": time}
    assert client.post(url, data, HTTP_ACCEPT_LANGUAGE=language).status_code == 302
    agreement.refresh_from_db()
    return agreement.publish_from


def test_a_danish_editor_may_write_a_time_with_a_full_stop(seeded, publisher_client):
    assert schedule_typed(publisher_client, "da", "01.01.2099", "10.00") == datetime(2099, 1, 1, 10, tzinfo=COPENHAGEN)


def test_a_date_without_a_time_is_the_start_of_that_day(seeded, publisher_client):
    assert schedule_typed(publisher_client, "da", "01.03.2099", "") == datetime(2099, 3, 1, 0, 0, tzinfo=COPENHAGEN)


def test_a_time_of_only_spaces_is_no_time(seeded, publisher_client):
    assert schedule_typed(publisher_client, "en", "2099-03-01", "  ") == datetime(2099, 3, 1, 0, 0, tzinfo=COPENHAGEN)


def test_when_both_set_a_schedule_the_message_gives_theirs_in_local_time(seeded, publisher_client, one_step_client):
    agreement = BilateralAgreement.objects.get(slug_en="israel")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    theirs = form_data(publisher_client.get(url))
    yours = form_data(one_step_client.get(url, HTTP_ACCEPT_LANGUAGE="da"))
    assert (
        publisher_client.post(url, theirs | {"unpublish_at_0": "2099-06-30", "unpublish_at_1": "23:59"}).status_code
        == 302
    )

    yours |= {"unpublish_at_0": "01.07.2099", "unpublish_at_1": "12.00"}
    html = one_step_client.post(url, yours, HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "30. juni 2099 kl. 23.59" in html  # not 21.59, the time in UTC
