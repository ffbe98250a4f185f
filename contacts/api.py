from contacts.models import ContactPerson
from publishing.api import list_view


def serialise_contact(request, person):
    return {
        "slug": person.slug,
        "name": person.name,
        "job_title": person.job_title,
        "phone": person.phone_e164,
        "email": person.email,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }


contact_list = list_view(lambda: ContactPerson.objects.published(), serialise_contact)
