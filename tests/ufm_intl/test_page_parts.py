"""The parts of pages rendered outside templates or remembered between pages: the header, the cards of
the lists, the filters of the agreements page, addresses. Each must show what the page is about, never
what another page showed."""

import datetime
import re

from agreements.models import Activity, AgreementStatus, BilateralAgreement, FundingPartner
from centres.models import FocusArea
from contacts.models import ContactPerson
from tests.factories import make_agreement, make_centre


def current_menu_items(html):
    return re.findall(r'<a href="([^"]+)" aria-current="(page|true)">', html)


def language_switch(html):
    return re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">', html)


def test_the_header_marks_the_page_each_page_is_on(seeded, client):
    for path, current, other_language in [
        ("/en/centres/", "/en/centres/", "/da/centre/"),
        ("/en/agreements/", "/en/agreements/", "/da/aftaler/"),
        ("/en/agreements/germany/", "/en/agreements/", "/da/aftaler/tyskland/"),
        ("/en/centres/", "/en/centres/", "/da/centre/"),
        ("/da/aftaler/", "/da/aftaler/", "/en/agreements/"),
    ]:
        html = client.get(path).content.decode()

        items = current_menu_items(html)
        # The narrow and the wide menu both mark it.
        assert [url for url, _state in items] == [current, current]
        assert {state for _url, state in items} == {"page" if path == current else "true"}
        assert language_switch(html)[0][0] == other_language


def test_the_language_switch_keeps_each_search(seeded, client):
    for query in ["Tyskland", "Japan"]:
        html = client.get("/en/agreements/", {"q": query}).content.decode()

        assert language_switch(html) == [(f"/da/aftaler/?q={query}", "da")]


def test_agreement_cards_show_country_region_status_and_partners_escaped(seeded, client):
    partner = FundingPartner.objects.create(name_en="Fund <b>& Co</b>", name_da="Fond <b>& Co</b>", slug="fund-co")
    make_agreement(
        country="NO",
        region="europe",
        title_en="Agreement with <i>Norway</i>",
        slug="norway",
        signed_on=datetime.date(2020, 1, 1),
        in_force_from=datetime.date(2020, 2, 1),
        funding_partners=[partner],
    )

    html = client.get("/en/agreements/", {"q": "Norway"}).content.decode()

    card = html.split('<ul class="card-list">')[1].split("</ul>")[0]
    assert '<h3><a href="/en/agreements/norway/">Agreement with &lt;i&gt;Norway&lt;/i&gt;</a></h3>' in card
    status = AgreementStatus.IN_FORCE.label
    assert (
        f'<p class="meta">Norway · Europe · Education and research · <span class="agreement-status">{status}</span>'
        in card
    )
    assert '<span class="label">Funding partners:</span> Fund &lt;b&gt;&amp; Co&lt;/b&gt;</p>' in card


def test_agreement_cards_are_in_danish_on_the_danish_page(seeded, client):
    html = client.get("/da/aftaler/", {"q": "Brasilien"}).content.decode()

    card = html.split('<ul class="card-list">')[1].split("</ul>")[0]
    assert '<a href="/da/aftaler/brasilien/">' in card
    assert "Brasilien · Amerika" in card
    assert '<span class="label">Finansieringspartnere:</span> Innovationsfonden</p>' in card


def test_the_filters_mark_the_chosen_options(seeded, client):
    # The activity filter is shown once some agreement has an activity.
    BilateralAgreement.objects.get(country="JP").activities.add(Activity.objects.get(slug="workshops"))
    html = client.get("/en/agreements/", {"region": "asia", "funder": "innovation-fund-denmark"}).content.decode()

    assert '<select name="region" id="id_region">' in html
    assert '<option value="asia" selected>Asia</option>' in html
    assert '<option value="europe">Europe</option>' in html
    assert '<option value="innovation-fund-denmark" selected>Innovation Fund Denmark</option>' in html
    assert '<option value="" selected>All activities</option>' in html


def test_a_refused_filter_is_marked_invalid(seeded, client):
    response = client.get("/en/agreements/", {"funder": "nobody"})

    assert response.status_code == 400
    assert '<select name="funder" aria-invalid="true" aria-describedby="id_funder_error" id="id_funder">' in (
        response.content.decode()
    )


def test_centre_cards_link_the_country_and_list_focus_areas(seeded, client):
    centre = make_centre(country="NO", name_en="Centre <Oslo>", slug="oslo")
    centre.focus_areas.set([FocusArea.objects.create(name_en="Life <science>", name_da="Life science", slug="life")])

    list_html = client.get("/en/centres/").content.decode()
    country_html = client.get("/en/countries/no/").content.decode()

    assert '<h2><a href="/en/centres/oslo/">Centre &lt;Oslo&gt;</a></h2>' in list_html
    assert '<h3><a href="/en/centres/oslo/">Centre &lt;Oslo&gt;</a></h3>' in country_html
    for html in (list_html, country_html):
        assert '<p class="meta">Testville, <a href="/en/countries/no/">Norway</a></p>' in html
        assert '<span class="label">Focus areas:</span> Life &lt;science&gt;</p>' in html
    assert '<a href="/da/lande/no/">Norge</a>' in client.get("/da/centre/").content.decode()


def test_contact_cards_show_phone_email_and_the_vcard_in_each_language(seeded, client):
    person = ContactPerson.objects.get(email="kra@ufm.dk")

    english = client.get("/en/contacts/").content.decode()
    danish = client.get("/da/kontakter/").content.decode()
    overview = client.get("/en/").content.decode()

    assert '<dt>Phone</dt><dd><a href="tel:+4572318213">+45 72 31 82 13</a></dd>' in english
    assert '<dt>Telefon</dt><dd><a href="tel:+4572318213">+45 72 31 82 13</a></dd>' in danish
    assert f'<a href="/en/contacts/{person.slug}.vcf" download>Add Karin Ilsøth Rasmussen to your contacts' in english
    assert "Tilføj Karin Ilsøth Rasmussen til dine kontakter (vCard)" in danish
    # The overview shows the cards without the vCard link.
    assert '<div class="contact-card" id="karin-ilsoth-rasmussen">' in overview
    assert ".vcf" not in overview


def test_a_changed_phone_number_is_shown_at_once(seeded, client):
    person = ContactPerson.objects.get(email="kra@ufm.dk")
    client.get("/en/contacts/")

    person.phone = "+4533929700"
    person.save()
    html = client.get("/en/contacts/").content.decode()

    assert '<a href="tel:+4533929700">+45 33 92 97 00</a>' in html
    assert "+45 72 31 82 13" not in html


def test_the_overview_asks_as_many_queries_with_more_agreements(seeded, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/en/").status_code == 200
    for n in range(20):
        make_agreement(country="FR", scope="research", slug=f"more-{n}", is_published=n == 0)
    with django_assert_max_num_queries(8):
        html = client.get("/en/").content.decode()
    assert '<a href="/en/countries/fr/">France</a>' in html
