"""What the page of every content item shares: its address in each language, and its change notes."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.translation import get_language

from publishing.addresses import language_alternates
from publishing.models import ChangeNote
from publishing.redirects import address_in, slug_in_any_language


def render_error_page(request, template, context=None, *, status):
    """An error page (400, 403, 404, 500, 503) in the site's layout. The address that failed is no page in
    any language: ``request.is_error_page`` tells the site's context processor so, and its language switch
    leads to the other language's front page."""
    request.is_error_page = True
    return render(request, template, context, status=status)


def latest_change(*dates_and_items):
    """The latest of some dates and items' ``updated_at``, for a page's "Last updated"; None if none."""
    dates = [getattr(value, "updated_at", value) for value in dates_and_items]
    return max((date for date in dates if date is not None), default=None)


class ItemDetailMixin:
    """For the DetailView of content with a slug per language (``slug_en``, ``slug_da``).

    The item is found by the slug of the page's language; its slug in another language answers a
    permanent redirect to the right one (``/da/aftaler/germany/`` → ``/da/aftaler/tyskland/``). The
    language switch and hreflang link the item's own address in each language, and the page lists the
    item's public change notes.
    """

    def get_slug_field(self):
        return f"slug_{get_language()}"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            slug = self.kwargs.get(self.slug_url_kwarg)
            item = self.get_queryset().filter(slug_in_any_language(slug)).first() if slug else None
            if item is None:
                raise
            return HttpResponsePermanentRedirect(item.get_absolute_url())

    def get_context_data(self, **kwargs):
        item = self.object
        return super().get_context_data(
            language_alternates=language_alternates(lambda code: address_in(item, code)),
            change_notes=ChangeNote.objects.for_item(item).published(),
            last_updated=item.updated_at,
            **kwargs,
        )
