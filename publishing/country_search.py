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
3. misspelling: the query is one edit away from a name or alias of five letters, or two edits from one
   of six letters or more; only the nearest names count. A query of four letters counts only as a
   five-letter name with one letter dropped ("Japn", "Inda"): shorter names are too alike to guess.

A query that lists countries ("Germany, China", "Tyskland og Kina", "Japan Korea"), each named exactly
(a code only as a part of its own, so that "in" or "de" in a sentence stays a word), names them all,
in its order, before the prefix and misspelling stages; in a list with commas or "and", a part may be
the beginning or a misspelling of a name ("Germany, Chna"). A list may also name parts of the world
("Germany, Asia"): the caller is told which (``Reading.places``), and none is read as a misspelt country.

A flag emoji names its country ("🇩🇪" is DE), and several flags a list.

A query that names a part of the world that is no country ("South America", "Mellemøsten": the UN's
sub-regions and their everyday names) is read only exactly, as an editor's alias: it is no misspelt
country ("Sydamerika" is not "Sydafrika") and does not begin one ("Caribbean Netherlands").

Before these, a query written as official lists write formal names, the short name first and the
designation after a comma or in brackets ("Korea, Republic of", "Iran (Islamic Republic of)",
"Korea, Rep."), is compared with the formal names in any order (see ``formal_key``). Such a query
resolves to its country even when that country has no agreement, as any exact name does.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.core.signals import setting_changed
from django.utils import translation
from django_countries import countries
from django_countries.data import COUNTRIES as ISO_NAMES

MAX_QUERY_LENGTH = 200

# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "đ": "d"})
_NOT_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’ʼ`´]")
# "Short name, designation" or "Short name (designation)", as ISO 3166 and other official lists write them.
_FORMAL_NAME = re.compile(r"^(?P<short>[^,()]+?)\s*(?:,\s*(?P<after_comma>.+?)|\((?P<in_brackets>[^()]*)\))\s*$")
# Words a formal name can do without, and the abbreviations some lists use ("Korea, Dem. People's Rep.").
_FORMAL_NOISE = {"the", "of"}
_FORMAL_ABBREVIATIONS = {"rep": "republic", "dem": "democratic"}


@functools.lru_cache(maxsize=1024)
def _country_name(code, language):
    with translation.override(language):
        return str(countries.name(code))


def country_name(code):
    """A country's name in the active language, as django-countries gives it, looked up once per process:
    lists name a country on every card."""
    return _country_name(code, translation.get_language())


setting_changed.connect(lambda **kwargs: _country_name.cache_clear(), weak=False, dispatch_uid="country-names")


def _words(text):
    """Lower case, no accents, apostrophes or punctuation: "People's Rep." -> ["peoples", "rep"]."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    return _NOT_WORD.sub(" ", text).split()


def normalise(text):
    """A comparable form: lower case, no accents, no punctuation or spaces ("Tel-Aviv" -> "telaviv")."""
    words = _words(text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


def is_formal_name(text):
    """Whether ``text`` is written "short name, designation" or "short name (designation)"."""
    return bool(_FORMAL_NAME.match(text))


def formal_key(text):
    """A comparable form of a formal name, whichever way it is written.

    The designation comes first, without "the" and "of" and with abbreviations spelt out, so "Korea,
    Republic of", "Korea (the Republic of)", "Korea, Rep." and "Republic of Korea" all give
    "republickorea".
    """
    match = _FORMAL_NAME.match(text)
    if match:
        words = _words(match["after_comma"] or match["in_brackets"] or "") + _words(match["short"])
    else:
        words = _words(text)
    return "".join(_FORMAL_ABBREVIATIONS.get(word, word) for word in words if word not in _FORMAL_NOISE)


@dataclass(frozen=True)
class Entry:
    key: str
    code: str
    kind: str  # "name", "alias", "code", or "formal" (a name's formal_key, compared only with formal queries)


@functools.lru_cache(maxsize=1)
def _standard_entries():
    """Names and codes from django-countries, in both site languages. Built once per process."""
    entries = set()
    for code in ISO_NAMES:
        entries.add(Entry(normalise(code), code, "code"))
        alpha3 = countries.alpha3(code)
        if alpha3:
            entries.add(Entry(normalise(alpha3), code, "code"))
        names = [str(ISO_NAMES[code])]
        for language in ("en", "da"):
            with translation.override(language):
                names.append(countries.name(code))
        entries.update(_name_entries(names, code, "name"))
    return tuple(entry for entry in entries if entry.key)


def _name_entries(names, code, kind):
    for name in names:
        yield Entry(normalise(name), code, kind)
        yield Entry(formal_key(name), code, "formal")


def _entries(aliases):
    alias_entries = tuple(entry for code, alias in aliases for entry in _name_entries([alias], code, "alias"))
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


_KIND_RANK = {"name": 0, "formal": 0, "alias": 1, "code": 2}


def _ranked_codes(entries):
    """The countries of exactly matching entries, those matched by a name before an alias before a code."""
    return _unique_codes(sorted(entries, key=lambda e: (_KIND_RANK[e.kind], e.code)))


_NAMES = ("name", "alias")


@functools.lru_cache(maxsize=2048)
def _match_formal(query_key, aliases):
    """Countries whose name or formal name is exactly a formal query's ``formal_key``."""
    exact = [e for e in _entries(aliases) if e.key == query_key and e.kind != "code"]
    return _ranked_codes(exact)


def _exact(query_key, entries):
    return [
        e for e in entries if e.key == query_key and (e.kind in _NAMES or (e.kind == "code" and len(query_key) <= 3))
    ]


def names_a_country(query, aliases=()):
    """Whether the query is exactly a country's name, alias or code (the first stage)."""
    return bool(_exact(normalise(query[:MAX_QUERY_LENGTH]), _entries(tuple(sorted(aliases)))))


def country_named(text, aliases=()):
    """The ISO code of the one country ``text`` names exactly (a name or alias in either language, or a
    code), else None: for an address, where a near miss must not lead to another country's page. Danish
    letters may be written out as Danish addresses write them ("groenland" for Grønland)."""
    if len(text) > MAX_QUERY_LENGTH:
        return None
    entries = _entries(tuple(sorted(aliases)))
    written = normalise(text)
    for key in dict.fromkeys([written, written.replace("oe", "o").replace("aa", "a")]):
        codes = _unique_codes(_exact(key, entries))
        if codes:
            return codes[0] if len(codes) == 1 else None
    return None


# Parts of the world that are no country, in English and Danish: the UN's (M49) sub-regions and the
# everyday names of parts of continents. (Micronesia is left out: it is a country too; and Australia and
# New Zealand, which names two.)
_PLACES = """
    Northern Africa, North Africa, Sub-Saharan Africa, Eastern Africa, East Africa, Middle Africa,
    Central Africa, Southern Africa, Western Africa, West Africa, Latin America, Latin America and the
    Caribbean, Caribbean, the Caribbean, Central America, South America, Northern America, North America,
    Central Asia, Eastern Asia, East Asia, South-eastern Asia, South-East Asia, Southeast Asia, Southern
    Asia, South Asia, Western Asia, West Asia, Middle East, Near East, Far East, Eastern Europe, Northern
    Europe, Southern Europe, Western Europe, Central Europe, Scandinavia, Nordic countries, Melanesia,
    Polynesia,
    Nordafrika, Afrika syd for Sahara, Østafrika, Centralafrika, Det sydlige Afrika, Vestafrika,
    Latinamerika, Latinamerika og Caribien, Caribien, Mellemamerika, Centralamerika, Sydamerika,
    Nordamerika, Centralasien, Østasien, Sydøstasien, Sydasien, Vestasien, Mellemøsten, Det nære Østen,
    Det fjerne Østen, Fjernøsten, Østeuropa, Nordeuropa, Sydeuropa, Vesteuropa, Centraleuropa,
    Skandinavien, Norden, De nordiske lande
"""
_PLACE_KEYS = frozenset(normalise(place) for place in _PLACES.split(","))


@functools.lru_cache(maxsize=2048)
def _exactly(query_key, aliases):
    """The countries a normalised query names exactly (the first stage); [] for a part of the world that
    is no country; None when it names nothing exactly."""
    exact = _exact(query_key, _entries(aliases))
    if exact:
        return _ranked_codes(exact)
    if query_key in _PLACE_KEYS:
        return []
    return None


# What separates the countries of a list: punctuation, "and", "og", "or", "eller" (kept by re.split).
_SEPARATORS = re.compile(r"([,;/&+]|\b(?:and|og|or|eller)\b)", re.IGNORECASE)
# How many parts a name may span: "Saint Helena, Ascension and Tristan da Cunha" spans three.
_MAX_SPAN = 4


def _pieces(query):
    """The query cut at its separators, which are kept: (part, separator, part, …)."""
    return tuple(_SEPARATORS.split(query))


def _in_turn(words, entries):
    """The countries the words name one after another ("Japan Korea"), each name or alias as long as it
    can be; None if a word belongs to none. Codes do not count: "in" or "de" in a sentence is a word."""
    found, start = [], 0
    while start < len(words):
        for end in range(len(words), start, -1):
            named = [e for e in _exact("".join(words[start:end]), entries) if e.kind in _NAMES]
            if named:
                found += _ranked_codes(named)
                start = end
                break
        else:
            return None
    return found


@functools.lru_cache(maxsize=2048)
def _several(pieces, aliases, places=frozenset()):
    """(codes, whether each was named exactly, places) for a list of countries, in its order ("Germany,
    China", "Tyskland og Kina", "Japan Korea", "Bosnia and Herzegovina, Serbia"); None if it is no such list.

    Each part between separators is a name, alias or code (with the parts after it, for a name with
    "and" or a comma in it), or its words are names one after another. In a list with separators, a part
    may also be the beginning or a misspelling of one name ("Germany, Chna"). A part that names a part of
    the world (``_PLACES``, or one of ``places``: normalised names the caller knows, such as regions) is
    one of the list's places, never a misspelt country ("Germany, South America"). A part that is no name
    on its own shares the end of the next one (``_completed``: "Syd- og Nordkorea", "South and North Korea").
    """
    entries = _entries(aliases)
    parts = pieces[0::2]
    found, named_places, is_exact, index = [], [], True, 0
    while index < len(parts):
        if not _words(parts[index]):
            index += 1
            continue
        for end in range(min(len(parts), index + _MAX_SPAN), index, -1):
            key = (
                _completed(parts[index], parts[end] if end < len(parts) else "", aliases, places)
                if end == index + 1
                else ""
            )
            key = key or normalise("".join(pieces[2 * index : 2 * end - 1]))
            whole = _exact(key, entries)
            if whole:
                found += _ranked_codes(whole)
            elif key in _PLACE_KEYS or key in places:
                named_places.append(key)
            else:
                continue
            index = end
            break
        else:
            named = _in_turn(_words(parts[index]), entries)
            if named is None and len(parts) > 1:
                named, is_exact = _closest(normalise(parts[index]), aliases) or None, False
            if named is None:
                return None
            found += named
            index += 1
    codes = list(dict.fromkeys(found))
    return (codes, is_exact, tuple(dict.fromkeys(named_places))) if codes or named_places else None


# The hyphens and dashes a shared end is written off with ("Syd- og Nordkorea"), as typed or as word
# processors set them.
_DASHES = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014")


@functools.lru_cache(maxsize=64)
def _name_keys(aliases):
    return frozenset(e.key for e in _entries(aliases) if e.kind in _NAMES)


def _completed(part, following, aliases, places):
    """The name a part that is none on its own stands for, with the end it shares with the part after it,
    normalised; "" if none. Danish writes the shared end off with a hyphen ("Nord- og Sydamerika":
    "nordamerika"); English leaves it off ("South and North Korea": "southkorea")."""
    names = _name_keys(aliases)

    def is_name(key):
        return key in names or key in _PLACE_KEYS or key in places

    head = normalise(part)
    if not head or not following or is_name(head):
        return ""
    if part.rstrip().endswith(_DASHES):
        tail = normalise(following)
        ends = [tail[cut:] for cut in range(1, len(tail) - 2)]
    else:
        words = _words(following)
        ends = ["".join(words[cut:]) for cut in range(1, len(words))]
    return next((head + end for end in ends if is_name(head + end)), "")


@functools.lru_cache(maxsize=2048)
def _closest(query_key, aliases):
    """The countries whose names begin with the normalised query or that it misspells (stages 2 and 3)."""
    entries = _entries(aliases)
    if len(query_key) >= 3:
        prefixed = [e for e in entries if e.kind in _NAMES and e.key.startswith(query_key)]
        if prefixed:
            return _unique_codes(sorted(prefixed, key=lambda e: (len(e.key), e.code)))

    if len(query_key) >= 4:
        scored = []
        for e in entries:
            limit = allowed_edits(e.key)
            if len(query_key) == 4 and len(e.key) != 5:
                limit = 0
            if e.kind not in _NAMES or not limit:
                continue
            distance = edit_distance(query_key, e.key, limit)
            if distance <= limit:
                scored.append((distance, e))
        if scored:
            best = min(distance for distance, _ in scored)
            return _unique_codes(sorted((e for d, e in scored if d == best), key=lambda e: e.code))
    return []


_alias_sources = []


def register_aliases(source):
    """``source()`` returns (country code, alias) pairs editors keep: the app that keeps them registers it
    (agreements' country aliases), and every country search in the admin understands them."""
    _alias_sources.append(source)


def known_aliases():
    """The (country code, alias) pairs of every registered source."""
    return [pair for source in _alias_sources for pair in source()]


# A flag emoji is its country's code in two "regional indicator" letters: 🇩🇪 is D and E.
_FLAG = re.compile("([\U0001f1e6-\U0001f1ff]{2})")


def _flag_as_code(match):
    return " " + "".join(chr(ord("A") + ord(letter) - 0x1F1E6) for letter in match.group(1)) + ", "


@dataclass(frozen=True)
class Reading:
    """The countries a query names, best match first. ``is_exact`` unless they are only the closest names
    to it, which begin with it or which it misspells: a visitor should be told what was searched.
    ``places``: the parts of the world a list names beside its countries ("Germany, Asia"), normalised."""

    codes: tuple = ()
    is_exact: bool = True
    places: tuple = ()


def read_query(query, aliases=(), places=frozenset()):
    """What the query names (a ``Reading``); no countries when it names none.

    ``aliases`` is a sequence of (country code, alias) pairs from the editors' alias list; ``places`` the
    normalised names of parts of the world the caller knows besides ``_PLACES`` (regions), which a list
    may name with its countries.
    """
    query = _FLAG.sub(_flag_as_code, query[:MAX_QUERY_LENGTH])
    key = normalise(query)
    if not key:
        return Reading()
    aliases = tuple(sorted(aliases))
    if is_formal_name(query):
        found = _match_formal(formal_key(query), aliases)
        if found:
            return Reading(tuple(found))
    named = _exactly(key, aliases)
    if named is not None:
        return Reading(tuple(named))
    several = _several(_pieces(query), aliases, frozenset(places))
    if several:
        codes, is_exact, named_places = several
        return Reading(tuple(codes), is_exact, named_places)
    codes = _closest(key, aliases)
    return Reading(tuple(codes), is_exact=not codes)


def countries_for_query(query, aliases=()):
    """ISO codes of the countries a query names, best match first; [] when it names none."""
    return list(read_query(query, aliases).codes)
