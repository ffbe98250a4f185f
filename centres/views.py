from django.views.generic import DetailView, ListView

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from centres.worldmap import LAND_PATH
from ufm_intl.cache import cache_public_page


class CentreListView(ListView):
    paginate_by = 50

    def get_queryset(self):
        return InnovationCentre.objects.published().with_related()

    def get_context_data(self, **kwargs):
        return super().get_context_data(land_path=LAND_PATH, **kwargs)


class CentreDetailView(DetailView):
    def get_queryset(self):
        return InnovationCentre.objects.visible_to(self.request.user).with_related()

    def get_context_data(self, **kwargs):
        agreements = BilateralAgreement.objects.published().for_country(self.object.country)
        return super().get_context_data(agreements=agreements, **kwargs)


centre_list = cache_public_page(CentreListView.as_view())
centre_detail = cache_public_page(CentreDetailView.as_view())
