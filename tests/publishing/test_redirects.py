"""Old addresses keep working after a rename, and editors' own redirects (publishing/redirects.py)."""

import pytest
from django.core.files.base import ContentFile

from agreements.models import AgreementDocument, BilateralAgreement
from centres.models import InnovationCentre
from publishing.models import Redirect
from tests.admin_helpers import delete_in_admin, form_data
from tests.factories import make_agreement


def rename(item, **slugs):
    for field, value in slugs.items():
        setattr(item, field, value)
    item.save()


def test_a_renamed_agreement_answers_its_old_address_in_both_languages(seeded, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="turkey")
    rename(agreement, slug_en="tuerkiye", slug_da="tyrkiet-ny")

    response = visitor.get("/en/agreements/turkey/")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/tuerkiye/"
    response = visitor.get("/da/aftaler/tyrkiet/")
    assert response.status_code == 301 and response["Location"] == "/da/aftaler/tyrkiet-ny/"
    assert "Bilateral agreement with Turkey" in visitor.get("/en/agreements/tuerkiye/").content.decode()


def test_a_chain_of_renames_is_one_hop(seeded, visitor):
    centre = InnovationCentre.objects.get(slug_en="munich")
    rename(centre, slug_en="muenchen")
    rename(centre, slug_en="munich-bavaria")

    for old in ("/en/centres/munich/", "/en/centres/muenchen/"):
        response = visitor.get(old)
        assert response.status_code == 301 and response["Location"] == "/en/centres/munich-bavaria/"


def test_renaming_back_removes_the_redirect_and_makes_no_loop(seeded, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="japan")
    rename(agreement, slug_en="nippon")
    rename(agreement, slug_en="japan")

    assert not Redirect.objects.filter(old_path="/en/agreements/japan/").exists()
    assert visitor.get("/en/agreements/japan/").status_code == 200
    response = visitor.get("/en/agreements/nippon/")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/japan/"


def test_a_redirect_never_reveals_a_draft(seeded, visitor, editor_client):
    agreement = BilateralAgreement.objects.get(slug_en="israel")
    rename(agreement, slug_en="state-of-israel", is_published=False)

    assert visitor.get("/en/agreements/israel/").status_code == 404
    assert visitor.get("/en/agreements/state-of-israel/").status_code == 404
    # The editor previewing drafts is sent on.
    assert editor_client.get("/en/agreements/israel/")["Location"] == "/en/agreements/state-of-israel/"


def test_the_redirect_is_right_with_the_page_cache_on(seeded, visitor):
    assert visitor.get("/en/agreements/brazil/").status_code == 200  # now cached
    rename(BilateralAgreement.objects.get(slug_en="brazil"), slug_en="brasil")

    response = visitor.get("/en/agreements/brazil/")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/brasil/"
    assert visitor.get("/en/agreements/brasil/").status_code == 200


def test_an_editor_adds_a_redirect_from_an_old_ufm_address(seeded, admin_client, visitor):
    response = admin_client.get("/admin/publishing/redirect/add/")
    data = form_data(response) | {"old_path": "/en/old/page/", "new_path": "/en/agreements/"}
    assert admin_client.post("/admin/publishing/redirect/add/", data).status_code == 302

    response = visitor.get("/en/old/page/?from=ufm")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/?from=ufm"
    assert visitor.get("/en/other/old/page/").status_code == 404


def test_a_redirect_needs_paths(seeded, admin_client):
    data = form_data(admin_client.get("/admin/publishing/redirect/add/"))
    response = admin_client.post("/admin/publishing/redirect/add/", data | {"old_path": "en/old/", "new_path": ""})
    assert response.status_code == 200
    assert "starting with one “/”" in response.content.decode()
    assert not Redirect.objects.exists()


def add_redirect(client, old_path, new_path):
    data = form_data(client.get("/admin/publishing/redirect/add/"))
    return client.post("/admin/publishing/redirect/add/", data | {"old_path": old_path, "new_path": new_path})


@pytest.mark.parametrize(
    ("new_path", "message"),
    [
        ("//example.com/x", "a path on this site, starting with one “/”"),
        ("/\\example.com/x", "a path on this site, starting with one “/”"),
        # Browsers drop tabs and line breaks from addresses: "/\t/example.com" is "//example.com".
        ("/\t/example.com/x", "a path on this site, starting with one “/”"),
        ("/\n/example.com/x", "a path on this site, starting with one “/”"),
        ("/en/old/page/", "The new address is the old one"),
        ("/en/old/page/#top", "The new address is the old one"),
        ("/en/old/page/?from=ufm", "The new address is the old one"),
    ],
)
def test_a_redirect_must_lead_somewhere_on_this_site(seeded, editor_client, new_path, message):
    response = add_redirect(editor_client, "/en/old/page/", new_path)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("old_path", ["/en/research?ID=5", "/en/research/#top"])
def test_an_old_address_with_a_query_or_fragment_that_could_never_match_is_refused(seeded, editor_client, old_path):
    response = add_redirect(editor_client, old_path, "/en/programmes/")

    assert response.status_code == 200
    assert "without “?” or “#”" in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_redirect_that_would_make_a_loop_is_refused(seeded, editor_client, visitor):
    assert add_redirect(editor_client, "/en/loop-c/", "/en/agreements/").status_code == 302
    assert add_redirect(editor_client, "/en/loop-b/", "/en/loop-c/").status_code == 302
    assert add_redirect(editor_client, "/en/loop-a/", "/en/loop-b/").status_code == 302
    loop_c = Redirect.objects.get(old_path="/en/loop-c/")
    change_url = f"/admin/publishing/redirect/{loop_c.pk}/change/"

    response = editor_client.post(change_url, form_data(editor_client.get(change_url)) | {"new_path": "/en/loop-a/"})

    assert response.status_code == 200
    assert "visitors would be sent round in a circle" in response.content.decode()
    assert Redirect.objects.get(old_path="/en/loop-c/").new_path == "/en/agreements/"
    assert visitor.get("/en/loop-a/")["Location"] == "/en/agreements/"


@pytest.mark.parametrize(
    ("new_path", "message"),
    [
        ("/en/agreemnts/", "No page of this site has the address /en/agreemnts/: check it for typing errors."),
        ("/en/agreements/germny/", "No page of this site has the address /en/agreements/germny/"),
        ("/EN/Agreements/", "No page of this site has the address /EN/Agreements/. Did you mean /en/agreements/?"),
        ("/en/centres/munich", "No page of this site has the address /en/centres/munich. Did you mean"),
        # Addresses of views with arguments: a country with nothing to show, a document that is none.
        ("/en/countries/fr/", "No page of this site has the address /en/countries/fr/"),
        ("/en/countries/zz/", "No page of this site has the address /en/countries/zz/"),
        ("/en/countries/gb/feed/", "No page of this site has the address /en/countries/gb/feed/"),
        ("/en/countries/south-korea/feed/", "No page of this site has the address /en/countries/south-korea/feed/"),
        ("/en/agreements/brazil/documents/99999/", "No page of this site has the address /en/agreements/brazil/"),
    ],
)
def test_a_redirect_to_an_address_without_a_page_is_refused(seeded, editor_client, new_path, message):
    response = add_redirect(editor_client, "/en/old/page/", new_path)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    "new_path",
    [
        "/en/agreements/germany/",
        "/da/aftaler/tyskland/?fra=ufm#dokumenter",
        "/en/agreements/tyskland/",  # the other language's address: the page sends visitors on to its own
        "/media/agreements/documents/aftale.pdf",
        "/en/old/other/",  # another redirect, which ends at a page
        "/en/countries/de/",
        "/da/lande/kr/feed/",
        "/en/countries/south-korea/",  # the country's name: its page sends visitors on to its code
        "/en/countries/se/",  # a draft agreement with Sweden (below): a page to be
    ],
)
def test_a_redirect_to_a_page_or_a_file_is_accepted(seeded, editor_client, visitor, new_path):
    make_agreement(country="SE", slug="sweden", is_published=False)
    assert add_redirect(editor_client, "/en/old/other/", "/en/programmes/").status_code == 302

    assert add_redirect(editor_client, "/en/old/page/", new_path).status_code == 302


def test_a_redirect_to_a_document_of_the_agreement_is_accepted(seeded, editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    germany = BilateralAgreement.objects.get(slug="germany")
    document = AgreementDocument(agreement=germany, title_en="Annex")
    document.file.save("annex.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    assert (
        add_redirect(editor_client, "/en/old/page/", f"/da/aftaler/tyskland/documents/{document.pk}/").status_code
        == 302
    )
    other = f"/en/agreements/japan/documents/{document.pk}/"  # not Japan's
    assert (
        "No page of this site has the address" in add_redirect(editor_client, "/en/old/other/", other).content.decode()
    )


@pytest.mark.parametrize("new_path", ["//example.com/x", "/\t/example.com/x", "/en/old/page/?again=1"])
def test_a_redirect_saved_earlier_to_another_site_or_to_itself_is_never_followed(seeded, visitor, new_path):
    Redirect.objects.create(old_path="/en/old/page/", new_path=new_path)

    assert visitor.get("/en/old/page/").status_code == 404


@pytest.mark.parametrize(
    ("new_path", "location"),
    [
        ("/en/agreements/?region=asia", "/en/agreements/?region=asia&from=ufm"),
        ("/en/agreements/?region=asia#results", "/en/agreements/?region=asia&from=ufm#results"),
        ("/en/programmes/#international-network-programme", "/en/programmes/?from=ufm#international-network-programme"),
    ],
)
def test_a_redirect_keeps_its_query_and_fragment_and_adds_the_visitors_query(seeded, visitor, new_path, location):
    Redirect.objects.create(old_path="/en/old/page/", new_path=new_path)

    response = visitor.get("/en/old/page/?from=ufm")

    assert response.status_code == 301 and response["Location"] == location


def test_the_admin_lists_the_automatic_redirects(seeded, admin_client):
    rename(BilateralAgreement.objects.get(slug_en="india"), slug_en="bharat")
    html = admin_client.get("/admin/publishing/redirect/?q=india").content.decode()
    assert "/en/agreements/india/" in html and "/en/agreements/bharat/" in html


def test_an_ordinary_page_does_not_look_up_redirects(seeded, visitor, django_assert_max_num_queries):
    visitor.get("/en/agreements/germany/")
    # From the cache: the content version is all it reads; no redirect is looked up.
    with django_assert_max_num_queries(1):
        assert visitor.get("/en/agreements/germany/").status_code == 200


def test_editors_keep_the_redirects(editor_client):
    response = editor_client.get("/admin/publishing/redirect/add/")
    assert response.status_code == 200
    response = editor_client.post(
        "/admin/publishing/redirect/add/", {"old_path": "/en/old-ufm-page/", "new_path": "/en/agreements/"}
    )
    assert response.status_code == 302
    assert editor_client.get("/en/old-ufm-page/").status_code == 301


ADMIN_RENAMES = {
    "agreement": (
        BilateralAgreement, "south-africa", "/admin/agreements/bilateralagreement/",
        {"slug_en": "republic-of-south-africa", "slug_da": "republikken-sydafrika"},
        ("/en/agreements/south-africa/", "/en/agreements/republic-of-south-africa/"),
        ("/da/aftaler/sydafrika/", "/da/aftaler/republikken-sydafrika/"),
    ),
    "centre": (
        InnovationCentre, "munich", "/admin/centres/innovationcentre/",
        {"slug_en": "munich-bavaria", "slug_da": "munchen-bayern"},
        ("/en/centres/munich/", "/en/centres/munich-bavaria/"),
        ("/da/centre/munchen/", "/da/centre/munchen-bayern/"),
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", ADMIN_RENAMES)
def test_a_rename_in_the_admin_keeps_the_old_addresses_in_both_languages(seeded, editor_client, visitor, kind):
    model, slug, admin_url, new_slugs, english, danish = ADMIN_RENAMES[kind]
    for old, _new in (english, danish):
        assert visitor.get(old).status_code == 200  # now cached
    url = f"{admin_url}{model.objects.get(slug_en=slug).pk}/change/"
    data = form_data(editor_client.get(url)) | new_slugs

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    for old, new in (english, danish):
        response = visitor.get(old)
        assert (response.status_code, response.get("Location")) == (301, new)
        assert visitor.get(new).status_code == 200


def test_an_old_address_stays_with_the_item_that_left_it(seeded, visitor):
    first = make_agreement(country="FR", slug_en="xx-old", slug_da="xx-gammel")
    rename(first, slug_en="xx-new")
    other = make_agreement(country="SE", slug_en="yy", slug_da="xx-old")
    rename(other, slug_da="yy-ny")  # its old Danish word, under English, is the first one's old address

    response = visitor.get("/en/agreements/xx-old/")
    assert response.status_code == 301 and response["Location"] == "/en/agreements/xx-new/"
    # The first item to leave an address keeps it, in Danish too (where "xx-old" led to its Danish page).
    assert visitor.get("/da/aftaler/xx-old/")["Location"] == "/da/aftaler/xx-gammel/"


def test_a_draft_never_published_leaves_no_redirects(seeded, visitor):
    draft = make_agreement(country="SE", slug_en="draft-one", slug_da="kladde", is_published=False)
    rename(draft, slug_en="draft-two")

    assert not Redirect.objects.filter(object_id=draft.pk, content_type__model="bilateralagreement").exists()


def test_a_rename_never_replaces_an_editors_redirect(seeded, admin_client, visitor):
    Redirect.objects.create(old_path="/en/agreements/turkey/", new_path="/en/countries/tr/")
    rename(BilateralAgreement.objects.get(slug_en="turkey"), slug_en="tuerkiye")

    response = visitor.get("/en/agreements/turkey/")
    assert response.status_code == 301 and response["Location"] == "/en/countries/tr/"


def test_an_escaped_question_mark_in_an_address_is_part_of_its_path(seeded, visitor):
    Redirect.objects.create(old_path="/en/old/page/", new_path="/en/programmes/")
    assert visitor.get("/en/old/page/%3Fx").status_code == 404
    assert visitor.get("/en/old/page/?x").status_code == 301


def test_a_redirect_to_the_old_address_of_a_renamed_agreement_is_accepted(seeded, editor_client, visitor):
    rename(BilateralAgreement.objects.get(slug_en="brazil"), slug_en="brasil")

    assert add_redirect(editor_client, "/en/old/page/", "/en/agreements/brazil/").status_code == 302

    response = visitor.get("/en/old/page/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/agreements/brasil/" and response.status_code == 200


def test_a_redirect_to_the_old_address_of_a_deleted_agreement_is_refused(seeded, editor_client):
    japan = BilateralAgreement.objects.get(slug_en="japan")
    rename(japan, slug_en="nippon")
    japan.delete()

    response = add_redirect(editor_client, "/en/old/page/", "/en/agreements/japan/")

    assert "No page of this site has the address /en/agreements/japan/" in response.content.decode()


def test_the_address_without_a_page_is_named_in_the_editors_language(seeded, editor_client):
    data = form_data(editor_client.get("/admin/publishing/redirect/add/", HTTP_ACCEPT_LANGUAGE="da"))
    data |= {"old_path": "/da/gammel/side/", "new_path": "/da/aftaler/tyskand/"}

    response = editor_client.post("/admin/publishing/redirect/add/", data, HTTP_ACCEPT_LANGUAGE="da")

    assert "Ingen side på dette websted har adressen /da/aftaler/tyskand/: tjek den for slåfejl." in (
        response.content.decode()
    )


# History: who changed a redirect, and restore ------------------------------------------------------


def test_a_deleted_redirect_is_listed_on_the_admins_front_page_and_restored_from_its_history(
    seeded, editor_client, admin_client, visitor
):
    assert add_redirect(editor_client, "/en/old/page/", "/en/programmes/").status_code == 302
    redirect = Redirect.objects.get(old_path="/en/old/page/")
    delete_in_admin(admin_client, redirect)
    assert visitor.get("/en/old/page/").status_code == 404

    front_page = editor_client.get("/admin/").content.decode()
    assert "Deleted: restore from the history" in front_page and "/en/old/page/" in front_page
    version = Redirect.history.get(id=redirect.pk, history_type="+")
    assert version.history_user.username == "editor"
    restore_url = f"/admin/publishing/redirect/{redirect.pk}/history/{version.history_id}/"
    assert editor_client.post(restore_url, form_data(editor_client.get(restore_url))).status_code == 302

    assert visitor.get("/en/old/page/")["Location"] == "/en/programmes/"


def test_two_editors_cannot_overwrite_each_others_redirect(seeded, editor_client, admin_client):
    assert add_redirect(editor_client, "/en/old/page/", "/en/programmes/").status_code == 302
    redirect = Redirect.objects.get(old_path="/en/old/page/")
    url = f"/admin/publishing/redirect/{redirect.pk}/change/"
    editors_form, admins_form = form_data(editor_client.get(url)), form_data(admin_client.get(url))

    admins_form["new_path"] = "/en/contacts/"
    assert admin_client.post(url, admins_form).status_code == 302
    editors_form["new_path"] = "/en/agreements/"
    response = editor_client.post(url, editors_form)

    assert response.status_code == 200
    assert "admin also changed this field, to “/en/contacts/”." in response.content.decode()
    redirect.refresh_from_db()
    assert redirect.new_path == "/en/contacts/"


def test_a_rename_records_its_automatic_redirect_in_the_history_as_the_editors(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="germany")
    url = f"/admin/agreements/bilateralagreement/{agreement.pk}/change/"
    assert editor_client.post(url, form_data(editor_client.get(url)) | {"slug_en": "germany-2"}).status_code == 302

    row = Redirect.history.get(old_path="/en/agreements/germany/")
    assert (row.history_type, row.history_user.username) == ("+", "editor")


def test_restoring_a_redirect_whose_old_address_is_taken_again_says_so(seeded, editor_client, admin_client):
    rename(BilateralAgreement.objects.get(slug_en="germany"), slug_en="germany-2")
    automatic = Redirect.objects.get(old_path="/en/agreements/germany/")
    delete_in_admin(admin_client, automatic)
    assert add_redirect(editor_client, "/en/agreements/germany/", "/en/agreements/").status_code == 302
    version = Redirect.history.get(id=automatic.pk, history_type="+")
    restore_url = f"/admin/publishing/redirect/{automatic.pk}/history/{version.history_id}/"

    response = editor_client.post(restore_url, form_data(editor_client.get(restore_url)))

    assert response.status_code == 200
    assert "Redirect with this Old address already exists." in response.content.decode()
    assert Redirect.objects.get(old_path="/en/agreements/germany/").new_path == "/en/agreements/"
