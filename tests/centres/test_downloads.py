import csv
import io

from django.utils import translation

from centres.models import InnovationCentre
from tests.factories import make_centre


def test_centres_csv_has_one_row_per_published_centre(seeded, client):
    make_centre(slug="draft-centre", is_published=False)

    response = client.get("/en/centres/centres.csv")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="centres-en.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["slug"] for row in rows] == list(InnovationCentre.objects.published().values_list("slug", flat=True))
    assert "draft-centre" not in {row["slug"] for row in rows}
    munich = next(row for row in rows if row["slug"] == "munich")
    assert (munich["country_code"], munich["country_name"], munich["city"]) == ("DE", "Germany", "Munich")
    assert munich["latitude"] == "48.13743"
    assert munich["url"] == "http://testserver/en/centres/munich/"


def test_centres_json_in_danish(seeded, client):
    data = client.get("/da/centre/centres.json").json()

    munich = next(item for item in data["results"] if item["country_code"] == "DE")
    assert munich["country_name"] == "Tyskland"
    assert munich["city"] == "München"
    assert munich["latitude"] == 48.13743
    with translation.override("da"):
        centre = InnovationCentre.objects.get(country="DE")
        assert munich["slug"] == centre.slug
        assert munich["url"] == "http://testserver" + centre.get_absolute_url()


def test_the_centres_page_links_the_files(seeded, client):
    html = client.get("/en/centres/").content.decode()

    assert '<a href="/en/centres/centres.csv" type="text/csv" download>' in html
    assert '<a href="/en/centres/centres.json" type="application/json" download>' in html
