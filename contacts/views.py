from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from contacts.models import ContactPerson
from publishing.addresses import item_url
from publishing.cache import cache_public_page
from publishing.pagination import ValidatedPageMixin


class ContactListView(ValidatedPageMixin, ListView):
    paginate_by = 50

    def get_queryset(self):
        return ContactPerson.objects.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(last_modified=self.last_updated(), **kwargs)


def _vcard_text(value):
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


@require_safe
def vcard(request, slug):
    """The contact as a vCard 3.0 file, for the visitor's address book.

    A contact renamed since a visitor saved the link is found by its earlier slug in the history and
    answered with a permanent redirect to its current vCard.
    """
    person = ContactPerson.objects.published().filter(slug=slug).first()
    if person is None:
        earlier = ContactPerson.history.filter(slug=slug).order_by("-history_date").values_list("id", flat=True)
        person = get_object_or_404(ContactPerson.objects.published(), pk__in=earlier[:1])
        return HttpResponsePermanentRedirect(item_url("contacts:vcard", slug=person.slug))
    given, _, family = person.name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_text(person.name)}",
        f"N:{_vcard_text(family)};{_vcard_text(given)};;;",
        "ORG:Uddannelses- og Forskningsministeriet",
    ]
    if person.job_title:
        lines.append(f"TITLE:{_vcard_text(person.job_title)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{person.phone_e164}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{person.email}")
    lines.append("END:VCARD")
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{person.slug}.vcf"'
    return response


contact_list = cache_public_page(ContactListView.as_view())
contact_vcard = cache_public_page(vcard)
