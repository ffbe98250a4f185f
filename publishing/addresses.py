"""Public addresses of content, built once per language and remembered.

``reverse()`` walks the URL patterns on every call; lists link every item, so pages would spend much
of their render time on it. The URL configuration does not change while the process runs, so the
answer for a view, its arguments and the active language is always the same.
"""

import functools
from urllib.parse import unquote

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, get_urlconf, resolve, reverse, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_from_path, get_language_info, override


@functools.lru_cache(maxsize=8192)
def _reverse(language, prefix, viewname, kwargs):
    return reverse(viewname, kwargs=dict(kwargs))


def item_url(viewname, **kwargs):
    """``reverse(viewname, kwargs=kwargs)`` in the active language, remembered."""
    return _reverse(get_language(), get_script_prefix(), viewname, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=8192)
def _reverse_with(language, prefix, urlconf, viewname, args, kwargs, current_app):
    return reverse(viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app)


# Arguments whose text is all that reverse() uses: a model instance's text could change under the same
# key, so any other argument is reversed anew.
_PLAIN = (str, int)


def remembered_reverse(viewname, args=(), kwargs=None, current_app=None):
    """``reverse()``, remembered per language, script prefix and URL configuration for plain arguments."""
    kwargs = kwargs or {}
    if not isinstance(viewname, str) or not all(
        type(value) in _PLAIN or isinstance(value, str) for value in (*args, *kwargs.values())
    ):
        return reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)
    return _reverse_with(
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        viewname,
        tuple(args),
        tuple(sorted(kwargs.items())),
        current_app,
    )


@functools.lru_cache(maxsize=4096)
def _translate(path, language, prefix):
    return translate_url(path, language)


def same_page_in(path, language):
    """The address of the page at ``path`` in another language (``translate_url``), remembered."""
    return _translate(path, language, get_script_prefix())


def forget(**kwargs):
    _reverse.cache_clear()
    _reverse_with.cache_clear()
    _translate.cache_clear()


setting_changed.connect(forget, dispatch_uid="publishing-addresses-forget")


def meant_address(path_info):
    """The address a visitor most likely meant by ``path_info``, which leads to no page: the same address
    with the closing slash, in lower case (the site's words are), or with the other language's words
    after the language prefix (``/da/agreements/`` for ``/da/aftaler/``). None when no such spelling
    leads to a view.

    An item's slug in the other language is left to the item's page, which redirects it
    (``/da/aftaler/germany/`` → ``/da/aftaler/tyskland/``).
    """
    if "%" in path_info:
        # An escape that was no text is left as it came (``%FF``): no address of the site's has one.
        return None
    spellings = []
    for spelling in (path_info, path_info.lower()):
        spellings += [spelling] if spelling.endswith("/") else [spelling, spelling + "/"]
    here = get_script_prefix() + path_info.lstrip("/")
    for spelling in dict.fromkeys(spellings):
        address = _address_of(spelling)
        # reverse() escapes what the address decodes (``/da/lande/%C3%A6/`` for ``/da/lande/æ/``).
        if address is not None and unquote(address) != here:
            return address
    return None


def _address_of(spelling):
    """The site's own address of the view that ``spelling`` names, with either language's words."""
    language = get_language_from_path(spelling)
    if language is None:
        return get_script_prefix() + escape_uri_path(spelling.lstrip("/")) if view_at(spelling) else None
    rest = spelling[len(language) + 2 :]
    for words in [language, *(code for code, _name in settings.LANGUAGES if code != language)]:
        with override(words):
            match = view_at(f"/{words}/{rest}")
        if match is None:
            continue
        with override(language):
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                continue
    return None


def view_at(path_info):
    """The view ``resolve()`` finds for ``path_info`` (a ``ResolverMatch``), or None."""
    try:
        return resolve(path_info)
    except Resolver404:
        return None


# Danish letters written out as Danish addresses do (slugify would drop "ø" and "æ" and turn "å" into "a").
_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slug(text, max_length=100):
    """A slug for Danish text: "Sydkorea" → "sydkorea", "Grønland" → "groenland"."""
    return slugify(str(text).translate(_DANISH_LETTERS))[:max_length].strip("-")


def unique_slug(candidate, taken):
    """``candidate``, or ``candidate-2``, ``-3``… if it is in ``taken``."""
    slug, number = candidate, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = candidate[: 100 - len(suffix)] + suffix
        number += 1
    return slug


def language_alternates(address_for):
    """The same page in each language, for the language switch and hreflang: ``address_for(code)``."""
    current = get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": address_for(code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
