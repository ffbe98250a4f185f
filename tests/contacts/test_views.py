from contacts.models import ContactPerson


def test_contacts_have_tel_mailto_and_vcard(seeded, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get("/en/contacts/")
        assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="tel:+4572318213">+45 72 31 82 13</a>' in html
    assert '<a href="mailto:kra@ufm.dk">kra@ufm.dk</a>' in html
    response = client.get("/en/contacts/karin-ilsoth-rasmussen.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    vcard = response.content.decode()
    assert "FN:Karin Ilsøth Rasmussen" in vcard
    assert "TEL;TYPE=WORK,VOICE:+4572318213" in vcard
    assert "EMAIL;TYPE=INTERNET,WORK:kra@ufm.dk" in vcard


def test_a_renamed_contacts_saved_vcard_link_still_works(seeded, client):
    person = ContactPerson.objects.get(slug="karin-ilsoth-rasmussen")
    person.slug = "karin-rasmussen"
    person.save()

    response = client.get("/en/contacts/karin-ilsoth-rasmussen.vcf")
    assert response.status_code == 301
    assert response["Location"] == "/en/contacts/karin-rasmussen.vcf"
    assert "FN:Karin Ilsøth Rasmussen" in client.get(response["Location"]).content.decode()
    assert client.get("/da/kontakter/karin-ilsoth-rasmussen.vcf")["Location"] == "/da/kontakter/karin-rasmussen.vcf"

    # Unpublished, the old link is no way to reach it; a slug nobody ever had is a 404 too.
    person.is_published = False
    person.save()
    assert client.get("/en/contacts/karin-ilsoth-rasmussen.vcf").status_code == 404
    assert client.get("/en/contacts/nobody.vcf").status_code == 404
