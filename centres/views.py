from django.views.generic import DetailView, ListView

from centres.models import InnovationCentre
from centres.worldmap import LAND_PATH
from publishing.cache import cache_public_page
from publishing.pagination import ValidatedPageMixin
from publishing.views import ItemDetailMixin


class CentreListView(ValidatedPageMixin, ListView):
    paginate_by = 50

    def get_queryset(self):
        return InnovationCentre.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(land_path=LAND_PATH, last_modified=self.last_updated(), **kwargs)


class CentreDetailView(ItemDetailMixin, DetailView):
    model = InnovationCentre  # what the page shows (get_queryset chooses which ones), e.g. for redirects to it

    # The page reads the centre's focus areas itself (as the agreement's page its related rows).
    def get_queryset(self):
        return InnovationCentre.objects.visible_to(self.request.user).select_related("attache")


centre_list = cache_public_page(CentreListView.as_view())
centre_detail = cache_public_page(CentreDetailView.as_view())
