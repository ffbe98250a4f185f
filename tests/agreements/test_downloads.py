"""The agreements as CSV and JSON files: one row per published agreement, the page's filters, both languages."""

import csv
import datetime
import io

from django.utils import translation

from agreements.models import BilateralAgreement
from tests.factories import make_agreement

COLUMNS = [
    "slug",
    "title",
    "country_code",
    "country_name",
    "region",
    "scope",
    "funding_partners",
    "activities",
    "signed_on",
    "valid_until",
    "summary",
    "url",
    "in_force_from",
    "status",
]
FUNDED = {"US", "CN", "IN", "BR", "KR"}


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the byte order mark spreadsheets look for
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_csv_has_one_row_per_published_agreement(seeded, client):
    make_agreement(country="FR", title_en="Draft agreement with France", slug="draft-france", is_published=False)

    response = client.get("/en/agreements/agreements.csv")

    assert response["Content-Disposition"] == 'attachment; filename="agreements-en.csv"'
    rows = read_csv(response)
    assert len(rows) == BilateralAgreement.objects.published().count() == 10
    assert "draft-france" not in {row["slug"] for row in rows}
    by_country = {row["country_code"]: row for row in rows}
    assert {code for code, row in by_country.items() if row["funding_partners"] == "Innovation Fund Denmark"} == FUNDED
    assert {code for code, row in by_country.items() if row["funding_partners"]} == FUNDED
    germany = by_country["DE"]
    assert germany["country_name"] == "Germany"
    assert germany["title"] == "Bilateral agreement with Germany"
    assert germany["url"] == "http://testserver/en/agreements/germany/"
    assert germany["signed_on"] == germany["valid_until"] == ""


def test_dates_are_written_as_iso_dates(seeded, client):
    BilateralAgreement.objects.filter(country="DE").update(
        signed_on=datetime.date(2019, 5, 2), valid_until=datetime.date(2029, 5, 1)
    )

    row = next(row for row in read_csv(client.get("/en/agreements/agreements.csv")) if row["slug"] == "germany")
    assert (row["signed_on"], row["valid_until"]) == ("2019-05-02", "2029-05-01")
    data = client.get("/en/agreements/agreements.json").json()
    germany = next(item for item in data["results"] if item["slug"] == "germany")
    assert (germany["signed_on"], germany["valid_until"]) == ("2019-05-02", "2029-05-01")


def test_the_filters_of_the_agreements_page_apply(seeded, client):
    def countries(query):
        return {row["country_code"] for row in read_csv(client.get(f"/en/agreements/agreements.csv?{query}"))}

    assert countries("funder=innovation-fund-denmark") == FUNDED
    assert countries("q=Tyskland") == {"DE"}
    assert countries("q=Korea, Republic of") == {"KR"}
    assert countries("funder=innovation-fund-denmark&q=Japan") == set()
    assert countries("region=europe") == set(
        BilateralAgreement.objects.published().in_region("europe").values_list("country", flat=True)
    )


def test_a_bad_filter_answers_400_with_the_reason(seeded, client):
    response = client.get("/en/agreements/agreements.csv?funder=nobody")
    assert response.status_code == 400
    assert "nobody" in response.content.decode()

    response = client.get("/en/agreements/agreements.json?q=" + "x" * 201)
    assert response.status_code == 400
    assert "at most 200 characters" in response.json()["error"]


def test_the_danish_file_has_danish_content_and_the_same_columns(seeded, client):
    response = client.get("/da/aftaler/agreements.csv")

    assert response["Content-Disposition"] == 'attachment; filename="agreements-da.csv"'
    rows = {row["country_code"]: row for row in read_csv(response)}
    assert rows["DE"]["title"] == "Bilateral aftale med Tyskland"
    assert rows["DE"]["country_name"] == "Tyskland"
    assert rows["KR"]["funding_partners"] == "Innovationsfonden"
    with translation.override("da"):
        assert (
            rows["DE"]["url"] == "http://testserver" + BilateralAgreement.objects.get(country="DE").get_absolute_url()
        )


def test_json_has_the_same_columns_with_lists_and_nulls(seeded, client):
    response = client.get("/en/agreements/agreements.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="agreements-en.json"'
    data = response.json()
    assert set(data) == {"count", "results"}
    assert data["count"] == len(data["results"]) == 10
    korea = next(item for item in data["results"] if item["country_code"] == "KR")
    assert list(korea) == COLUMNS
    assert korea["funding_partners"] == ["Innovation Fund Denmark"]
    assert korea["country_name"] == "South Korea"
    assert korea["signed_on"] is None
    assert korea["url"] == "http://testserver/en/agreements/south-korea/"


def test_text_that_looks_like_a_formula_is_not_run_by_spreadsheets(seeded, client):
    BilateralAgreement.objects.filter(country="JP").update(summary_en='=HYPERLINK("http://example.org")')

    row = next(row for row in read_csv(client.get("/en/agreements/agreements.csv")) if row["slug"] == "japan")
    assert row["summary"] == '\'=HYPERLINK("http://example.org")'
    japan = next(i for i in client.get("/en/agreements/agreements.json").json()["results"] if i["slug"] == "japan")
    assert japan["summary"] == '=HYPERLINK("http://example.org")'


def test_the_list_page_links_the_files_with_its_filters(seeded, client):
    html = client.get("/en/agreements/?region=asia&page=1").content.decode()

    assert '<a href="/en/agreements/agreements.csv?region=asia" type="text/csv" download>' in html
    assert '<a href="/en/agreements/agreements.json?region=asia" type="application/json" download>' in html
    assert 'href="/en/data/"' in html


def test_files_are_cached_like_pages(seeded, client, django_assert_max_num_queries):
    first = client.get("/en/agreements/agreements.csv?region=asia")
    with django_assert_max_num_queries(1):
        again = client.get("/en/agreements/agreements.csv?region=asia")
    assert again.content == first.content
    assert again["Content-Disposition"] == first["Content-Disposition"]
