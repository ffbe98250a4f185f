"""Safe editing in the admin: no lost updates, restore with relations, readable history, drafts first."""

import re

import pytest
from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client

from agreements.models import Activity, BilateralAgreement, CountryAlias, FundingPartner
from centres.models import FocusArea, InnovationCentre
from contacts.models import ContactPerson
from tests.admin_helpers import change_url, delete_in_admin, form_data, page_text, sweden_agreement_form
from ufm_intl.models import Initiative, Page


@pytest.fixture
def second_editor(seeded):
    """Another member of the Editors group, logged in in a browser of her own."""
    user = User.objects.create_user(
        "mette", "mette@example.org", "correct-horse-battery-staple", first_name="Mette", last_name="Holm"
    )
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def tag_with_every(obj, relation):
    """Tick every focus area, activity or funding partner there is, so that a test can untick some."""
    related = obj._meta.get_field(relation).related_model
    getattr(obj, relation).set(related.objects.all())
    return sorted(getattr(obj, relation).values_list("pk", flat=True))


# 1. Lost update ----------------------------------------------------------------------------------


def test_a_save_from_a_form_opened_before_someone_elses_change_is_refused(seeded, editor, editor_client, second_editor):
    agreement = BilateralAgreement.objects.get(slug="germany")
    url = change_url(agreement)
    mettes_form = form_data(second_editor.get(url))
    editors_form = form_data(editor_client.get(url))

    mettes_form["summary_en"] = "Joint calls for research projects every spring."
    assert second_editor.post(url, mettes_form).status_code == 302
    editors_form["title_da"] = "Bilateral aftale om forskning med Tyskland"
    response = editor_client.post(url, editors_form, HTTP_ACCEPT_LANGUAGE="da")

    assert response.status_code == 200
    agreement.refresh_from_db()
    assert agreement.summary_en == "Joint calls for research projects every spring."
    assert agreement.title_da == "Bilateral aftale med Tyskland"
    html = page_text(response)
    assert "Mette Holm gemte en ændring den " in html
    # The time as Danish writes it, and as the admin's front page gives it ("kl. 10.00").
    assert re.search(r"gemte en ændring den \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d\d\.\d\d, efter", html)
    assert "efter at du havde åbnet formularen" in html
    assert "Ændret: Manchet [en]." in html
    assert "Intet er gemt." in html
    form = response.context["adminform"].form
    assert form["title_da"].value() == "Bilateral aftale om forskning med Tyskland"  # nothing to retype
    assert form["summary_en"].value() == "Joint calls for research projects every spring."  # her change, filled in

    assert editor_client.post(url, form_data(response)).status_code == 302
    agreement.refresh_from_db()
    assert agreement.title_da == "Bilateral aftale om forskning med Tyskland"
    assert agreement.summary_en == "Joint calls for research projects every spring."


def test_when_both_change_the_same_field_the_form_keeps_yours_and_shows_theirs(
    seeded, editor, editor_client, second_editor
):
    agreement = BilateralAgreement.objects.get(slug="japan")
    url = change_url(agreement)
    mettes_form = form_data(second_editor.get(url))
    editors_form = form_data(editor_client.get(url))

    mettes_form["summary_en"] = "Mette's summary."
    second_editor.post(url, mettes_form)
    editors_form["summary_en"] = "The editor's summary."
    response = editor_client.post(url, editors_form)

    html = page_text(response)
    assert "Mette Holm also changed this field, to “Mette&#x27;s summary.”. The form shows your version." in html
    assert response.context["adminform"].form["summary_en"].value() == "The editor's summary."
    agreement.refresh_from_db()
    assert agreement.summary_en == "Mette's summary."


def test_relations_changed_by_someone_else_are_kept_too(seeded, editor_client, second_editor):
    agreement = BilateralAgreement.objects.get(slug="germany")
    url = change_url(agreement)
    kept = [str(pk) for pk in tag_with_every(agreement, "activities")[1:]]
    mettes_form = form_data(second_editor.get(url))
    editors_form = form_data(editor_client.get(url))

    mettes_form["activities"] = kept
    second_editor.post(url, mettes_form)
    editors_form["title_en"] = "Bilateral agreement with the Federal Republic of Germany"
    response = editor_client.post(url, editors_form)

    assert "Changed: Activities." in page_text(response)
    assert editor_client.post(url, form_data(response)).status_code == 302
    agreement.refresh_from_db()
    assert agreement.title_en == "Bilateral agreement with the Federal Republic of Germany"
    assert sorted(str(pk) for pk in agreement.activities.values_list("pk", flat=True)) == sorted(kept)


@pytest.mark.parametrize(
    "content",
    [
        lambda: BilateralAgreement.objects.get(slug="germany"),
        lambda: InnovationCentre.objects.get(slug="munich"),
        lambda: ContactPerson.objects.get(slug="sune-kaur-pedersen"),
        lambda: Page.objects.get(key="overview"),
        lambda: Initiative.objects.order_by("pk").first(),
    ],
    ids=["agreement", "centre", "contact", "page", "initiative"],
)
def test_every_kind_of_content_refuses_a_lost_update(seeded, editor_client, second_editor, content):
    obj = content()
    url = change_url(obj)
    mettes_form = form_data(second_editor.get(url))
    editors_form = form_data(editor_client.get(url))

    mettes_form["last_reviewed_on"] = "2026-01-15"
    assert second_editor.post(url, mettes_form).status_code == 302
    response = editor_client.post(url, editors_form)

    assert response.status_code == 200
    assert "Mette Holm saved a change on " in page_text(response)
    assert "Changed: Last reviewed." in page_text(response)
    assert editor_client.post(url, form_data(response)).status_code == 302
    obj.refresh_from_db()
    assert str(obj.last_reviewed_on) == "2026-01-15"


def test_a_country_alias_refuses_a_lost_update_and_keeps_both_changes(seeded, editor_client, second_editor):
    alias = CountryAlias.objects.get(alias="Deutschland")
    url = change_url(alias)
    mettes_form = form_data(second_editor.get(url))
    editors_form = form_data(editor_client.get(url))

    mettes_form["alias"] = "Bundesrepublik Deutschland"
    assert second_editor.post(url, mettes_form).status_code == 302
    editors_form["kind"] = CountryAlias.Kind.ABBREVIATION
    response = editor_client.post(url, editors_form)

    assert response.status_code == 200
    assert "Mette Holm saved a change on " in page_text(response)
    assert "Changed: Alias." in page_text(response)
    assert editor_client.post(url, form_data(response)).status_code == 302
    alias.refresh_from_db()
    assert (alias.alias, alias.kind) == ("Bundesrepublik Deutschland", CountryAlias.Kind.ABBREVIATION)


# 2. Restore brings back the ticks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "relation"),
    [
        (lambda: BilateralAgreement.objects.get(slug="germany"), "activities"),
        (lambda: BilateralAgreement.objects.get(slug="south-korea"), "funding_partners"),
        (lambda: InnovationCentre.objects.get(slug="munich"), "focus_areas"),
    ],
)
def test_reverting_restores_the_ticked_relations(seeded, editor_client, content, relation):
    obj = content()
    before = tag_with_every(obj, relation)
    assert before
    earlier = obj.history.first()
    url = change_url(obj)
    data = form_data(editor_client.get(url))
    data[relation] = [str(pk) for pk in before[1:]]
    data[f"{'title' if hasattr(obj, 'title_en') else 'name'}_en"] = "A mistaken change"
    assert editor_client.post(url, data).status_code == 302
    assert sorted(getattr(obj, relation).values_list("pk", flat=True)) == before[1:]

    revert_url = url.replace("/change/", f"/history/{earlier.history_id}/")
    response = editor_client.get(revert_url)
    assert sorted(int(pk) for pk in response.context["adminform"].form[relation].value()) == before
    assert editor_client.post(revert_url, form_data(response)).status_code == 302

    obj.refresh_from_db()
    assert sorted(getattr(obj, relation).values_list("pk", flat=True)) == before
    assert "A mistaken change" not in str(obj)


def test_reverting_over_a_change_made_meanwhile_is_refused(seeded, editor_client, second_editor):
    centre = InnovationCentre.objects.get(slug="munich")
    revert_url = f"/admin/centres/innovationcentre/{centre.pk}/history/{centre.history.first().history_id}/"
    restore_form = form_data(editor_client.get(revert_url))
    mettes_form = form_data(second_editor.get(change_url(centre)))

    mettes_form["summary_en"] = "Mette's summary of the centre."
    second_editor.post(change_url(centre), mettes_form)
    response = editor_client.post(revert_url, restore_form)

    assert response.status_code == 200
    assert "Changed: Summary [en]." in page_text(response)
    centre.refresh_from_db()
    assert centre.summary_en == "Mette's summary of the centre."


# 2b. Deleted while the form was open -------------------------------------------------------------


@pytest.fixture
def administrator(seeded):
    """The portal's administrator (only superusers delete content), logged in in a browser of his own."""
    user = User.objects.create_superuser("soren", "soren@example.org", "correct-horse-battery-staple")
    user.first_name, user.last_name = "Søren", "Dahl"
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_form_saved_after_someone_deleted_its_item_keeps_what_was_typed(seeded, editor_client, administrator):
    agreement = BilateralAgreement.objects.get(slug="germany")
    activities = tag_with_every(agreement, "activities")
    url = change_url(agreement)
    editors_form = form_data(editor_client.get(url))
    delete_in_admin(administrator, agreement)

    editors_form["summary_en"] = "Joint calls for research projects every spring."
    response = editor_client.post(url, editors_form)

    assert response.status_code == 200
    shown = page_text(response)
    assert "Søren Dahl deleted this bilateral agreement on" in shown
    assert "Nothing has been saved." in shown
    assert "Joint calls for research projects every spring." in shown
    assert not BilateralAgreement.objects.filter(pk=agreement.pk).exists()

    assert editor_client.post(url, form_data(response)).status_code == 302
    again = BilateralAgreement.objects.get(pk=agreement.pk)
    assert again.summary_en == "Joint calls for research projects every spring."
    assert again.title_da == agreement.title_da
    assert sorted(again.activities.values_list("pk", flat=True)) == activities
    assert again.history.first().history_change_reason == "Created again after it was deleted"
    assert not again.is_published  # an editor's new item is a draft until a publisher publishes it
    assert again.created_at == agreement.created_at
    assert [row.history_type for row in again.history.all()[:3]] == ["+", "-", "~"]


def test_saving_again_says_the_item_was_created_again_and_logs_an_addition(seeded, editor_client, administrator):
    centre = InnovationCentre.objects.get(slug="munich")
    url = change_url(centre)
    editors_form = form_data(editor_client.get(url))
    delete_in_admin(administrator, centre)
    refused = editor_client.post(url, editors_form)

    response = editor_client.post(url, form_data(refused), follow=True)

    assert [str(message) for message in response.context["messages"]] == [
        f"The Innovation Centre “{centre}” was created again."
    ]
    assert LogEntry.objects.filter(object_id=str(centre.pk)).first().action_flag == ADDITION


def test_the_deleted_message_is_in_the_editors_language(seeded, editor_client, administrator):
    centre = InnovationCentre.objects.get(slug="munich")
    url = change_url(centre)
    editors_form = form_data(editor_client.get(url, HTTP_ACCEPT_LANGUAGE="da"))
    delete_in_admin(administrator, centre)

    response = editor_client.post(url, editors_form, HTTP_ACCEPT_LANGUAGE="da")

    assert "Søren Dahl slettede dette indhold (Innovationscenter) den" in page_text(response)
    assert "Intet er gemt." in page_text(response)


def test_opening_a_deleted_item_leads_to_its_history_where_it_is_restored(seeded, editor_client, administrator):
    agreement = BilateralAgreement.objects.get(slug="south-korea")
    partners = tag_with_every(agreement, "funding_partners")
    delete_in_admin(administrator, agreement)

    response = editor_client.get(change_url(agreement), follow=True)

    history_url = change_url(agreement).replace("/change/", "/history/")
    assert response.redirect_chain == [(history_url, 302)]
    message = str(list(response.context["messages"])[0])
    assert message.startswith(f"Søren Dahl deleted the bilateral agreement “{agreement}” on")
    assert "save it there to restore it" in message
    last_version = (
        agreement.history.filter(history_type="~").first() or agreement.history.exclude(history_type="-").first()
    )
    restore_url = change_url(agreement).replace("/change/", f"/history/{last_version.history_id}/")
    assert restore_url in response.content.decode()

    assert editor_client.post(restore_url, form_data(editor_client.get(restore_url))).status_code == 302
    restored = BilateralAgreement.objects.get(pk=agreement.pk)
    assert sorted(restored.funding_partners.values_list("pk", flat=True)) == partners


def test_the_front_page_lists_deleted_items_until_they_are_restored(seeded, editor_client, administrator):
    assert "Deleted: restore from the history" not in editor_client.get("/admin/").content.decode()
    centre = InnovationCentre.objects.get(slug="munich")
    agreement = BilateralAgreement.objects.get(slug="germany")
    delete_in_admin(administrator, centre)
    delete_in_admin(administrator, agreement)

    page = page_text(editor_client.get("/admin/"))

    assert "Deleted: restore from the history" in page
    centre_row = f'<a href="/admin/centres/innovationcentre/{centre.pk}/history/">{centre}</a>'
    agreement_row = f'<a href="/admin/agreements/bilateralagreement/{agreement.pk}/history/">{agreement}</a>'
    assert agreement_row in page and centre_row in page
    assert page.index(agreement_row) < page.index(centre_row)  # the latest deletion first
    assert "<td>Søren Dahl</td>" in page

    last_version = agreement.history.exclude(history_type="-").first()
    restore_url = f"/admin/agreements/bilateralagreement/{agreement.pk}/history/{last_version.history_id}/"
    editor_client.post(restore_url, form_data(editor_client.get(restore_url)))

    page = page_text(editor_client.get("/admin/"))
    assert centre_row in page and agreement_row not in page


def test_the_front_page_names_a_deleted_item_in_the_readers_language(seeded, editor_client, administrator):
    centre = InnovationCentre.objects.get(slug="munich")
    delete_in_admin(administrator, centre)  # the administrator reads the admin in English

    page = page_text(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da"))

    assert f">{centre.name_da}</a>" in page and centre.name_da != centre.name_en


def test_a_deleted_item_stays_listed_however_many_restored_ones_were_deleted_after_it(
    seeded, editor_client, administrator
):
    centre = InnovationCentre.objects.get(slug="munich")
    delete_in_admin(administrator, centre)
    # Many deletions since, of items that exist again (restored or created again).
    activity = Activity.objects.first()
    for _ in range(120):
        LogEntry.objects.log_actions(User.objects.get(username="soren").pk, [activity], DELETION, single_object=True)

    page = page_text(editor_client.get("/admin/"))

    assert f'<a href="/admin/centres/innovationcentre/{centre.pk}/history/">{centre}</a>' in page
    assert f"{activity}</a>" not in page


def test_deleted_items_of_kinds_a_user_may_not_see_are_not_listed(seeded, administrator):
    delete_in_admin(administrator, InnovationCentre.objects.get(slug="munich"))
    outsider = User.objects.create_user("outsider", password="correct-horse-battery-staple", is_staff=True)
    client = Client()
    client.force_login(outsider)

    assert "Deleted: restore from the history" not in client.get("/admin/").content.decode()


def test_restoring_a_deleted_item_that_someone_created_again_meanwhile_is_refused(seeded, editor_client, administrator):
    centre = InnovationCentre.objects.get(slug="munich")
    url = change_url(centre)
    editors_form = form_data(editor_client.get(url))
    delete_in_admin(administrator, centre)
    version = centre.history.exclude(history_type="-").first()
    restore_url = f"{url.replace('/change/', '/history/')}{version.history_id}/"
    restore_form = form_data(administrator.get(restore_url))
    editors_form["name_en"] = "Innovation Centre Denmark, Munich and Bavaria"
    refused = editor_client.post(url, editors_form)
    assert editor_client.post(url, form_data(refused)).status_code == 302  # created again

    response = administrator.post(restore_url, restore_form)

    assert response.status_code == 200
    assert "editor saved a change on" in page_text(response)
    assert InnovationCentre.objects.get(pk=centre.pk).name_en == "Innovation Centre Denmark, Munich and Bavaria"


def test_a_form_told_of_a_deletion_merges_the_item_someone_created_again_since(
    seeded, editor_client, second_editor, administrator
):
    centre = InnovationCentre.objects.get(slug="munich")
    url = change_url(centre)
    editors_form, mettes_form = form_data(editor_client.get(url)), form_data(second_editor.get(url))
    delete_in_admin(administrator, centre)
    editors_form["summary_en"] = "The editor's summary."
    told = editor_client.post(url, editors_form)
    mettes_form["name_en"] = "Innovation Centre Denmark, Munich and Bavaria"
    assert second_editor.post(url, form_data(second_editor.post(url, mettes_form))).status_code == 302

    response = editor_client.post(url, form_data(told))

    assert "Mette Holm saved a change on" in page_text(response)
    form = response.context["adminform"].form
    assert form["name_en"].value() == "Innovation Centre Denmark, Munich and Bavaria"  # hers, filled in
    assert form["summary_en"].value() == "The editor's summary."
    assert editor_client.post(url, form_data(response)).status_code == 302
    centre = InnovationCentre.objects.get(pk=centre.pk)
    assert (centre.name_en, centre.summary_en) == (
        "Innovation Centre Denmark, Munich and Bavaria",
        "The editor's summary.",
    )


def test_a_country_alias_saved_after_it_was_deleted_keeps_what_was_typed(seeded, editor_client, administrator):
    alias = CountryAlias.objects.get(alias="Deutschland")
    url = change_url(alias)
    editors_form = form_data(editor_client.get(url))
    delete_in_admin(administrator, alias)

    editors_form["alias"] = "Bundesrepublik Deutschland"
    response = editor_client.post(url, editors_form)

    assert "Søren Dahl deleted this country alias on" in page_text(response)
    assert not CountryAlias.objects.filter(pk=alias.pk).exists()
    assert editor_client.post(url, form_data(response)).status_code == 302
    again = CountryAlias.objects.get(pk=alias.pk)
    assert (again.alias, again.country.code) == ("Bundesrepublik Deutschland", "DE")
    assert again.history.first().history_change_reason == "Created again after it was deleted"


# 3. History as editors read it ----------------------------------------------------------------------


def test_one_save_is_one_history_row_with_fields_and_relations(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="germany")
    tag_with_every(agreement, "activities")
    rows_before = agreement.history.count()
    url = change_url(agreement)
    data = form_data(editor_client.get(url))
    data["summary_en"] = "A new summary."
    data["activities"] = data["activities"][1:]

    editor_client.post(url, data)

    assert agreement.history.count() == rows_before + 1
    latest = agreement.history.first()
    assert latest.history_user.username == "editor"
    assert len(latest.activities.all()) == len(data["activities"])


def test_history_lists_each_language_once_and_dashes_for_nothing(seeded, editor_client):
    agreement = BilateralAgreement.objects.get(slug="germany")
    tag_with_every(agreement, "activities")
    url = change_url(agreement)
    data = form_data(editor_client.get(url))
    data["summary_en"] = "A new summary."
    data["activities"] = data["activities"][1:]
    editor_client.post(url, data)

    html = page_text(editor_client.get(url.replace("/change/", "/history/")))

    assert "<strong>Summary [en]:</strong>" in html
    assert "<strong>Summary:</strong>" not in html
    assert "<strong>Activities:</strong>" in html
    assert "A new summary." in html
    assert "<td>editor</td> <td>—</td>" in html  # the editor, no change reason
    assert "None" not in html


def test_seeded_versions_are_attributed_to_the_seed(seeded, editor_client):
    centre = InnovationCentre.objects.get(slug="munich")

    html = page_text(editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/history/"))

    assert centre.history.count() == 1  # the centre and its focus areas in one row
    assert "<td>Seed content</td> <td>Loaded from the ministry&#x27;s source page</td>" in html
    assert "None" not in html
    html = page_text(
        editor_client.get(f"/admin/centres/innovationcentre/{centre.pk}/history/", HTTP_ACCEPT_LANGUAGE="da")
    )
    assert "<td>Startindhold</td> <td>Indlæst fra ministeriets kildeside</td>" in html
    assert "Ændret af" in html


# 4. Drafts first ------------------------------------------------------------------------------------


def test_a_new_agreement_is_a_draft_until_it_is_published(seeded, one_step_client, visitor):
    data = sweden_agreement_form(one_step_client)
    assert "is_published" not in data  # the box starts unticked

    assert one_step_client.post("/admin/agreements/bilateralagreement/add/", data).status_code == 302
    agreement = BilateralAgreement.objects.get(slug="sweden")
    assert not agreement.is_published
    assert visitor.get("/en/agreements/sweden/").status_code == 404

    url = change_url(agreement)
    html = one_step_client.get(url).content.decode()
    assert '<input type="submit" value="Save and publish" name="_publish">' in html
    response = one_step_client.post(url, {**form_data(one_step_client.get(url)), "_publish": "Save and publish"})

    assert response.status_code == 302
    page = visitor.get("/en/agreements/sweden/")
    assert page.status_code == 200
    assert "Bilateral agreement with Sweden" in page.content.decode()
    assert 'name="_publish"' not in one_step_client.get(url).content.decode()  # published: nothing to publish


def test_a_new_agreement_of_an_editor_is_a_draft_whatever_the_form_sends(seeded, editor_client, visitor):
    data = sweden_agreement_form(editor_client)
    data.update(is_published="on", publish_from_0="2026-01-01", publish_from_1="10:00:00")

    assert editor_client.post("/admin/agreements/bilateralagreement/add/", data).status_code == 302

    agreement = BilateralAgreement.objects.get(slug="sweden")
    assert not agreement.is_published
    assert agreement.publish_from is None
    assert visitor.get("/en/agreements/sweden/").status_code == 404


def test_save_and_publish_on_the_add_form_and_in_danish(seeded, one_step_client, visitor):
    html = one_step_client.get("/admin/agreements/bilateralagreement/add/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert 'value="Gem og offentliggør" name="_publish"' in html

    data = sweden_agreement_form(one_step_client)
    response = one_step_client.post(
        "/admin/agreements/bilateralagreement/add/", {**data, "_publish": "Gem og offentliggør"}
    )

    assert response.status_code == 302
    assert visitor.get("/en/agreements/sweden/").status_code == 200


def test_save_and_publish_checks_what_publishing_requires(seeded, one_step_client):
    data = sweden_agreement_form(one_step_client)
    data.update(slug="germany-2", country="DE")

    response = one_step_client.post(
        "/admin/agreements/bilateralagreement/add/", {**data, "_publish": "Save and publish"}
    )

    assert response.status_code == 200
    assert "A published agreement with this country and scope already exists." in response.content.decode()
    assert not BilateralAgreement.objects.filter(slug="germany-2").exists()


def test_an_editors_draft_may_share_country_and_scope_with_a_published_agreement(seeded, editor_client):
    """The editor's new item is a draft: the one-published-agreement rule does not stop it being saved."""
    data = sweden_agreement_form(editor_client)
    data.update(slug_en="germany-2", slug_da="tyskland-2", country="DE")

    assert editor_client.post("/admin/agreements/bilateralagreement/add/", data).status_code == 302
    assert not BilateralAgreement.objects.get(slug_en="germany-2").is_published


def test_only_those_who_may_change_content_see_save_and_publish(seeded):
    viewer = User.objects.create_user("reader", "reader@example.org", "correct-horse-battery-staple", is_staff=True)
    viewer.user_permissions.add(*Group.objects.get(name="Editors").permissions.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(viewer)
    draft = BilateralAgreement.objects.get(slug="germany")
    draft.is_published = False
    draft.save()

    html = client.get(change_url(draft)).content.decode()

    assert "Bilateral agreement with Germany" in html
    assert 'name="_publish"' not in html


# 6. Lists -------------------------------------------------------------------------------------------


def country_filter_links(html):
    return re.findall(r'<a href="\?country=([A-Z]{2})"[^>]*>([^<]+)</a>', html)


def test_country_filter_offers_only_the_countries_in_use_in_the_editors_language(seeded, editor_client):
    html = editor_client.get("/admin/agreements/bilateralagreement/").content.decode()
    links = country_filter_links(html)
    assert sorted(code for code, _ in links) == sorted(BilateralAgreement.objects.values_list("country", flat=True))
    assert ("DE", "Germany") in links
    assert "Sweden" not in html

    html = editor_client.get("/admin/agreements/bilateralagreement/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert ("DE", "Tyskland") in country_filter_links(html)

    html = editor_client.get("/admin/agreements/bilateralagreement/?country=DE").content.decode()
    assert re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', html) == ["Bilateral agreement with Germany"]


def test_centre_filter_lists_the_centres_countries(seeded, editor_client):
    html = editor_client.get("/admin/centres/innovationcentre/").content.decode()
    codes = {code for code, _ in country_filter_links(html)}
    assert codes == set(InnovationCentre.objects.values_list("country", flat=True))


def test_terms_and_partners_are_unchanged_by_the_editorial_extras(seeded, editor_client):
    """Terms have no published state: no draft default and no publish button."""
    for model in (Activity, FocusArea, FundingPartner):
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"
        html = editor_client.get(url).content.decode()
        assert 'name="_publish"' not in html


@pytest.mark.parametrize(
    ("language", "filled", "empty"),
    [("da", "description_en", "description_da"), ("en", "description_da", "description_en")],
)
def test_a_text_left_empty_in_one_language_stays_empty_whatever_the_admins_language(
    seeded, editor_client, language, filled, empty
):
    agreement = BilateralAgreement.objects.get(slug="japan")
    url = change_url(agreement)
    data = form_data(editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    data |= {filled: "<p>Written in one language only.</p>", empty: ""}
    assert editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language).status_code == 302
    agreement.refresh_from_db()
    assert getattr(agreement, filled) == "<p>Written in one language only.</p>"
    assert getattr(agreement, empty) == ""
