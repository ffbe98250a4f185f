import csv
import io

from contacts.models import ContactPerson


def test_contacts_csv_keeps_numbers_as_typed_and_leaves_out_drafts(seeded, client):
    ContactPerson.objects.filter(email="spe@ufm.dk").update(is_published=False)

    response = client.get("/en/contacts/contacts.csv")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="contacts-en.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["name"], row["phone"], row["email"]) for row in rows] == [
        ("Karin Ilsøth Rasmussen", "+4572318213", "kra@ufm.dk")
    ]
    assert rows[0]["vcard_url"] == "http://testserver/en/contacts/karin-ilsoth-rasmussen.vcf"


def test_contacts_json(seeded, client):
    response = client.get("/en/contacts/contacts.json")

    assert "Karin Ilsøth Rasmussen" in response.content.decode()  # UTF-8 as it is, not \\u escapes
    data = response.json()
    assert data["count"] == 2
    assert {item["email"] for item in data["results"]} == {"kra@ufm.dk", "spe@ufm.dk"}


def test_the_contacts_page_links_the_files(seeded, client):
    html = client.get("/en/contacts/").content.decode()

    assert '<a href="/en/contacts/contacts.csv" type="text/csv" download>' in html
