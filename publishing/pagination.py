"""Page numbers as visitors and API clients send them: validated like any other input."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publishing.views import latest_change


class PageNotAvailable(ValueError):
    """A page number a visitor asked for that cannot be shown; the message says why."""


class PageForm(forms.Form):
    """``?page=``; forms with more parameters (the agreement search) extend it."""

    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        error_messages={
            "invalid": gettext_lazy("The page number must be a whole number."),
            "min_value": gettext_lazy("The page number must be 1 or more."),
            "max_value": gettext_lazy("There is no such page."),
        },
    )

    def error_text(self):
        return " ".join(str(message) for errors in self.errors.values() for message in errors)


def query_without_page(request):
    """The request's query string without ``page``: what the links to other pages of a list add theirs to."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def paginate(queryset, page_number, per_page):
    """The requested page of results; an empty list has one empty page.

    The first page is read before anything is counted: when it is not full it holds every result, and
    the count (a query of its own) is its length.
    """
    number = page_number or 1
    if number == 1:
        first = list(queryset[:per_page])
        if len(first) < per_page:
            return Paginator(first, per_page, allow_empty_first_page=True).page(1)
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if number > paginator.num_pages:
        raise PageNotAvailable(
            _("There is no page %(number)s. The last page is %(last)s.")
            % {"number": number, "last": paginator.num_pages}
        )
    page = paginator.page(number)
    if number == 1:
        page.object_list = first
    return page


def last_updated(page, queryset):
    """When the latest item of ``queryset`` changed, ``page`` being a page of it: read off the page when
    it holds every item, asked of the database otherwise."""
    if page.has_other_pages():
        return queryset.last_updated()
    return latest_change(*page.object_list)


class ValidatedPageMixin:
    """For a ListView: ``?page=`` validated like the agreement search's.

    A page number that is not a whole number, or past the last page, answers 400 with the reason in
    the site's layout (Django's ListView would answer 404), as the agreement list and the API do.
    """

    bad_page_template_name = "400.html"

    def get(self, request, *args, **kwargs):
        form = PageForm(request.GET)
        if not form.is_valid():
            return self.bad_page(form.error_text())
        self.object_list = self.get_queryset()
        try:
            self.page = paginate(
                self.object_list, form.cleaned_data.get("page"), self.get_paginate_by(self.object_list)
            )
        except PageNotAvailable as error:
            return self.bad_page(str(error))
        return self.render_to_response(self.get_context_data())

    def paginate_queryset(self, queryset, page_size):
        return self.page.paginator, self.page, self.page.object_list, self.page.has_other_pages()

    def last_updated(self):
        """When the latest of all the listed items changed: read off the page when it holds them all."""
        return last_updated(self.page, self.object_list)

    def bad_page(self, message):
        context = {"error": message, "first_page_url": self.request.path}
        return render(self.request, self.bad_page_template_name, context, status=400)
