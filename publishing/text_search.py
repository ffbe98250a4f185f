"""Searching the text of content in one language, best match first, on PostgreSQL and on SQLite.

Content apps call ``search`` from a QuerySet method that names the fields and their weights, e.g.::

    def search_text(self, query, language):
        return text_search.search(
            self, query, language,
            fields={"title": "A", "summary": "B", "description": "C"},
            related={"funding_partners__name": "B"},
        )

A translated field (modeltranslation) is searched as visitors of ``language`` see it: in that
language, or in the other where it is empty. Every word of the query must match, in any field;
words match whatever their ending ("aftaler" finds "aftale", "centres" finds "centre"), and a word
finds the longer words that begin with its stem (``matches``: "innovationscenter" finds
"innovationscentre", "forskning" finds "forskningsophold").

- **PostgreSQL** does it in the database: ``SearchVector`` over the fields with the "danish" or
  "english" text search configuration, ``websearch`` queries, ``SearchRank`` with the weights A–D.
  The vector of each model's own fields is indexed (a GIN index per language on the published rows,
  made by the content apps' ``*_search_indexes`` migrations), so a search reads only the rows that
  match. Related rows (funding partners, focus areas) are few and not indexed: those that contain a
  word of the query are found first, and only their rows are checked against the whole text, chosen
  by a subquery of the search's own query (their keys never travel to Python and back). Of those
  rows, the ones whose own text holds no word of the query (the index says which do) are matched and
  ranked by their related rows alone, which gives the same answer without parsing their own text.
- **Elsewhere** (SQLite in development and tests) the database only narrows the rows (``LIKE`` on what
  every word of each stem starts with), and Python stems the words with rules of the same kind (``stem``) and ranks them
  with the same weights. The best matches are the same; the order of weaker ones may differ. On
  SQLite the narrowing also keeps only rows where a word starts with the stem (a Python function
  that SQLite calls on the rows ``LIKE`` let through, after the related rows, so that rows found
  through a related row need no call), so rows that hold the stem only inside other words ("aftal"
  in "testaftale") are never read; the rows are read as plain tuples of each field as visitors read
  it, by SQL written here around the QuerySet's own conditions (compiling a whole query cost more
  than running it). Texts met again (a funder's name on every agreement it pays for) are split and
  stemmed once per search.

``snippet`` gives the passage of a text around the first matching word, with the matches marked
(``may_match`` says cheaply whether rich text is worth making plain for one); ``with_related`` puts
the related names a snippet may show on each item (on PostgreSQL in the same query, elsewhere in one
query of the texts alone after the items).
"""

import functools
import html
import json
import operator
import re
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, FullResultSet
from django.db import connections, models
from django.db.backends.signals import connection_created
from django.db.models import Case, F, Func, OuterRef, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.db.models.sql import Query
from django.dispatch import receiver
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# PostgreSQL's text search configuration for each site language.
CONFIGURATIONS = {"en": "english", "da": "danish"}
# PostgreSQL's default weights for A, B, C and D; the Python ranking uses the same.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}

_WORD = re.compile(r"[^\W_]+")

# The stop words of PostgreSQL's "english" and "danish" configurations (Snowball's lists): words too
# common to search for, left out of queries on every database alike.
_ENGLISH_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing a an the and but if or because as until while
    of at by for with about against between into through during before after above below to from up down in
    out on off over under again further then once here there when where why how all any both each few more
    most other some such no nor not only own same so than too very s t can will just don should now
"""
_DANISH_STOP_WORDS = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
    ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind
    når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende
    mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
"""
STOP_WORDS = {"en": frozenset(_ENGLISH_STOP_WORDS.split()), "da": frozenset(_DANISH_STOP_WORDS.split())}


# --- Stemming (the Python side) ---------------------------------------------------------------------

_DANISH_VOWELS = frozenset("aeiouyæåø")
# Snowball's Danish step 1 endings, longest first.
_DANISH_ENDINGS = """
    hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes enes
    ernes eres ens hedens erens ers ets erets et eret
"""
_DANISH_SUFFIXES = sorted(_DANISH_ENDINGS.split(), key=len, reverse=True)
_DANISH_S_ENDINGS = frozenset("abcdfghjklmnoprtvyzå")
_ENGLISH_VOWELS = frozenset("aeiouy")
# (suffix, replacement), longest first: "countries" and "country" both become "countri".
_ENGLISH_SUFFIXES = [
    ("ibilities", ""),
    ("abilities", ""),
    ("ational", "ate"),
    ("ibility", ""),
    ("ability", ""),
    ("ations", ""),
    ("ities", ""),
    ("ation", ""),
    ("ingly", ""),
    ("ings", ""),
    ("edly", ""),
    ("ible", ""),
    ("able", ""),
    ("ing", ""),
    ("ity", ""),
    ("ies", "i"),
    ("ied", "i"),
    ("ed", ""),
    ("es", ""),
    ("ly", ""),
    ("s", ""),
    ("e", ""),
    ("y", "i"),
]


def _region1(word, vowels):
    """Where Snowball's R1 starts: after the first non-vowel that follows a vowel, and at least at 3."""
    for i in range(1, len(word)):
        if word[i] not in vowels and word[i - 1] in vowels:
            return max(i + 1, 3)
    return len(word)


def _danish_stem(word):
    """Snowball's Danish stemmer, steps 1, 2 and 4 (as PostgreSQL's "danish" configuration, nearly)."""
    r1 = _region1(word, _DANISH_VOWELS)
    for suffix in _DANISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= r1:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("s") and len(word) - 1 >= r1 and len(word) > 1 and word[-2] in _DANISH_S_ENDINGS:
            word = word[:-1]
    if word[-2:] in ("gd", "dt", "gt", "kt") and len(word) - 2 >= r1:
        word = word[:-1]
    if len(word) - 2 >= r1 and len(word) > 1 and word[-1] == word[-2] and word[-1] not in _DANISH_VOWELS:
        word = word[:-1]
    return word


def _english_stem(word):
    """A few of Porter's rules for English endings: enough that plurals and -ing forms meet their word."""
    r1 = _region1(word, _ENGLISH_VOWELS)
    for suffix, replacement in _ENGLISH_SUFFIXES:
        if not word.endswith(suffix):
            continue
        if suffix == "s":
            # Porter's plural rule, which no region limits: "stays" -> "stay", but "gas" keeps its s.
            if word[-2:-1] in ("s", "u", "i") or not any(letter in _ENGLISH_VOWELS for letter in word[:-2]):
                continue  # "business", "campus", "analysis"
        elif len(word) - len(suffix) < r1:
            continue
        elif suffix == "e" and len(word) < 5:
            continue  # "Sune", "state": a short word keeps its e
        word = word[: -len(suffix)] + replacement
        break
    # "researcher" meets "research", but "partner" stays: the ending must lie in Porter's R2.
    r2 = r1 + _region1(word[r1:], _ENGLISH_VOWELS) if r1 < len(word) else len(word)
    if word.endswith("er") and len(word) - 2 >= max(r2, r1 + 2):
        word = word[:-2]
    return word


_STEMMERS = {"en": _english_stem, "da": _danish_stem}


@functools.lru_cache(maxsize=65536)
def stem(word, language):
    """The stem of a lower-case ``word`` in ``language`` ("aftaler" -> "aftal")."""
    return _STEMMERS[language](word)


def words(text):
    """The lower-case words of a plain text."""
    return _WORD.findall(text.lower())


def query_stems(query, language):
    """The stems of the words of a query a visitor typed, without stop words, in their order."""
    stems = []
    for word in words(query):
        if word not in STOP_WORDS[language]:
            word_stem = stem(word, language)
            if word_stem not in stems:
                stems.append(word_stem)
    return stems


# A query word whose stem has at least this many letters also finds the words whose stems begin with it:
# Danish "innovationscenter" (stem "innovationscent") finds "innovationscentre" and "innovationscentret"
# ("innovationscentr"), the plural and definite forms the Snowball stemmer cuts differently. A shorter
# stem finds only itself ("eu" is not every word that starts with "eu").
PREFIX_FROM = 4


def matches(word_stem, query_stem):
    """Whether a word with the stem ``word_stem`` matches a query word with the stem ``query_stem``."""
    return word_stem == query_stem or (len(query_stem) >= PREFIX_FROM and word_stem.startswith(query_stem))


def _stems_found(word, stems, language):
    """Which of the query's ``stems`` the lower-case ``word`` of a text matches. A stop word matches none:
    PostgreSQL's vectors leave them out ("whic" does not find "which")."""
    if word in STOP_WORDS[language]:
        return []
    word_stem = stem(word, language)
    return [query_stem for query_stem in stems if matches(word_stem, query_stem)]


def plain_text(value):
    """Text as a visitor reads it: rich text without its tags and entities, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


# A tag as HTMLParser reads one (quoted attribute values may hold ">"); never across another "<".
_ANY_TAG = re.compile(r"""<[^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*>""")


def may_match(value, stems, language):
    """False only if ``plain_text(value)`` surely holds no word that matches one of ``stems``.

    Cheaper than ``plain_text``, which parses the HTML: the text is looked at as it is and with its tags
    cut out by a regular expression (as tags that separate the letters of a word would be). Comments,
    declarations and processing instructions are parsed differently: for those, always True.
    """
    if not value:
        return False
    if "<!" in value or "<?" in value:
        return True
    starts = [_start(word_stem, language) for word_stem in stems]
    texts = [value]
    if "<" in value:
        texts.append(_ANY_TAG.sub("", value))
    for text in texts:
        lowered = (html.unescape(text) if "&" in text else text).lower()
        if any(start in lowered for start in starts):
            return True
    return False


# --- Snippets ---------------------------------------------------------------------------------------


def _escape(text):
    return html.escape(text) if text else ""


def snippet(text, stems, language, length=30):
    """Up to ``length`` words of a plain ``text`` around the first word that matches one of ``stems``.

    Matching words are marked with <mark>; everything else is escaped. None if no word matches.
    """
    # A matching word starts with its stem's start: without one, there is nothing to split and stem.
    lowered = text.lower()
    if not any(_start(word_stem, language) in lowered for word_stem in stems):
        return None
    tokens = list(_WORD.finditer(text))
    found = [i for i, token in enumerate(tokens) if _stems_found(token.group().lower(), stems, language)]
    if not found:
        return None
    start = max(0, found[0] - length // 3)
    end = min(len(tokens), start + length)
    marked = set(found)
    parts = ["… "] if start else []
    position = tokens[start].start() if start else 0
    for i in range(start, end):
        token = tokens[i]
        parts.append(_escape(text[position : token.start()]))
        parts.append(f"<mark>{token.group()}</mark>" if i in marked else token.group())  # letters, digits
        position = token.end()
    if end < len(tokens):
        parts.append(" …")
    else:
        parts.append(_escape(text[position:]))
    # Each part is escaped (as format_html would) unless it is a marked word's tag.
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


# --- Searching --------------------------------------------------------------------------------------


def search(queryset, query, language, *, fields, related=None):
    """The rows of ``queryset`` that match every word of ``query``, best first, annotated with ``search_rank``.

    ``fields`` maps field names to weights "A" (strongest) to "D"; ``related`` maps
    "relation__field" paths of many-to-many relations (e.g. "funding_partners__name") to weights.
    On PostgreSQL the conditions name the model's table: use the result as a query of its own, not
    inside another query.
    """
    related = related or {}
    if connections[queryset.db].vendor == "postgresql":
        found = _search_in_postgresql(queryset, query, language, fields, related)
    else:
        found = _search_in_python(queryset, query, language, fields, related)
    # The primary key last: the same order every time, so that pages of results never overlap.
    return found.order_by("-search_rank", *queryset.model._meta.ordering, "pk")


def columns(model, name, language):
    """The columns holding field ``name`` as shown in ``language``: its translation first, then the others."""
    try:
        model._meta.get_field(f"{name}_{language}")
    except FieldDoesNotExist:
        return [name]
    codes = [language] + [code for code, _ in settings.LANGUAGES if code != language]
    return [f"{name}_{code}" for code in codes]


def _shown(model, name, language):
    names = columns(model, name, language)
    if len(names) == 1:
        return Coalesce(F(names[0]), Value(""), output_field=models.TextField())
    return Coalesce(*(NullIf(F(n), Value("")) for n in names), Value(""), output_field=models.TextField())


def _relation(model, path):
    relation, name = path.split("__")
    field = model._meta.get_field(relation)
    return field.related_model, field.related_query_name(), name


def _vector(model, fields, language):
    """The weighted search vector of a model's own ``fields`` as visitors of ``language`` read them.

    Its SQL is what the migrations index (``*_search_en``, ``*_search_da``): PostgreSQL uses an expression
    index only for the very same expression.
    """
    from django.contrib.postgres.search import SearchVector

    config = CONFIGURATIONS[language]
    vectors = [
        SearchVector(_shown(model, name, language), config=config, weight=weight) for name, weight in fields.items()
    ]
    return functools.reduce(operator.add, vectors)


def with_related(queryset, path, language, attribute):
    """``queryset`` with the rows of relation ``path`` ("funding_partners__name") on each item as ``attribute``,
    in the related model's order; ``str()`` of each is its text as visitors of ``language`` read it.

    On PostgreSQL the texts come in the same query (what a prefetch would read in a query of its own);
    elsewhere the related rows are prefetched.
    """
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.fields import ArrayField

        sql, params = _sql(queryset.db, queryset.model, _related_texts, path, language)
        return queryset.annotate(**{attribute: _compiled(sql, params, ArrayField(models.TextField()))})
    # Elsewhere the texts alone, in one query after the items (a prefetch would make an instance of each).
    clone = queryset.all()
    clone._iterable_class = _iterable_with_texts(queryset._iterable_class, path, language, attribute)
    return clone


@functools.lru_cache(maxsize=64)
def _iterable_with_texts(iterable, path, language, attribute):
    return type("WithRelatedTexts", (_WithRelatedTexts, iterable), {"related": (path, language, attribute)})


class _WithRelatedTexts:
    """Mixed into a QuerySet's iterable by ``with_related``: puts the related texts on the items read."""

    related = None  # (path, language, attribute)

    def __iter__(self):
        items = list(super().__iter__())
        path, language, attribute = self.related
        db = self.queryset.db
        related_model, back, name = _relation(self.queryset.model, path)
        texts = defaultdict(list)
        if items:
            values = related_model._default_manager.using(db).filter(
                **{f"{back}__in": _keys([item.pk for item in items], connections[db].vendor == "sqlite")}
            )
            for owner, *shown in _plain(values, back, *columns(related_model, name, language), ordered=True):
                texts[owner].append(_first_text(shown))
        for item in items:
            setattr(item, attribute, texts[item.pk])
        yield from items


def _related_texts(model, path, language):
    """PostgreSQL: the texts of a relation's rows as visitors of ``language`` read them, in the related
    model's order, as an array in each row of ``model``."""
    from django.contrib.postgres.expressions import ArraySubquery

    related_model, back, name = _relation(model, path)
    return ArraySubquery(
        related_model._default_manager.filter(**{back: OuterRef("pk")})
        .annotate(shown_text=_shown(related_model, name, language))
        .values("shown_text")
    )


def _related_vector(model, path, language, weight):
    from django.contrib.postgres.search import SearchVector

    texts = _related_texts(model, path, language)
    joined = Func(texts, Value(" "), function="array_to_string", output_field=models.TextField())
    return SearchVector(joined, config=CONFIGURATIONS[language], weight=weight)


def _lexemes(model, name, language):
    """The lexemes of field ``name`` as visitors of ``language`` read it."""
    from django.contrib.postgres.search import SearchVector

    vector = SearchVector(_shown(model, name, language), config=CONFIGURATIONS[language])
    return Func(vector, function="tsvector_to_array", output_field=models.TextField())


@functools.lru_cache(maxsize=256)
def _sql(db, model, build, *args):
    """The SQL (and its parameters) of the expression ``build(model, *args)`` in a query of ``model``.

    The expressions are the same for every search; compiling them once saves most of a search's time.
    """
    query = Query(model)
    expression = build(model, *args).resolve_expression(query)
    sql, params = query.get_compiler(using=db).compile(expression)
    return sql, tuple(params)


def _own(model, fields, language):
    return _vector(model, dict(fields), language)


def _whole(model, fields, related, language):
    vectors = [_vector(model, dict(fields), language)]
    vectors += [_related_vector(model, path, language, weight) for path, weight in related]
    return functools.reduce(operator.add, vectors)


def _related_only(model, related, language):
    vectors = [_related_vector(model, path, language, weight) for path, weight in related]
    return functools.reduce(operator.add, vectors)


def _compiled(sql, params, output_field):
    # The SQL comes from _sql (Django's own compilation of fixed expressions); what visitors type is
    # always a parameter.
    return RawSQL(sql, params, output_field=output_field)  # noqa: S611 - compiled expressions, parameters


# websearch_to_tsquery, with each lexeme of PREFIX_FROM letters or more marked as a prefix (``matches``).
# The query's text is quoted lexemes between operators ('o' <-> 'brien' & !'eu'; a quote inside a lexeme is
# doubled): every lexeme, read whole from its opening quote, gets ":*", then the short ones lose it again.
# (Marking only the long ones in one pass would read the text between two lexemes as one.)
_LEXEME = r"''((?:[^'']|'''')*)''"  # as SQL string literals: each quote doubled
_SHORT_PREFIX = r"''((?:[^'']|''''){1," + str(PREFIX_FROM - 1) + r"})'':\*"
_TSQUERY = (
    "regexp_replace(regexp_replace(websearch_to_tsquery(%s::regconfig, %s)::text, "
    f"'{_LEXEME}', '''\\1'':*', 'g'), '{_SHORT_PREFIX}', '''\\1''', 'g')::tsquery"
)


def _matching(vector, config, query):
    """The condition "matches the query" on ``vector`` and the rank, as ``SearchQuery`` and ``SearchRank`` make them."""
    vector_sql, params = vector
    tsquery = _TSQUERY
    condition = _compiled(f"{vector_sql} @@ {tsquery}", (*params, config, query), models.BooleanField())
    rank = _compiled(f"ts_rank({vector_sql}, {tsquery})", (*params, config, query), models.FloatField())
    return condition, rank


def _search_in_postgresql(queryset, query, language, fields, related):
    db, model, config = queryset.db, queryset.model, CONFIGURATIONS[language]
    fields, related = tuple(fields.items()), tuple(related.items())
    condition, rank = _matching(_sql(db, model, _own, fields, language), config, query)
    found = queryset.filter(condition)
    # Related rows (funding partners, focus areas) are few: those with a word of the query come first,
    # then the rows they belong to. A word may be in a related row and the next in the row itself, so
    # those rows are checked against their whole text; the rest match by their own text, through the index.
    owners = []
    for path, _weight in related:
        related_model, _back, name = _relation(model, path)
        lexemes_sql, params = _sql(db, related_model, _lexemes, name, language)
        # Written here rather than by a QuerySet: compiling one cost more than running it. Names and compiled
        # expressions only; what visitors type is a parameter.
        table = connections[db].ops.quote_name(related_model._meta.db_table)
        overlap = (
            f"EXISTS (SELECT FROM unnest({lexemes_sql}) AS lexeme, "
            "unnest(tsvector_to_array(to_tsvector(%s::regconfig, %s))) AS word "
            f"WHERE lexeme = word OR (length(word) >= {PREFIX_FROM} AND starts_with(lexeme, word)))"
        )
        with connections[db].cursor() as cursor:
            cursor.execute(
                f"SELECT {_pk_column(related_model)} FROM {table} WHERE {overlap}",  # noqa: S608
                (*params, config, query),
            )
            related_ids = [pk for (pk,) in cursor.fetchall()]
        if related_ids:
            relation = path.split("__")[0]
            owners.append(
                queryset.filter(**{f"{relation}__in": related_ids}).order_by().values("pk").query.sql_with_params()
            )
    if not owners:
        return found.annotate(search_rank=rank)
    # The candidates in the same query, as a subquery: the rows a related word matches can be many (every
    # agreement one funder pays for), and sending their keys back and forth cost more than the search.
    # Compiled on their own, the subqueries name their tables as the conditions above do.
    parts = [found.order_by().values("pk").query.sql_with_params(), *owners]
    candidates = _compiled(
        f"{_pk_column(model)} = ANY(ARRAY({' UNION '.join(f'({sql})' for sql, _ in parts)}))",
        tuple(param for _, params in parts for param in params),
        models.BooleanField(),
    )
    condition, rank = _matching(_sql(db, model, _whole, fields, related, language), config, query)
    if not any(character in query for character in _TSQUERY_OPERATORS):
        # Most candidates (every agreement one funder pays for) hold no word of the query in their own text:
        # for those, the related rows alone decide the match and the rank (ts_rank weighs positions only
        # relative to each other), and their own text, the costly part, is not parsed at all. The rows that
        # do hold a word come from the index, by a query that any word of the query matches.
        tsquery = _TSQUERY
        any_word = f"regexp_replace(replace(({tsquery})::text, '!', ''), '<[0-9]*-?>|&', '|', 'g')::tsquery"
        own_sql, own_params = _sql(db, model, _own, fields, language)
        holding = (
            queryset.filter(_compiled(f"{own_sql} @@ {any_word}", (*own_params, config, query), models.BooleanField()))
            .order_by()
            .values("pk")
            .query.sql_with_params()
        )
        related_sql, related_params = _sql(db, model, _related_only, related, language)
        own_words = f"{_pk_column(model)} = ANY(ARRAY({holding[0]}))"
        whole_sql, whole_params = condition.sql, condition.params
        rank_sql, rank_params = rank.sql, rank.params
        condition = _compiled(
            f"CASE WHEN {own_words} THEN {whole_sql} ELSE {related_sql} @@ {tsquery} END",
            (*holding[1], *whole_params, *related_params, config, query),
            models.BooleanField(),
        )
        rank = _compiled(
            f"CASE WHEN {own_words} THEN {rank_sql} ELSE ts_rank({related_sql}, {tsquery}) END",
            (*holding[1], *rank_params, *related_params, config, query),
            models.FloatField(),
        )
    return queryset.filter(candidates).filter(condition).annotate(search_rank=rank)


# Characters that make websearch queries more than words (or that a word could carry into the query's text).
_TSQUERY_OPERATORS = "&!<>|\\:*()"


def _pk_column(model):
    return f'"{model._meta.db_table}"."{model._meta.pk.column}"'


# Stand for the stem and for what its words start with in the SQL that _containing compiles once per
# model; stems are letters and digits, which LIKE takes as they are.
_NEEDLE = "\x00stem\x00"
_START = "\x00start\x00"
# SQLite's name for _starts_word_in_sql.
_STARTS_WORD = "text_search_starts_word"


def _containing(model, all_columns, related_paths, word_starts):
    """The condition "contains _NEEDLE in one of ``all_columns`` or of the rows of a relation".

    With ``word_starts`` (SQLite), also "a word there starts with _START": the stem is often inside other
    words ("aftal" in "testaftale"), and reading those rows only for Python to reject them is what took
    the time.
    """
    anywhere = Q()
    for column in all_columns:
        anywhere |= Q(**{f"{column}__icontains": _NEEDLE})
    for path, names in related_paths:
        related_model, back, _ = _relation(model, path)
        matching = Q()
        for column in names:
            matching |= Q(**{f"{column}__icontains": _NEEDLE})
        anywhere |= Q(pk__in=related_model._default_manager.filter(matching).values(back))
    if not word_starts:
        return anywhere
    # After the LIKEs, so that SQLite calls Python only for the rows that contain the stem; and the related
    # rows (few, checked once for the whole query) first, so that the rows they hold the word for (every
    # agreement one funder pays for) need no call for their own texts.
    starts = Q()
    for path, names in related_paths:
        related_model, back, _ = _relation(model, path)
        starts |= Q(pk__in=related_model._default_manager.filter(_StartsWord(names)).values(back))
    starts |= Q(_StartsWord(all_columns))
    return anywhere & starts


class _StartsWord(Func):
    """SQLite: whether a word of the texts in ``names`` starts with _START (see ``_starts_word_in_sql``)."""

    function = _STARTS_WORD
    output_field = models.BooleanField()

    def __init__(self, names):
        texts = []
        for name in names:
            texts += [Value("\n"), Coalesce(F(name), Value(""), output_field=models.TextField())]
        # Flat, unlike Concat: SQLite's parser gives up on a dozen nested concatenations.
        joined = Func(*texts, template="(%(expressions)s)", arg_joiner=" || ", output_field=models.TextField())
        super().__init__(joined, Value(_START))


def _starts_word_in_sql(text, start):
    """Python's word-start check of ``_search_in_python``, on one row's texts, for SQLite to call."""
    text = (text or "").lower()
    if "&" in text:
        text = html.unescape(text)
    return _starts_word(text, start)


@receiver(connection_created)
def _add_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(_STARTS_WORD, 2, _starts_word_in_sql, deterministic=True)


def _fill(param, needle, start):
    if not isinstance(param, str):
        return param
    return param.replace(_NEEDLE, needle).replace(_START, start)


def _needle(word_stem):
    # SQLite's LIKE ignores case only for ASCII letters: a capital Æ, Ø, Å or Ü at the start of a word
    # would not match, so the narrowing starts after it (Python checks the whole word afterwards).
    if not word_stem.isascii() and not word_stem[0].isascii() and len(word_stem) > 1:
        return word_stem[1:]
    return word_stem


def _search_in_python(queryset, query, language, fields, related):
    stems = query_stems(query, language)
    if not stems:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=models.FloatField()))
    model = queryset.model
    local = {name: columns(model, name, language) for name in fields}
    relations = {path: _relation(model, path) for path in related}
    related_columns = {
        path: columns(related_model, name, language) for path, (related_model, _, name) in relations.items()
    }

    # The database narrows the rows to those that contain every stem somewhere.
    all_columns = [column for names in local.values() for column in names]
    related_paths = tuple((path, tuple(related_columns[path])) for path in related)
    word_starts = connections[queryset.db].vendor == "sqlite"
    sql, params = _sql(queryset.db, model, _containing, tuple(all_columns), related_paths, word_starts)
    conditions = []
    for word_stem in stems:
        # What the database looks for is the start every such word has, not the stem, which may not be in
        # the text as it is ("internate" of "international").
        start = _start(word_stem, language)
        needle = _needle(start)
        conditions.append((sql, [_fill(param, needle, start) for param in params]))
    if word_starts:
        # Each field as visitors read it (the rank counts only that): half the text to read. The related
        # rows' texts come in the same query, a JSON array per row and relation.
        selected = [_sql(queryset.db, model, _shown_text, tuple(names)) for names in local.values()]
        selected += [
            _sql(queryset.db, model, _related_json, path, related_paths[i][1]) for i, path in enumerate(related)
        ]
        positions = [[i] for i in range(len(local))]
    else:
        selected = [_sql(queryset.db, model, _column, name) for name in all_columns]
        positions = [[all_columns.index(column) for column in names] for names in local.values()]
    # Unordered: the rows are ranked here, and without an order the database may read only the published
    # rows through an index rather than every row in the order of the model.
    rows = _narrowed(queryset, selected, conditions)
    if not rows:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=models.FloatField()))

    related_texts = defaultdict(list)
    if word_starts:
        for pk, texts in rows.items():
            for path, joined in zip(related, texts[len(local) :], strict=True):
                if joined is not None:
                    related_texts[pk, path] = json.loads(joined)
    else:
        for path, (related_model, back, _) in relations.items():
            names = related_columns[path]
            values = related_model._default_manager.using(queryset.db).filter(
                **{f"{back}__in": _keys(rows, word_starts)}
            )
            for owner, *texts in _plain(values, back, *names):
                related_texts[owner, path].append(_first_text(texts))

    starts = [_start(word_stem, language) for word_stem in stems]
    own = [(WEIGHTS[weight], at) for weight, at in zip(fields.values(), positions, strict=True)]
    related_weights = [(path, WEIGHTS[weight]) for path, weight in related.items()]
    # The same texts come again and again (every agreement one funder pays for names it): each is split
    # and stemmed once per search.
    counted = {}
    totals = {}
    ranks = {}
    for pk, texts in rows.items():
        if not word_starts:
            # The database matched parts of words ("aftal" in "testaftale"); most such rows have no word
            # that starts with the stem at all, and are left out without ranking them. (SQLite checked
            # that already, with the same function.)
            text = "\n".join(
                [*(t or "" for t in texts), *(t for path in related for t in related_texts[pk, path])]
            ).lower()
            if "&" in text:
                text = html.unescape(text)
            if not all(_starts_word(text, start) for start in starts):
                continue
        weighted = []
        for weight, at in own:
            for i in at:
                if texts[i]:
                    weighted.append((weight, texts[i]))
                    break
        # Rows found through a related row (every agreement one funder pays for) mostly hold no word of the
        # query in their own texts: one look at them all, rather than one per text. (Tags only separate
        # words and entities may make letters: only without entities.)
        joined = "\n".join(text for _, text in weighted).lower()
        if "&" not in joined and not any(start in joined for start in starts):
            weighted = []
        for path, weight in related_weights:
            weighted += [(weight, text) for text in related_texts[pk, path]]
        occurrences = {}
        for weight, text in weighted:
            counts = counted.get(text)
            if counts is None:
                counts = counted[text] = _counts(text, stems, starts, language)
            for word_stem, count in counts:
                occurrences.setdefault(word_stem, []).extend([weight] * count)
        if len(occurrences) == len(stems):
            # Rows alike (the same funder's name, nothing else) rank alike: each different rank is summed once.
            key = tuple((word_stem, tuple(found)) for word_stem, found in occurrences.items())
            rank = totals.get(key)
            if rank is None:
                rank = totals[key] = _total(occurrences)
            if rank:
                ranks[pk] = rank
    if not ranks:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=models.FloatField()))
    # One condition per distinct rank (matches tie often), rather than one per row.
    rows_by_rank = defaultdict(list)
    for pk, value in ranks.items():
        rows_by_rank[value].append(pk)
    rank = Case(
        *(When(pk__in=_keys(pks, word_starts), then=Value(value)) for value, pks in rows_by_rank.items()),
        output_field=models.FloatField(),
    )
    return queryset.filter(pk__in=_keys(ranks, word_starts)).annotate(search_rank=rank)


def _shown_text(model, names):
    if len(names) == 1:
        return Coalesce(F(names[0]), Value(""), output_field=models.TextField())
    return Coalesce(*(NullIf(F(name), Value("")) for name in names), Value(""), output_field=models.TextField())


def _related_json(model, path, names):
    """SQLite: the texts of a relation's rows as visitors read them (``names``: the columns of the related
    field, in the order of the language), as a JSON array in each row of ``model``."""
    related_model, back, _ = _relation(model, path)
    texts = (
        related_model._default_manager.filter(**{back: OuterRef("pk")})
        .order_by()
        .values(back)
        .annotate(texts=Func(_shown_text(related_model, names), function="json_group_array"))
        .values("texts")
    )
    return models.Subquery(texts, output_field=models.TextField())


def _column(model, name):
    return F(name)


def _narrowed(queryset, selected, conditions):
    """{pk: (values of the ``selected`` expressions)} of the rows of ``queryset`` that meet every one of
    ``conditions``; both are (sql, params) pairs that name the model's table.

    A QuerySet of the model's own table alone (as ``published()`` makes) is read with SQL written here:
    only its conditions are compiled, not a whole query, which cost more than running it.
    """
    query = queryset.query
    model = queryset.model
    table = model._meta.db_table
    simple = (
        set(query.alias_map) <= {table}
        and not (query.distinct or query.annotations or query.extra or query.combinator or query.is_sliced)
        and query.select_for_update is False
    )
    if not simple:
        condition = Q()
        for sql, params in conditions:
            condition &= Q(_compiled(sql, params, models.BooleanField()))
        texts = {f"_text_{i}": _compiled(sql, params, models.TextField()) for i, (sql, params) in enumerate(selected)}
        found = queryset.filter(condition).annotate(**texts)
        return {pk: values for pk, *values in _plain(found, "pk", *texts)}
    connection = connections[queryset.db]
    try:
        where, where_params = query.get_compiler(using=queryset.db).compile(query.where)
    except EmptyResultSet:
        return {}
    except FullResultSet:
        where, where_params = "", ()
    parts = [f"({where})"] if where else []
    parts += [f"({sql})" for sql, _ in conditions]
    # Names and compiled expressions only; what visitors type is a parameter.
    columns_sql = ", ".join(sql for sql, _ in selected)
    sql = (
        f"SELECT {_pk_column(model)}, {columns_sql} FROM {connection.ops.quote_name(table)} WHERE {' AND '.join(parts)}"  # noqa: S608, E501
    )
    params = [param for _, params in selected for param in params]
    params += [*where_params, *(param for _, params in conditions for param in params)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: values for pk, *values in cursor.fetchall()}


def _keys(keys, sqlite):
    """``keys`` for a ``__in`` condition: on SQLite one JSON parameter, which the database reads as a table,
    rather than a parameter per key that Django prepares one by one (and SQLite allows only so many of)."""
    if not sqlite:
        return list(keys)
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(keys))])  # noqa: S611 - one parameter


def _start(word_stem, language):
    """What every word whose stem can be ``word_stem`` starts with.

    Stems are the start of their word, except English stems whose ending was replaced ("countri" of
    "country", "relate" of "relational"): for those only the part before the replacement.
    """
    if language == "en":
        for replacement in ("ate", "i"):
            if word_stem.endswith(replacement) and len(word_stem) > len(replacement):
                return word_stem[: -len(replacement)]
    return word_stem


def _plain(queryset, *names, ordered=False):
    """The values of ``names`` in the rows of ``queryset``, unordered (unless ``ordered``), as tuples.

    Through Django's own QuerySet: the translation's QuerySet builds a dictionary for every row, which
    costs more than the search itself when many rows contain a word of the query.
    """
    plain = models.QuerySet(queryset.model, query=queryset.query.chain(), using=queryset.db)
    return plain.values_list(*names) if ordered else plain.order_by().values_list(*names)


def _starts_word(text, start):
    """Whether a word of ``text`` starts with ``start``: it is at the start or follows neither a letter nor a digit."""
    position = text.find(start)
    while position > 0 and text[position - 1].isalnum():
        position = text.find(start, position + 1)
    return position >= 0


_TAG = re.compile(r"<[^>]*>")


def _readable(text):
    """The words of a text as visitors read them, for ranking: tags separate words, entities are letters."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    return html.unescape(text) if "&" in text else text


def _first_text(values):
    return next((value for value in values if value), "")


def _counts(text, stems, starts, language):
    """How often each of ``stems`` occurs in ``text`` as (stem, count) pairs, in the order they first occur."""
    text = _readable(text).lower()
    # A word whose stem is one of ``stems`` starts with its start: most texts hold none, and are not split.
    if not any(start in text for start in starts):
        return ()
    counts = {}
    for word in words(text):
        for query_stem in _stems_found(word, stems, language):
            counts[query_stem] = counts.get(query_stem, 0) + 1
    return tuple(counts.items())


def _total(occurrences):
    """Like PostgreSQL's ts_rank, from the weights of each stem's occurrences: each occurrence counts by its
    field's weight, less and less as they repeat."""
    total = 0.0
    for found in occurrences.values():
        total += sum(weight / (n + 1) ** 2 for n, weight in enumerate(sorted(found, reverse=True)))
    # Rounded so that equal matches tie exactly and fall back to the usual order.
    return round(total, 6)
