"""Review before publication: editors submit, publishers publish or send back; the admin's front page shows the queue."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from agreements.models import BilateralAgreement
from centres.models import FocusArea, InnovationCentre
from publishing import scheduling
from publishing.models import ReviewRequest
from tests.admin_helpers import change_url, form_data, page_text, sweden_agreement_form
from tests.fresh_database import run_in_fresh_database

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
ADD_AGREEMENT = "/admin/agreements/bilateralagreement/add/"
AGREEMENTS = "/admin/agreements/bilateralagreement/"


def submitted_draft(client):
    """A new agreement an editor has submitted for review."""
    response = client.post(ADD_AGREEMENT, {**sweden_agreement_form(client), "_submit_for_review": "Submit for review"})
    assert response.status_code == 302
    return BilateralAgreement.objects.get(slug_en="sweden")


def queue_rows(html):
    section = re.search(r'<div class="module review-queue">.*?</table>', html, re.S).group(0)
    return re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a>', section)


# 1. An editor cannot publish -----------------------------------------------------------------------


def test_an_editor_sees_the_publishing_fields_read_only_and_submit_for_review(seeded, editor_client):
    html = editor_client.get(ADD_AGREEMENT).content.decode()

    assert 'name="is_published"' not in html
    assert 'name="publish_from_0"' not in html and 'name="unpublish_at_0"' not in html
    assert 'name="_publish"' not in html
    assert '<input type="submit" value="Submit for review" name="_submit_for_review">' in html


def test_an_editor_cannot_publish_a_draft_by_a_crafted_post(seeded, editor_client, visitor):
    draft = submitted_draft(editor_client)
    url = change_url(draft)
    data = form_data(editor_client.get(url))
    data |= {"is_published": "on", "_publish": "Save and publish"}
    data |= {"publish_from_0": "2026-01-01", "publish_from_1": "10:00:00"}

    assert editor_client.post(url, data).status_code == 302

    draft.refresh_from_db()
    assert not draft.is_published
    assert draft.publish_from is None
    assert visitor.get("/en/agreements/sweden/").status_code == 404


def test_an_editor_cannot_unpublish_or_schedule_a_published_item_by_a_crafted_post(seeded, editor_client, visitor):
    agreement = BilateralAgreement.objects.get(slug_en="germany")
    url = change_url(agreement)
    data = form_data(editor_client.get(url))
    data.pop("is_published", None)  # an unticked box is not sent
    data |= {"unpublish_at_0": "2026-01-01", "unpublish_at_1": "10:00:00"}

    assert editor_client.post(url, data).status_code == 302

    agreement.refresh_from_db()
    assert agreement.is_published
    assert agreement.unpublish_at is None
    assert visitor.get("/en/agreements/germany/").status_code == 200


def test_an_editor_corrects_a_published_item_and_it_stays_published(seeded, editor_client, visitor):
    """The rule: an editor may correct a published item's text; it stays published and shows at once."""
    agreement = BilateralAgreement.objects.get(slug_en="germany")
    url = change_url(agreement)
    html = editor_client.get(url).content.decode()
    assert 'name="_submit_for_review"' not in html  # published: there is nothing to submit

    data = form_data(editor_client.get(url)) | {"summary_en": "Joint calls for research projects every spring."}
    assert editor_client.post(url, data).status_code == 302

    agreement.refresh_from_db()
    assert agreement.is_published
    assert "Joint calls for research projects every spring." in visitor.get("/en/agreements/germany/").content.decode()
    assert agreement.history.first().history_user.username == "editor"


def test_restoring_a_published_version_does_not_publish_for_an_editor(seeded, editor_client, publisher_client):
    centre = InnovationCentre.objects.get(slug="munich")
    published_version = centre.history.first()
    response = publisher_client.post(
        "/admin/centres/innovationcentre/", {"action": "unpublish_selected", "_selected_action": [centre.pk]}
    )
    assert response.status_code == 302
    centre.refresh_from_db()
    assert not centre.is_published

    revert_url = f"/admin/centres/innovationcentre/{centre.pk}/history/{published_version.history_id}/"
    assert editor_client.post(revert_url, form_data(editor_client.get(revert_url))).status_code == 302

    centre.refresh_from_db()
    assert not centre.is_published


def test_an_editor_has_no_publishing_actions_and_a_crafted_one_is_refused_in_danish(seeded, editor_client):
    html = editor_client.get(AGREEMENTS).content.decode()
    assert 'value="mark_reviewed"' in html
    assert 'value="publish_selected"' not in html and 'value="unpublish_selected"' not in html

    germany = BilateralAgreement.objects.get(slug_en="germany")
    response = editor_client.post(
        AGREEMENTS, {"action": "unpublish_selected", "_selected_action": [germany.pk]}, HTTP_ACCEPT_LANGUAGE="da"
    )

    assert response.status_code == 403
    html = page_text(response)
    assert 'id="site-name"' in html and "Ikke tilladt" in html
    assert "udgivere offentliggør, afpublicerer og planlægger" in html
    germany.refresh_from_db()
    assert germany.is_published


# 2. Submit, queue, publish, send back --------------------------------------------------------------


def test_submitting_puts_the_item_in_the_queue_on_the_admins_front_page(seeded, editor, editor_client):
    before = timezone.now()
    draft = submitted_draft(editor_client)

    request = ReviewRequest.objects.waiting().get()
    assert request.item == draft and request.requested_by == editor and request.requested_at >= before
    assert not draft.is_published
    record = draft.history.first()
    assert (record.history_user, record.history_change_reason) == (editor, "Submitted for review")

    html = page_text(editor_client.get("/admin/"))
    assert queue_rows(html) == [(change_url(draft), "Bilateral agreement with Sweden")]
    assert "<td>editor</td>" in html
    form = page_text(editor_client.get(change_url(draft)))
    assert "Waiting for review: submitted by editor on " in form
    assert 'name="_submit_for_review"' not in form  # it is already waiting


def test_a_deleted_item_leaves_the_queue_and_answered_requests_stay_on_record(seeded, editor_client, admin_client):
    draft = submitted_draft(editor_client)
    answered = ReviewRequest.objects.create(
        content_type=ReviewRequest.objects.waiting().get().content_type,
        object_id=draft.pk,
        resolved_at=timezone.now(),
        outcome=ReviewRequest.Outcome.SENT_BACK,
        comment="Check the dates",
    )

    response = admin_client.post(f"{change_url(draft).removesuffix('change/')}delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not ReviewRequest.objects.waiting().exists()
    assert list(ReviewRequest.objects.all()) == [answered]
    assert (
        "review-queue" not in page_text(admin_client.get("/admin/"))
        or queue_rows(page_text(admin_client.get("/admin/"))) == []
    )


def test_a_publisher_publishes_a_submitted_item_and_visitors_see_it(
    seeded, editor_client, publisher, publisher_client, visitor
):
    draft = submitted_draft(editor_client)
    url = change_url(draft)
    html = page_text(publisher_client.get(url))
    assert '<input type="submit" value="Save and publish" name="_publish">' in html
    assert f'href="/admin/agreements/bilateralagreement/{draft.pk}/send-back/"' in html
    assert 'name="_submit_for_review"' not in html

    response = publisher_client.post(url, {**form_data(publisher_client.get(url)), "_publish": "Save and publish"})

    assert response.status_code == 302
    assert visitor.get("/en/agreements/sweden/").status_code == 200
    request = ReviewRequest.objects.get()
    assert (request.resolved_by, request.outcome) == (publisher, ReviewRequest.Outcome.PUBLISHED)
    assert not ReviewRequest.objects.waiting().exists()
    assert queue_rows(page_text(publisher_client.get("/admin/"))) == []
    assert "Nothing is waiting for review." in page_text(publisher_client.get("/admin/"))
    record = draft.history.first()
    assert (record.history_user, record.history_change_reason) == (publisher, "Published")
    history = page_text(publisher_client.get(f"/admin/agreements/bilateralagreement/{draft.pk}/history/"))
    assert "Submitted for review" in history and "Published" in history and "Pia Krogh" in history


def test_a_publisher_sends_an_item_back_with_a_comment(seeded, editor_client, publisher, publisher_client, visitor):
    draft = submitted_draft(editor_client)
    send_back = f"/admin/agreements/bilateralagreement/{draft.pk}/send-back/"
    assert "submitted for review by editor on" in page_text(publisher_client.get(send_back))

    empty = publisher_client.post(send_back, {"comment": ""})
    assert empty.status_code == 200 and "Write a comment for the editor." in page_text(empty)
    assert ReviewRequest.objects.waiting().exists()

    response = publisher_client.post(send_back, {"comment": "Add the Danish summary, please."})

    assert response.status_code == 302 and response.url == "/admin/"
    request = ReviewRequest.objects.get()
    assert (request.resolved_by, request.outcome) == (publisher, ReviewRequest.Outcome.SENT_BACK)
    assert request.comment == "Add the Danish summary, please."
    assert queue_rows(page_text(editor_client.get("/admin/"))) == []
    assert visitor.get("/en/agreements/sweden/").status_code == 404
    form = page_text(editor_client.get(change_url(draft)))
    assert "Sent back by Pia Krogh on " in form and "Add the Danish summary, please." in form
    assert 'name="_submit_for_review"' in form  # the editor may submit it again

    data = form_data(editor_client.get(change_url(draft))) | {"summary_da": "Forskningssamarbejde med Sverige."}
    assert editor_client.post(change_url(draft), {**data, "_submit_for_review": "Submit for review"}).status_code == 302
    assert ReviewRequest.objects.waiting().count() == 1


def test_an_editor_cannot_send_back_and_gets_the_admins_403_page(seeded, editor_client):
    draft = submitted_draft(editor_client)
    url = f"/admin/agreements/bilateralagreement/{draft.pk}/send-back/"

    response = editor_client.post(url, {"comment": "Fine by me."}, HTTP_ACCEPT_LANGUAGE="da")

    assert response.status_code == 403
    assert 'id="site-name"' in page_text(response) and "Ikke tilladt" in page_text(response)
    assert ReviewRequest.objects.waiting().exists()


def test_publishing_from_the_list_answers_the_queue_and_keeps_the_rules(seeded, editor_client, publisher_client):
    draft = submitted_draft(editor_client)
    duplicate = BilateralAgreement.objects.get(slug_en="germany")
    duplicate.pk = None
    duplicate.slug_en, duplicate.slug_da, duplicate.is_published = "germany-2", "tyskland-2", False
    duplicate.save()

    response = publisher_client.post(
        AGREEMENTS, {"action": "publish_selected", "_selected_action": [draft.pk, duplicate.pk]}, follow=True
    )

    html = page_text(response)
    assert "1 item published." in html
    assert "Not published: Bilateral agreement with Germany: A published agreement with this country and scope" in html
    draft.refresh_from_db()
    duplicate.refresh_from_db()
    assert draft.is_published and not duplicate.is_published
    assert not ReviewRequest.objects.waiting().exists()


def test_one_step_an_editor_in_both_groups_publishes_directly(seeded, one_step_client, visitor):
    html = one_step_client.get(ADD_AGREEMENT).content.decode()
    assert 'name="_publish"' in html and 'name="is_published"' in html
    assert 'name="_submit_for_review"' not in html

    response = one_step_client.post(
        ADD_AGREEMENT, {**sweden_agreement_form(one_step_client), "_publish": "Save and publish"}
    )

    assert response.status_code == 302
    assert visitor.get("/en/agreements/sweden/").status_code == 200
    assert not ReviewRequest.objects.exists()


def test_a_superuser_publishes_and_schedules(seeded, admin_client, visitor):
    centre = InnovationCentre.objects.get(slug="munich")
    url = change_url(centre)
    data = form_data(admin_client.get(url))
    data |= {"publish_from_0": "2099-12-01", "publish_from_1": "10:00:00"}

    assert admin_client.post(url, data).status_code == 302

    centre.refresh_from_db()
    assert centre.publish_from == datetime(2099, 12, 1, 10, tzinfo=COPENHAGEN)
    assert visitor.get("/en/centres/munich/").status_code == 404


def test_the_review_steps_speak_danish(seeded, editor_client, publisher_client):
    html = page_text(editor_client.get(ADD_AGREEMENT, HTTP_ACCEPT_LANGUAGE="da"))
    assert 'value="Send til godkendelse" name="_submit_for_review"' in html

    response = editor_client.post(
        ADD_AGREEMENT,
        {**sweden_agreement_form(editor_client), "_submit_for_review": "Send til godkendelse"},
        HTTP_ACCEPT_LANGUAGE="da",
        follow=True,
    )
    html = page_text(response)
    assert "»Bilateral aftale med Sverige« venter på godkendelse." in html

    draft = BilateralAgreement.objects.get(slug_en="sweden")
    html = page_text(publisher_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da"))
    assert "<caption>Venter på godkendelse</caption>" in html
    assert "Indsendt af" in html
    form = page_text(publisher_client.get(change_url(draft), HTTP_ACCEPT_LANGUAGE="da"))
    assert "Venter på godkendelse: sendt af editor den " in form and " kl. " in form
    assert "Send tilbage med en kommentar" in form
    history = page_text(
        publisher_client.get(f"/admin/agreements/bilateralagreement/{draft.pk}/history/", HTTP_ACCEPT_LANGUAGE="da")
    )
    assert "Sendt til godkendelse" in history


# 3. The front page and the lists ---------------------------------------------------------------------


@pytest.fixture
def scheduled_israel(seeded):
    agreement = BilateralAgreement.objects.get(slug_en="israel")
    agreement.publish_from = datetime(2099, 12, 1, 10, tzinfo=COPENHAGEN)
    agreement.unpublish_at = datetime(2100, 6, 30, 23, 59, tzinfo=COPENHAGEN)
    agreement.save()
    scheduling.forget()
    return agreement


def test_the_front_page_lists_what_is_scheduled_and_says_so_when_nothing_is(seeded, editor_client, scheduled_israel):
    html = page_text(editor_client.get("/admin/"))
    section = re.search(r'<div class="module scheduled-content">.*?</table>', html).group(0)
    assert re.findall(
        r'<a href="([^"]+)">([^<]+)</a>.*?<td>(\w+)</td> <td><time datetime="[^"]+">([^<]+)</time>', section
    ) == [
        (change_url(scheduled_israel), scheduled_israel.title_en, "Appears", "1 Dec 2099 10:00"),
        (change_url(scheduled_israel), scheduled_israel.title_en, "Disappears", "30 Jun 2100 23:59"),
    ]
    assert "Nothing is waiting for review." in html

    danish = page_text(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="da"))
    assert "1. dec 2099 kl. 10.00" in danish and "Fjernes" in danish

    BilateralAgreement.objects.filter(pk=scheduled_israel.pk).update(publish_from=None, unpublish_at=None)
    assert "Nothing is scheduled to appear or disappear." in page_text(editor_client.get("/admin/"))


def test_accounts_without_content_see_no_review_lists(seeded):
    keeper = User.objects.create_user("keeper", "keeper@example.org", "correct-horse-battery-staple", is_staff=True)
    client = Client()
    client.force_login(keeper)
    html = client.get("/admin/").content.decode()
    assert "review-queue" not in html and "scheduled-content" not in html


def test_lists_show_the_schedule_and_filter_by_review_and_schedule(seeded, editor_client, scheduled_israel):
    draft = submitted_draft(editor_client)

    html = page_text(editor_client.get(AGREEMENTS))
    assert "Scheduled from 1 Dec 2099 10:00 · Until 30 Jun 2100 23:59" in html
    assert "Waiting for review" in html

    scheduled = page_text(editor_client.get(AGREEMENTS + "?publishing=scheduled"))
    assert re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', scheduled) == [scheduled_israel.title_en]
    waiting = page_text(editor_client.get(AGREEMENTS + "?publishing=waiting"))
    assert re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', waiting) == [draft.title_en]

    danish = page_text(editor_client.get(AGREEMENTS, HTTP_ACCEPT_LANGUAGE="da"))
    assert "Planlagt fra 1. dec 2099 kl. 10.00" in danish and "Venter på godkendelse" in danish


def test_the_front_page_costs_a_few_queries(seeded, editor_client, django_assert_max_num_queries):
    for number in range(3):
        draft = submitted_draft(editor_client)
        BilateralAgreement.objects.filter(pk=draft.pk).update(slug_en=f"sweden-{number}", slug_da=f"sverige-{number}")
    with django_assert_max_num_queries(15):
        response = editor_client.get("/admin/")
    assert len(queue_rows(page_text(response))) == 3


# 4. Positions edited on a list page are not lost ------------------------------------------------------


def list_form(response):
    """The POST data of a list page's editable rows as shown, with the version each row carries."""
    html = response.content.decode()
    data = dict(re.findall(r'<input type="(?:hidden|number)" name="(form-[^"]+)" value="([^"]*)"', html))
    data |= dict(
        re.findall(r'<input type="hidden" name="(form-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)" value="(\d+)"', html)
    )
    return data | {"_save": "Save"}


def row_key(data, obj):
    return next(key.removesuffix("-id") for key, value in data.items() if key.endswith("-id") and value == str(obj.pk))


def test_a_position_saved_from_an_older_list_page_is_refused_and_shown(seeded, editor_client):
    url = "/admin/centres/focusarea/"
    area = FocusArea.objects.order_by("position").first()
    other = FocusArea.objects.order_by("position").last()
    mette = User.objects.create_user(
        "mette", "mette@example.org", "x", is_staff=True, first_name="Mette", last_name="Holm"
    )
    mette.groups.add(Group.objects.get(name="Editors"))
    second = Client()
    second.force_login(mette)
    mettes_page = list_form(second.get(url))
    editors_page = list_form(editor_client.get(url))
    assert any(key.endswith("-edited_version") for key in editors_page)

    mettes_page[row_key(mettes_page, area) + "-position"] = "40"
    assert second.post(url, mettes_page).status_code == 302
    editors_page[row_key(editors_page, other) + "-position"] = "0"
    response = editor_client.post(url, editors_page)

    assert response.status_code == 200
    html = page_text(response)
    assert "Mette Holm saved a change on " in html and "Nothing has been saved." in html
    area.refresh_from_db()
    other.refresh_from_db()
    assert area.position == 40  # not put back silently
    assert other.position != 0
    assert f'name="{row_key(editors_page, area)}-position" value="40"' in html  # her change, filled in

    assert editor_client.post(url, list_form(response)).status_code == 302
    other.refresh_from_db()
    area.refresh_from_db()
    assert (other.position, area.position) == (0, 40)


def test_a_position_saved_after_someone_saved_a_row_without_moving_it_is_accepted(seeded, editor_client):
    url = "/admin/centres/focusarea/"
    area, other = FocusArea.objects.order_by("position")[:2]
    editors_page = list_form(editor_client.get(url))
    FocusArea.objects.get(pk=area.pk).save()  # someone saved a row this page shows, without changing its position

    editors_page[row_key(editors_page, other) + "-position"] = "33"
    assert editor_client.post(url, editors_page).status_code == 302
    other.refresh_from_db()
    assert other.position == 33


# 5. The group on databases migrated before -------------------------------------------------------------

SCRIPT = """
import json
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

PREVIOUS = [("ufm_intl", "0010_editors_keep_redirects_and_change_notes"), ("publishing", "0002_redirects_and_change_notes")]
executor = MigrationExecutor(connection)
executor.migrate(PREVIOUS)
old = executor.loader.project_state(PREVIOUS).apps
Group = old.get_model("auth", "Group")
editors = Group.objects.get(name="Editors")
before = sorted(editors.permissions.values_list("codename", flat=True))
karin = old.get_model("auth", "User").objects.create(username="karin", is_staff=True)
karin.groups.add(editors)

executor.loader.build_graph()
executor.migrate(executor.loader.graph.leaf_nodes())

from django.contrib.auth.models import Group, User
publishers = Group.objects.get(name="Publishers")
karin = User.objects.get(username="karin")
print(json.dumps({
    "editors_before": before,
    "editors_after": sorted(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)),
    "publishers": sorted(publishers.permissions.values_list("codename", flat=True)),
    "karin_may_publish": karin.has_perm("publishing.publish_content"),
}))
"""


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_the_publishers_group_exists_after_migrating_a_database_of_the_previous_schema(tmp_path, database):
    found = run_in_fresh_database(SCRIPT, database=database, tmp_path=tmp_path, name="ufm_before_review")
    assert set(found["editors_before"]) <= set(found["editors_after"])  # editors keep what they had
    assert "change_bilateralagreement" in found["editors_before"]
    assert "publish_content" not in found["editors_after"]
    assert {"publish_content", "change_bilateralagreement", "view_page", "change_contactperson"} <= set(
        found["publishers"]
    )
    assert not {codename for codename in found["publishers"] if codename.startswith(("delete_", "add_"))}
    assert found["karin_may_publish"] is False  # editors are not made publishers


def test_the_record_of_review_is_read_only_for_publishers_and_closed_to_editors(
    seeded, editor_client, publisher_client
):
    draft = submitted_draft(editor_client)
    send_back = f"/admin/agreements/bilateralagreement/{draft.pk}/send-back/"
    publisher_client.post(send_back, {"comment": "Add the Danish summary, please."})

    html = page_text(publisher_client.get("/admin/publishing/reviewrequest/"))
    assert "Bilateral agreement with Sweden" in html and "Sent back" in html
    request = ReviewRequest.objects.get()
    assert publisher_client.get(f"/admin/publishing/reviewrequest/{request.pk}/delete/").status_code == 403
    assert editor_client.get("/admin/publishing/reviewrequest/").status_code == 403
