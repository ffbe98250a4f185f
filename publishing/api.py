"""Conventions shared by the read-only JSON API (/api/v1/...).

Every list answers {"count", "next", "previous", "results"}; errors answer 400 with {"error": "..."};
the language follows ?lang=da|en (any other answers 400), else Accept-Language.
"""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from publishing.cache import cache_public_page, request_language
from publishing.pagination import PageForm, PageNotAvailable, paginate

PAGE_SIZE = 20
ALLOWED_METHODS = ("GET", "HEAD")


def with_language(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            asked = request.GET.get("lang")
            if asked and asked not in dict(settings.LANGUAGES):
                response = error(
                    _("The language must be one of: %(languages)s.")
                    % {"languages": ", ".join(code for code, _name in settings.LANGUAGES)}
                )
            else:
                response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        response["Vary"] = "Accept-Language"
        return response

    return wrapper


def read_only(view):
    """GET and HEAD; any other method answers 405 with the JSON error and the methods that are allowed."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            response = error(_("The API only reads: send GET or HEAD requests."), status=405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        return view(request, *args, **kwargs)

    return wrapper


def api_view(view):
    """A read-only (GET and HEAD) API view, cached for visitors like the pages, in the language asked for.

    Exempt from the CSRF check: nothing here changes anything, and a client that sends another method
    is told so in JSON rather than refused with the HTML page of a check meant for forms.
    """
    return csrf_exempt(cache_public_page(with_language(read_only(view))))


def error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def paginated_response(request, queryset, page_number, serialise):
    try:
        page = paginate(queryset, page_number, PAGE_SIZE)
    except PageNotAvailable as exc:
        return error(str(exc))

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": page.paginator.count,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [serialise(request, obj) for obj in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def list_view(get_queryset, serialise):
    """An API list of published content with nothing to filter but the page."""

    def view(request):
        form = PageForm(request.GET)
        if not form.is_valid():
            return error(form.error_text())
        return paginated_response(request, get_queryset(), form.cleaned_data.get("page"), serialise)

    return api_view(view)


def country(field):
    return {"code": field.code, "name": str(field.name)}
