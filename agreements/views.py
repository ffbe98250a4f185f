from urllib.parse import urlencode

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, TemplateView

from agreements.forms import AgreementSearchForm
from agreements.models import AgreementDocument, BilateralAgreement
from contacts.models import ContactPerson
from publishing.cache import cache_public_page
from publishing.country_search import country_name
from publishing.pagination import PageNotAvailable, last_updated, paginate, query_without_page
from publishing.redirects import register_page_check
from publishing.views import ItemDetailMixin


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
        self.form.offer_only_choices_in_use()
        if self.form.is_valid():
            published = BilateralAgreement.objects.published()
            queryset = self.form.filter(published.for_listing().by_title())
            try:
                page = paginate(queryset, self.form.cleaned_data.get("page"), self.paginate_by)
            except PageNotAvailable as error:
                context["error"] = str(error)
                status = 400
            else:
                context.update(page_obj=page, object_list=page.object_list, paginator=page.paginator)
                if not self.form.narrows():
                    context["last_modified"] = last_updated(page, published)
                if not page.paginator.count and self.form.cleaned_data.get("q"):
                    context["countries_with_agreements"] = BilateralAgreement.objects.published().countries_by_name()
                    if self.form.filters_chosen():
                        # The search alone may find some: one step back to it.
                        query = urlencode({"q": self.form.cleaned_data["q"]})
                        context["search_without_filters"] = f"{reverse('agreements:list')}?{query}"
                guessed = self.form.guessed_countries()
                if guessed and page.paginator.count:
                    # Named as the visitor reads them, those with an agreement among the results.
                    found = set(queryset.countries())
                    context["guessed_countries"] = [country_name(code) for code in guessed if code in found]
        else:
            context["error"] = self.form.error_text()
            status = 400
        return self.render_to_response(self.get_context_data(**context), status=status)

    def get_context_data(self, **kwargs):
        if "last_modified" not in kwargs:
            kwargs["last_modified"] = BilateralAgreement.objects.published().last_updated()
        return super().get_context_data(query_without_page=query_without_page(self.request), **kwargs)


class AgreementDetailView(ItemDetailMixin, DetailView):
    model = BilateralAgreement  # what the page shows (get_queryset chooses which ones), e.g. for redirects to it

    # The page reads the agreement's activities, documents and funding partners itself: for one
    # agreement a prefetch makes the same queries with more work.
    def get_queryset(self):
        return BilateralAgreement.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(contacts=ContactPerson.objects.published(), **kwargs)


@require_safe
def document_download(request, slug, pk):
    """A document of an agreement the visitor may see, as a PDF download (never shown inline by the browser).

    Files are not served from MEDIA_URL: a draft's documents stay hidden like the draft itself.
    """
    agreements = BilateralAgreement.objects.visible_to(request.user).with_slug(slug)
    document = get_object_or_404(AgreementDocument.objects.of_agreements(agreements), pk=pk)
    filename = f"{slugify(document.title) or 'document'}.pdf"
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


register_page_check(
    "agreements:document",
    lambda slug, pk: AgreementDocument.objects.of_agreements(BilateralAgreement.objects.with_slug(slug))
    .filter(pk=pk)
    .exists(),
)

agreement_list = cache_public_page(AgreementListView.as_view())
agreement_detail = cache_public_page(AgreementDetailView.as_view())
