from django.urls import path

from contacts import downloads, views

app_name = "contacts"

urlpatterns = [
    path("", views.contact_list, name="list"),
    path("contacts.csv", downloads.contacts_csv, name="csv"),
    path("contacts.json", downloads.contacts_json, name="json"),
    path("<slug:slug>.vcf", views.contact_vcard, name="vcard"),
]
