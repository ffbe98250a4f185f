import pytest
from django.test import Client


def test_agreements_api_answers_in_the_documented_shape(seeded, client):
    response = client.get("/api/v1/agreements/", {"q": "Sydkorea"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "slug": "south-korea",
                "title": "Bilateral agreement with South Korea",
                "country": {"code": "KR", "name": "South Korea"},
                "funding_partners": [{"slug": "innovation-fund-denmark", "name": "Innovation Fund Denmark"}],
                # The source gives no dates, so no status is shown rather than a guessed one.
                "status": None,
                "signed_on": None,
                "in_force_from": None,
                "valid_until": None,
                "url": "http://testserver/en/agreements/south-korea/",
            }
        ],
    }


def test_api_language_follows_lang_or_accept_language(seeded, client):
    by_parameter = client.get("/api/v1/agreements/", {"q": "Germany", "lang": "da"}).json()["results"][0]
    by_header = client.get("/api/v1/agreements/", {"q": "Germany"}, HTTP_ACCEPT_LANGUAGE="da").json()["results"][0]

    assert by_parameter == by_header
    assert by_parameter["title"] == "Bilateral aftale med Tyskland"
    assert by_parameter["country"] == {"code": "DE", "name": "Tyskland"}
    assert by_parameter["url"] == "http://testserver/da/aftaler/tyskland/"


def test_api_filters_by_funder_and_pages(seeded, client):
    data = client.get("/api/v1/agreements/", {"funder": "innovation-fund-denmark"}).json()
    assert data["count"] == 5
    assert {r["country"]["code"] for r in data["results"]} == {"US", "CN", "IN", "BR", "KR"}


def test_api_best_match_first(seeded, client):
    data = client.get("/api/v1/agreements/", {"q": "south"}).json()
    assert [r["country"]["code"] for r in data["results"]] == ["KR", "ZA"]


@pytest.mark.parametrize(
    "query",
    [
        {"page": "-1"},
        {"page": "0"},
        {"page": "abc"},
        {"page": "9" * 40},
        {"page": "5"},
        {"q": "x" * 10_000},
        {"q": "a\x00b"},
        {"funder": "nobody"},
    ],
)
def test_api_bad_input_is_400_with_a_json_error(seeded, client, query):
    response = client.get("/api/v1/agreements/", query)

    assert response.status_code == 400
    body = response.json()
    assert list(body) == ["error"]
    assert body["error"]


def test_api_error_in_danish(seeded, client):
    assert client.get("/api/v1/agreements/?page=abc&lang=da").json() == {"error": "Sidetallet skal være et helt tal."}


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize(("language", "message"), [("en", "The API only reads"), ("da", "API'et kan kun læses")])
def test_api_refuses_writes_in_json_whatever_the_csrf_check(seeded, method, language, message):
    # A client of the API has no form and no security token: it is told what the API takes, not refused
    # with the HTML page of the forms' check.
    response = Client(enforce_csrf_checks=True).generic(method, f"/api/v1/agreements/?lang={language}")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"].startswith(message)


@pytest.mark.parametrize("url", ["/api/v1/nothing/", "/api/v2/agreements/", "/api/", "/api"])
def test_an_unknown_api_address_answers_404_in_json(seeded, client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response.json() == {"error": "There is no such address in the API."}
    assert client.get(url, {"lang": "da"}).json() == {"error": "Adressen findes ikke i API'et."}
