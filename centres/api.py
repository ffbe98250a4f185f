from centres.models import InnovationCentre
from publishing.api import country, list_view


def serialise_centre(request, centre):
    return {
        "slug": centre.slug,
        "name": centre.name,
        "city": centre.city,
        "country": country(centre.country),
        "focus_areas": [{"slug": f.slug, "name": f.name} for f in centre.focus_area_list],
        "url": request.build_absolute_uri(centre.get_absolute_url()),
    }


centre_list = list_view(lambda: InnovationCentre.objects.published().for_listing(), serialise_centre)
