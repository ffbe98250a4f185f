"""Old addresses keep working: renamed items and pages editors moved answer with a permanent redirect.

When the slug of a model registered with ``redirect_on_rename`` changes (in either language), its old
addresses are recorded as automatic ``Redirect``s to the item itself (the old slug under each language,
as the page answered it: ``/da/aftaler/turkey/`` led to the Danish page too), so the redirect
follows later renames and a chain of renames is always one hop. Renaming back to an old slug removes
that redirect. An address keeps leading where it first led: a rename never takes over an editor's
redirect or another item's old address, and a draft never published leaves none. Editors add
redirects from old ufm.dk paths by hand, with a fixed new address.

An address below a renamed item's old one (an agreement's document) is moved below its current address.

An address written differently from the site's (in capitals, or with the other language's words after
the language prefix) is redirected to the page it names, when no redirect says otherwise.

Redirects are looked up only when a request would otherwise answer 404 (``RedirectFallbackMiddleware``),
so ordinary pages never pay for them. An automatic redirect to an item a visitor may not see (a
draft, or outside its publishing window) stays a 404.
"""

import copy
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.db.models import Q
from django.db.models.signals import pre_save
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic.detail import SingleObjectMixin

from publishing.addresses import meant_address, view_at
from publishing.admin import ContentAdminForm, VersionedAdmin
from publishing.models import Redirect, is_site_path
from publishing.registry import redirects_on_rename

# How many manual redirects are followed to find where a chain ends; more is a loop.
MAX_HOPS = 5
# How many parent addresses of a 404 are looked up for a renamed item (items are a few levels deep).
MAX_DEPTH = 6


def languages():
    return [code for code, _name in settings.LANGUAGES]


def address_in(item, language):
    """The item's public address in ``language``."""
    with translation.override(language):
        return item.get_absolute_url()


def _path(address):
    """The path of an address, without its query or fragment."""
    return urlsplit(address).path


def _slug_fields(model):
    return [f"slug_{code}" for code in languages()]


def slug_in_any_language(slug):
    """The condition "the item's slug is ``slug`` in some language"."""
    condition = Q()
    for field in _slug_fields(None):
        condition |= Q(**{field: slug})
    return condition


def fill_missing_slugs(item):
    """An item without a slug in some language uses the default language's slug there."""
    default = getattr(item, f"slug_{settings.LANGUAGE_CODE}", "")
    for field in _slug_fields(type(item)):
        if not getattr(item, field, None):
            setattr(item, field, default)


def record_rename(sender, instance, raw=False, **kwargs):
    """Before a registered item is saved with a new slug, keep its old addresses as redirects to it."""
    if raw or not redirects_on_rename(sender):
        return
    fill_missing_slugs(instance)
    if instance._state.adding or instance.pk is None:
        return
    fields = _slug_fields(sender)
    # Whether it was ever published, read with the slugs: a draft's addresses were never visitors' to keep.
    publication = [name for name in ("is_published", "first_published_at") if _has_field(sender, name)]
    stored = sender._base_manager.filter(pk=instance.pk).values(*fields, *publication).first()
    if stored is None or all(stored[field] == getattr(instance, field) for field in fields):
        return
    if publication and not any(stored[name] for name in publication):
        return  # its old addresses were never shown to anyone
    content_type = ContentType.objects.get_for_model(sender)
    current = {_path(address_in(instance, language)) for language in languages()}
    current_slugs = {getattr(instance, field) for field in fields}
    for language in languages():
        # The item answered under its own old slug in each language, and (with a redirect, publishing/
        # views.py) under its old slug of another language: ``/da/aftaler/turkey/`` as well as
        # ``/da/aftaler/tyrkiet/``. Both keep working.
        for field in fields:
            if field != f"slug_{language}" and stored[field] in current_slugs:
                continue  # still answered by the page itself
            before = copy.copy(instance)
            setattr(before, f"slug_{language}", stored[field])
            old = _path(address_in(before, language))
            if old in current:
                continue  # Initiatives, say, are anchors on a page whose address does not change.
            _claim(old, content_type, instance.pk)
    # An address the item answers again is no longer a redirect (renaming back never makes a loop).
    Redirect.objects.filter(old_path__in=current, is_automatic=True).delete()


def _has_field(model, name):
    return any(field.name == name for field in model._meta.concrete_fields)


def _claim(old_path, content_type, object_id):
    """Make ``old_path`` an automatic redirect to the item, unless it already leads elsewhere: an editor's
    redirect, or another item's old address (the first item to leave an address keeps it)."""
    existing = Redirect.objects.filter(old_path=old_path).select_related("content_type").first()
    if existing is None:
        Redirect.objects.create(
            old_path=old_path, content_type=content_type, object_id=object_id, new_path="", is_automatic=True
        )
    elif existing.is_automatic and not _target_exists(existing):
        # The item that left it is gone: the address is free.
        existing.content_type, existing.object_id = content_type, object_id
        existing.save(update_fields=["content_type", "object_id"])


def _target_exists(redirect):
    model = redirect.content_type.model_class() if redirect.content_type_id else None
    return model is not None and model._base_manager.filter(pk=redirect.object_id).exists()


def _visible_item(redirect, user):
    model = redirect.content_type.model_class()
    if model is None:
        return None
    rows = model._default_manager.all()
    if hasattr(rows, "visible_to"):
        rows = rows.visible_to(user)
    return rows.filter(pk=redirect.object_id).first()


def _below_renamed_item(path, user):
    """An address below a renamed item's old one (an agreement's documents), moved below its current
    address; None if there is no such item a visitor (or ``user``) may see."""
    parts = path.strip("/").split("/")
    # "/en/agreements/", "/en/agreements/turkey/", … up to the path's parent (not the path itself).
    parents = ["/" + "/".join(parts[:count]) + "/" for count in range(2, min(len(parts), MAX_DEPTH + 1))]
    redirect = (
        Redirect.objects.select_related("content_type")
        .filter(is_automatic=True, old_path__in=parents)
        .order_by("-old_path")  # the longest, nearest parent first
        .first()
    )
    if redirect is None:
        return None
    item = _visible_item(redirect, user)
    if item is None:
        return None
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    target = _path(address_in(item, language)) + path[len(redirect.old_path) :]
    return None if target == path else target


def redirect_for(path, user=None):
    """Where the old address ``path`` now lives, following redirects to the end; None if nowhere a
    visitor (or ``user``) may go."""
    user = user or AnonymousUser()
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    seen = {path}
    target = None
    for _hop in range(MAX_HOPS):
        # The visitor's path as it is (an escaped "?" in it is no query); a redirect's target is an address.
        redirect = (
            Redirect.objects.select_related("content_type")
            .filter(old_path=path if target is None else _path(target))
            .first()
        )
        if redirect is None and target is None:
            return _below_renamed_item(path, user)
        if redirect is None:
            break
        if redirect.is_automatic:
            item = _visible_item(redirect, user)
            if item is None:
                return None
            target = address_in(item, language)
            break
        target = redirect.new_path
        if not is_site_path(target):
            return None  # Saved before such addresses were refused: never send visitors to another site.
        if _path(target) in seen:
            return None  # A loop of manual redirects.
        seen.add(_path(target))
    if target is None or _path(target) == path:
        return None
    return target


class RedirectFallbackMiddleware:
    """Answer a 404 with a 301 when the address is an old one (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        try:
            target = redirect_for(request.path, getattr(request, "user", None))
        except DatabaseError:
            return response
        permanent = True
        if target is None:
            # Not an old address: perhaps one typed in capitals or with the other language's words.
            target = meant_address(request.path_info)
        if target is None and translation.get_language_from_path(request.path_info) is None:
            # An address without its language (a link shared without it, the sitemap's "x-default"): the
            # page in the visitor's language, with its words. Another visitor's may differ: not permanent.
            target, permanent = meant_address(f"/{translation.get_language()}{request.path_info}"), False
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        if query:
            # The visitor's query after the new address's own, before its fragment.
            parts = urlsplit(target)
            target = urlunsplit(parts._replace(query="&".join(filter(None, (parts.query, query)))))
        return (HttpResponsePermanentRedirect if permanent else HttpResponseRedirect)(target)


pre_save.connect(record_rename, dispatch_uid="publishing-record-rename")


def _chain(path, redirect_pk):
    """``path`` and the addresses the manual redirects from it lead to, one after another (the redirect
    ``redirect_pk`` left out), up to MAX_HOPS redirects on; then None if the chain goes on still."""
    yield path
    for _hop in range(MAX_HOPS + 1):
        following = Redirect.objects.exclude(pk=redirect_pk).filter(old_path=path, is_automatic=False).first()
        if following is None:
            return
        if _hop == MAX_HOPS:
            yield None
            return
        path = _path(following.new_path)
        yield path


def _leads_back(old_path, new_path, redirect_pk):
    """Whether following the manual redirects from ``new_path`` comes back to ``old_path`` (or to any address
    on the way): the redirect ``redirect_pk`` would then make a loop."""
    seen = {old_path}
    for path in _chain(_path(new_path), redirect_pk):
        if path is None or path in seen:
            return True
        seen.add(path)
    return False


def _end_of(path, redirect_pk):
    """Where following the manual redirects from ``path`` ends (without the redirect ``redirect_pk``)."""
    return [step for step in _chain(path, redirect_pk) if step is not None][-1]


_page_checks = {}


def register_page_check(view_name, check):
    """``check(**kwargs)`` tells whether the view ``view_name`` ("country", "agreements:document") shows a
    page for an address's arguments, drafts included; an editor's redirect to an address it denies is
    refused. An item's page (a DetailView with a slug) needs none: its model is asked."""
    _page_checks[view_name] = check


def page_at(path):
    """Whether a page of the site answers ``path``: an address of one of its views, and for an item's
    page (an agreement's, a centre's), an item with that address in some language, draft or published,
    or an address an item had before it was renamed; for other views with arguments, what their check
    says (``register_page_check``). Files (static files, uploads) are not looked at."""
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    renamed = Redirect.objects.filter(old_path=path, is_automatic=True).first()
    if renamed is not None and renamed.target is not None:
        return True  # the address of an item before it was renamed: it leads to the item
    prefix = get_script_prefix()
    path_info = "/" + path.removeprefix(prefix) if path.startswith(prefix) else path
    # The words of an address are the language's own ("/da/aftaler/"): resolved in that language.
    with translation.override(translation.get_language_from_path(path_info) or settings.LANGUAGE_CODE):
        match = view_at(path_info)
    if match is None:
        return False
    check = _page_checks.get(match.view_name)
    if check is not None:
        return check(**match.kwargs)
    view_class = getattr(match.func, "view_class", None)
    slug = match.kwargs.get("slug")
    if slug is None or view_class is None or not issubclass(view_class, SingleObjectMixin) or not view_class.model:
        return True
    model = view_class.model
    condition = slug_in_any_language(slug) if hasattr(model, _slug_fields(model)[0]) else Q(slug=slug)
    return model._base_manager.filter(condition).exists()


class RedirectForm(ContentAdminForm):
    """An editor's redirect must lead somewhere: not to its own address, nor round a loop of redirects."""

    class Meta:
        error_messages = {"old_path": {"unique": _("There is already a redirect from this address.")}}

    def clean(self):
        cleaned_data = super().clean()
        old_path, new_path = cleaned_data.get("old_path"), cleaned_data.get("new_path")
        if self.instance.is_automatic or not old_path or not new_path or self.has_error("new_path"):
            return cleaned_data
        if _path(new_path) == old_path:
            self.add_error(
                "new_path", _("The new address is the old one: visitors would be sent back where they were.")
            )
        elif _leads_back(old_path, new_path, self.instance.pk):
            self.add_error(
                "new_path",
                _("Other redirects lead from the new address back here: visitors would be sent round in a circle."),
            )
        elif is_site_path(new_path) and not page_at(end := _end_of(_path(new_path), self.instance.pk)):
            # A typing error would send visitors on from an old link to a "page not found".
            meant = meant_address(end.removeprefix(get_script_prefix()[:-1]))
            if meant is not None and page_at(_path(meant)):
                message = _("No page of this site has the address %(address)s. Did you mean %(meant)s?")
            else:
                message = _("No page of this site has the address %(address)s: check it for typing errors.")
            self.add_error("new_path", message % {"address": end, "meant": meant})
        return cleaned_data


@admin.register(Redirect)
class RedirectAdmin(VersionedAdmin):
    """Editors add redirects from old addresses by hand and see the ones recorded on renames."""

    form = RedirectForm

    list_display = ("old_path", "destination", "is_automatic", "updated_at")
    list_filter = ("is_automatic", "content_type")
    list_select_related = ("content_type",)
    search_fields = ("old_path", "new_path")
    fields = ("old_path", "new_path", "is_automatic", "destination", "created_at", "updated_at")
    readonly_fields = ("is_automatic", "destination", "created_at", "updated_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_automatic:
            return (*self.readonly_fields, "old_path", "new_path")
        return self.readonly_fields

    @admin.display(description=_("goes to"))
    def destination(self, obj):
        if obj.pk is None:
            return "—"
        if not obj.is_automatic:
            return obj.new_path
        item = obj.target
        if item is None:
            return "—"
        address = address_in(item, translation.get_language_from_path(obj.old_path) or settings.LANGUAGE_CODE)
        return format_html('<a href="{}">{}</a> ({})', address, address, item)
