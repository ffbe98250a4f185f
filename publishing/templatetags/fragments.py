"""``{% remember key… %}…{% endremember %}``: a part of a page rendered once per process and key.

For the site's chrome (header, menu, footer), which depends only on the language, the address and the
given keys, never on content: rendered for every page, it would cost each render the same work again.
The active language is always part of the key. Never put content (anything editors change) inside:
unlike the page cache, nothing here is made stale by an edit.
"""

import threading
from collections import OrderedDict

from django import template
from django.core.signals import setting_changed
from django.utils.autoreload import file_changed
from django.utils.functional import Promise
from django.utils.translation import get_language

register = template.Library()

MAX_FRAGMENTS = 2048
_fragments = OrderedDict()
_lock = threading.Lock()


def _hashable(value):
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(item) for item in value)
    return value


class RememberNode(template.Node):
    def __init__(self, nodelist, keys, position):
        self.nodelist = nodelist
        self.keys = keys
        # Each {% remember %} in the templates has its own entries.
        self.position = position

    def render(self, context):
        key = (self.position, get_language(), *(_hashable(key.resolve(context)) for key in self.keys))
        with _lock:
            fragment = _fragments.get(key)
            if fragment is not None:
                _fragments.move_to_end(key)
                return fragment
        fragment = self.nodelist.render(context)
        with _lock:
            _fragments[key] = fragment
            if len(_fragments) > MAX_FRAGMENTS:
                _fragments.popitem(last=False)
        return fragment


@register.tag
def remember(parser, token):
    """``{% remember navigation language_alternates %}{% include "includes/header.html" %}{% endremember %}``"""
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    origin = getattr(parser, "origin", None)
    position = (getattr(origin, "name", None), token.lineno, token.position)
    return RememberNode(nodelist, keys, position)


def forget(**kwargs):
    with _lock:
        _fragments.clear()


setting_changed.connect(forget, dispatch_uid="publishing-fragments-forget")
# The development server reloads templates when they change without restarting: forget them too.
file_changed.connect(forget, dispatch_uid="publishing-fragments-forget-on-change")
