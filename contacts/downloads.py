"""The published contact persons as CSV and JSON files."""

from django.utils.translation import gettext_lazy as _

from contacts.models import ContactPerson
from publishing.addresses import item_url
from publishing.downloads import Column, Dataset, download_views, page_url

CONTACTS = Dataset(
    title=_("Contact persons"),
    list_url_name="contacts:list",
    csv_url_name="contacts:csv",
    json_url_name="contacts:json",
    filename="contacts",
    columns=[
        Column("slug", _("The contact person's identifier on this website."), lambda r, p: p.slug),
        Column("name", _("The person's name."), lambda r, p: p.name),
        Column("job_title", _("The person's job title; empty when not stated."), lambda r, p: p.job_title),
        Column(
            "phone",
            _("The phone number in international format, e.g. +4572318213; empty when not stated."),
            lambda r, p: p.phone_e164,
        ),
        Column("email", _("The e-mail address; empty when not stated."), lambda r, p: p.email),
        Column("responsibilities", _("What visitors can contact the person about."), lambda r, p: p.responsibilities),
        Column(
            "url",
            _("Where the person is listed on this website."),
            page_url,
        ),
        Column(
            "vcard_url",
            _("The person's contact card (vCard) for an address book."),
            lambda r, p: r.build_absolute_uri(item_url("contacts:vcard", slug=p.slug)),
        ),
    ],
)


def published_contacts(request):
    return ContactPerson.objects.published()


contacts_csv, contacts_json = download_views(CONTACTS, published_contacts)
