from django.urls import path

from centres import downloads, views

app_name = "centres"

urlpatterns = [
    path("", views.centre_list, name="list"),
    path("centres.csv", downloads.centres_csv, name="csv"),
    path("centres.json", downloads.centres_json, name="json"),
    path("<slug:slug>/", views.centre_detail, name="detail"),
]
