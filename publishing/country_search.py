"""Turn what a visitor typed into the countries they meant, best match first.

Matching happens in Python over the small, fixed set of country names (every ISO 3166 country in
English and Danish, its ISO name and codes, and the aliases editors keep in the admin), so SQLite and
PostgreSQL give the same answer and the cost does not grow with the number of agreements. The
database is asked only for agreements with the resulting countries.

The stages run in order and the first that matches anything wins:

1. exact: the whole query is a country's name, alias or ISO code (any case, spacing, punctuation or
   accents). A query that names a country exactly never falls through to a look-alike country, so
   "Chile" finds nothing rather than China.
2. prefix: the query (three letters or more) begins a name or alias: "ger", "sydk".
3. misspelling: the query is one edit (names of five or six letters: two) away from a name or alias
   of five letters or more; only the nearest names count.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django_countries import countries
from django_countries.data import COUNTRIES as ISO_NAMES

MAX_QUERY_LENGTH = 200

# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "đ": "d"})
_NOT_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’ʼ`´]")


def normalise(text):
    """A comparable form: lower case, no accents, no punctuation or spaces ("Tel-Aviv" -> "telaviv")."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    words = _NOT_WORD.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


@dataclass(frozen=True)
class Entry:
    key: str
    code: str
    kind: str  # "name", "alias", "code"


@functools.lru_cache(maxsize=1)
def _standard_entries():
    """Names and codes from django-countries, in both site languages. Built once per process."""
    entries = set()
    for code in ISO_NAMES:
        entries.add(Entry(normalise(code), code, "code"))
        alpha3 = countries.alpha3(code)
        if alpha3:
            entries.add(Entry(normalise(alpha3), code, "code"))
        entries.add(Entry(normalise(str(ISO_NAMES[code])), code, "name"))
        for language in ("en", "da"):
            with translation.override(language):
                entries.add(Entry(normalise(countries.name(code)), code, "name"))
    return tuple(entry for entry in entries if entry.key)


def _entries(aliases):
    alias_entries = tuple(Entry(normalise(alias), code, "alias") for code, alias in aliases)
    return _standard_entries() + tuple(entry for entry in alias_entries if entry.key)


def edit_distance(a, b, limit):
    """Optimal string alignment distance (a swap of two neighbours is one edit); limit+1 if above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(name):
    if len(name) < 5:
        return 0
    return 1 if len(name) < 6 else 2


def _unique_codes(entries):
    seen = []
    for entry in entries:
        if entry.code not in seen:
            seen.append(entry.code)
    return seen


_KIND_RANK = {"name": 0, "alias": 1, "code": 2}


@functools.lru_cache(maxsize=2048)
def _match(query_key, aliases):
    entries = _entries(aliases)

    exact = [e for e in entries if e.key == query_key and (e.kind != "code" or len(query_key) <= 3)]
    if exact:
        return _unique_codes(sorted(exact, key=lambda e: (_KIND_RANK[e.kind], e.code)))

    if len(query_key) >= 3:
        prefixed = [e for e in entries if e.kind != "code" and e.key.startswith(query_key)]
        if prefixed:
            return _unique_codes(sorted(prefixed, key=lambda e: (len(e.key), e.code)))

    if len(query_key) >= 5:
        scored = []
        for e in entries:
            limit = allowed_edits(e.key)
            if e.kind == "code" or not limit:
                continue
            distance = edit_distance(query_key, e.key, limit)
            if distance <= limit:
                scored.append((distance, e))
        if scored:
            best = min(distance for distance, _ in scored)
            return _unique_codes(sorted((e for d, e in scored if d == best), key=lambda e: e.code))
    return []


def countries_for_query(query, aliases=()):
    """ISO codes of the countries a query names, best match first; [] when it names none.

    ``aliases`` is a sequence of (country code, alias) pairs from the editors' alias list.
    """
    key = normalise(query[:MAX_QUERY_LENGTH])
    if not key:
        return []
    return list(_match(key, tuple(sorted(aliases))))
