import pytest


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


def test_api_refuses_writes(seeded, client):
    assert client.post("/api/v1/agreements/").status_code == 405
