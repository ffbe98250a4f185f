from django.urls import path

from contacts import views

app_name = "contacts"

urlpatterns = [
    path("", views.contact_list, name="list"),
    path("<slug:slug>.vcf", views.contact_vcard, name="vcard"),
]
