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
