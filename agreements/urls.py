from django.urls import path

from agreements import downloads, views

app_name = "agreements"

urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("agreements.csv", downloads.agreements_csv, name="csv"),
    path("agreements.json", downloads.agreements_json, name="json"),
    path("<slug:slug>/", views.agreement_detail, name="detail"),
    path("<slug:slug>/documents/<int:pk>/", views.document_download, name="document"),
]
