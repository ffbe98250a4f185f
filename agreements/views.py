from django.views.generic import DetailView, TemplateView

from agreements.forms import AgreementSearchForm
from agreements.models import BilateralAgreement
from contacts.models import ContactPerson
from publishing.cache import cache_public_page
from publishing.pagination import PageNotAvailable, paginate


class AgreementListView(TemplateView):
    """All published agreements, narrowed by the country search and the filters, which live in the URL.

    Not a ListView: a bad filter or page number answers 400 with the form's message, not 404.
    """

    paginate_by = 20
    template_name = "agreements/bilateralagreement_list.html"

    def get(self, request, *args, **kwargs):
        self.form = AgreementSearchForm(request.GET)
        context = {"form": self.form}
        status = 200
        if self.form.is_valid():
            queryset = self.form.filter(BilateralAgreement.objects.published().for_listing())
            try:
                page = paginate(queryset, self.form.cleaned_data.get("page"), self.paginate_by)
            except PageNotAvailable as error:
                context["error"] = str(error)
                status = 400
            else:
                context.update(page_obj=page, object_list=page.object_list, paginator=page.paginator)
                if not page.paginator.count and self.form.cleaned_data.get("q"):
                    context["countries_with_agreements"] = BilateralAgreement.objects.published().countries_by_name()
        else:
            context["error"] = self.form.error_text()
            status = 400
        return self.render_to_response(self.get_context_data(**context), status=status)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(query_without_page=query.urlencode(), **kwargs)


class AgreementDetailView(DetailView):
    def get_queryset(self):
        return BilateralAgreement.objects.visible_to(self.request.user).with_related()

    def get_context_data(self, **kwargs):
        return super().get_context_data(contacts=ContactPerson.objects.published(), **kwargs)


agreement_list = cache_public_page(AgreementListView.as_view())
agreement_detail = cache_public_page(AgreementDetailView.as_view())
