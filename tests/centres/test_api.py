def test_centres_api_lists_published_centres(seeded, client):
    response = client.get("/api/v1/centres/")

    assert response.status_code == 200
    centres = response.json()
    assert centres["count"] == 7
    munich = next(c for c in centres["results"] if c["slug"] == "munich")
    assert munich["country"] == {"code": "DE", "name": "Germany"}
    assert munich["city"] == "Munich"
    # The source names focus areas for the centres as a group, not for any one centre.
    assert munich["focus_areas"] == []
