from centres.models import InnovationCentre


def test_centres_list_has_every_centre_and_a_map_without_third_parties(seeded, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/en/centres/")
        assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<g class="marker">') == 7
    assert "<svg" in html and "Innovation Centre Denmark Silicon Valley" in html
    assert "Green technologies" in html
    for centre in InnovationCentre.objects.all():
        assert centre.get_absolute_url() in html


def test_centre_detail_shows_focus_areas_and_the_agreement_with_its_country(seeded, client):
    response = client.get("/en/centres/munich/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Munich" in html and "Germany" in html
    assert "Health and biotechnology" in html
    assert 'href="/en/agreements/germany/"' in html
    assert '"@type": "GovernmentOffice"' in html
