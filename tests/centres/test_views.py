import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from centres.models import FocusArea, InnovationCentre
from publishing import scheduling


def test_centres_list_has_every_centre_and_a_map_without_third_parties(seeded, client, django_assert_max_num_queries):
    scheduling.forget()  # the same count whichever tests ran before
    # The content version, when the next scheduled change is (two, once per version), and the page's
    # three: the centres, their focus areas and the introduction; their count and "Last updated" are
    # read off the list, which one page holds.
    with django_assert_max_num_queries(6):
        response = client.get("/en/centres/")
        assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Innovation Centre Denmark Silicon Valley" in html
    for centre in InnovationCentre.objects.all():
        assert centre.get_absolute_url() in html


def test_every_map_marker_links_to_its_centre(seeded, client):
    html = client.get("/en/centres/").content.decode()
    markers = re.findall(r'<a class="marker" href="([^"]+)">\s*<circle[^>]*/>\s*<text[^>]*>([^<]+)</text>', html)
    assert sorted(markers) == sorted((c.get_absolute_url(), c.city) for c in InnovationCentre.objects.all())


def test_what_the_source_says_of_all_centres_is_said_once_on_the_list(seeded, client):
    html = client.get("/en/centres/").content.decode()
    assert html.count("Focus areas for the centres include green technologies") == 1
    assert "a posted innovation attaché at each of the seven Innovation Centres" in html
    munich = client.get("/en/centres/munich/").content.decode()
    assert "Focus areas" not in munich and "Green technologies" not in munich
    assert "Contact the ministry to be put in touch" not in munich
    assert "located in Munich" in munich


def test_centre_detail_shows_focus_areas_and_the_agreement_with_its_country(seeded, client):
    munich = InnovationCentre.objects.get(slug="munich")
    munich.focus_areas.set(FocusArea.objects.filter(slug="health-and-biotechnology"))
    response = client.get("/en/centres/munich/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Munich" in html and "Germany" in html
    assert "Health and biotechnology" in html and "Green technologies" not in html
    assert 'href="/en/agreements/germany/"' in html
    assert '"@type": "GovernmentOffice"' in html


def test_address_and_image_are_shown_when_filled(seeded, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    html = client.get("/en/centres/boston/").content.decode()
    assert "<address>" not in html and "<img" not in html

    boston = InnovationCentre.objects.get(slug="boston")
    boston.address = "1 Example Street\nBoston, MA"
    boston.image = SimpleUploadedFile("boston.gif", GIF, content_type="image/gif")
    boston.image_alt_en = "The harbour of Boston"
    boston.image_alt_da = "Havnen i Boston"
    boston.full_clean()
    boston.save()

    html = client.get("/en/centres/boston/").content.decode()
    assert "<address>1 Example Street<br>Boston, MA</address>" in html
    assert re.search(
        r'<img src="/media/centres/boston[^"]*\.gif" alt="The harbour of Boston" width="1" height="1">', html
    )
    assert 'alt="Havnen i Boston"' in client.get("/da/centre/boston/").content.decode()


# The smallest valid GIF: one transparent pixel.
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


@pytest.mark.parametrize("language", ["en", "da"])
def test_an_image_needs_alt_text_in_both_languages(seeded, settings, tmp_path, language):
    settings.MEDIA_ROOT = tmp_path
    centre = InnovationCentre.objects.get(slug="seoul")
    centre.image = SimpleUploadedFile("seoul.gif", GIF, content_type="image/gif")
    centre.image_alt_en = centre.image_alt_da = "Seoul at night"
    setattr(centre, f"image_alt_{language}", "")

    with pytest.raises(ValidationError) as error:
        centre.full_clean()
    assert f"image_alt_{language}" in error.value.message_dict

    with pytest.raises(IntegrityError), transaction.atomic():
        centre.save()
