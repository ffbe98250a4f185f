def test_contacts_api_lists_published_contacts_and_refuses_a_bad_page(seeded, client):
    response = client.get("/api/v1/contacts/?lang=da")

    assert response.status_code == 200
    assert [c["phone"] for c in response.json()["results"]] == ["+4572318213", "+4572318240"]
    assert client.get("/api/v1/contacts/?page=x").status_code == 400
