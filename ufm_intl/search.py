"""The site-wide search: one query over agreements, Innovation Centres, contact persons, initiatives and pages.

Each kind of content is searched by its own QuerySet method (``search_text``, publishing/text_search.py)
in the page's language, and the results are merged by rank. When the query names a country (the
country search of the agreements page, publishing/country_search.py), that country's agreements come
first and its Innovation Centres next, whatever the text says: "Tyskland" finds the agreement with
Germany on the English page too.
"""

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from agreements.models import BilateralAgreement
from centres.models import InnovationCentre
from contacts.models import ContactPerson
from publishing.text_search import may_match, plain_text, query_stems, snippet, with_related
from ufm_intl.models import Initiative, Page

# Results per page, as on the lists; and how deep into the results a visitor may go: past that, more words
# narrow the search better than more pages (and each page means reading every result before it).
PAGE_SIZE = 20
MAX_PAGES = 10
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Kind:
    """How one kind of content is searched and shown in the results."""

    label: object
    search: object  # (query, language) -> QuerySet of published items, best first
    texts: tuple  # functions item -> a plain text (or Rich) a snippet may come from, in order of preference
    fallback: object  # item -> what to show when no text contains the words (a title-only match)

    def label_for(self, item):
        return self.label(item) if callable(self.label) else self.label


@dataclass(frozen=True)
class Rich:
    """A rich text (HTML) a snippet may come from: made plain only if it may hold a word of the query."""

    html: object  # item -> the rich text


def _names(items):
    return ", ".join(str(item) for item in items)


# The names a snippet may come from, read with the results rather than by a prefetch's query of their own.
def _agreements(queryset, language):
    return with_related(queryset, "funding_partners__name", language, "funding_partner_names")


def _centres(queryset, language):
    return with_related(queryset, "focus_areas__name", language, "focus_area_names")


AGREEMENTS = Kind(
    label=_("Bilateral agreement"),
    search=lambda query, language: _agreements(
        BilateralAgreement.objects.published().search_text(query, language), language
    ),
    texts=(
        lambda agreement: agreement.summary,
        Rich(lambda agreement: agreement.description),
        lambda agreement: _names(agreement.funding_partner_names),
    ),
    fallback=lambda agreement: agreement.summary,
)
CENTRES = Kind(
    label=_("Innovation Centre"),
    search=lambda query, language: _centres(
        InnovationCentre.objects.published().search_text(query, language), language
    ),
    texts=(
        lambda centre: centre.summary,
        Rich(lambda centre: centre.body),
        lambda centre: centre.city,
        lambda centre: _names(centre.focus_area_names),
    ),
    fallback=lambda centre: centre.summary,
)
CONTACTS = Kind(
    label=_("Contact person"),
    search=lambda query, language: ContactPerson.objects.published().search_text(query, language),
    texts=(lambda person: person.job_title, lambda person: person.responsibilities),
    fallback=lambda person: " · ".join(part for part in (person.job_title, person.email, person.phone_display) if part),
)
INITIATIVES = Kind(
    label=lambda initiative: _("Programme") if initiative.kind == Initiative.Kind.PROGRAMME else _("Initiative"),
    search=lambda query, language: Initiative.objects.published().search_text(query, language),
    texts=(lambda initiative: initiative.summary, Rich(lambda initiative: initiative.body)),
    fallback=lambda initiative: initiative.summary,
)
PAGES = Kind(
    label=_("Page"),
    search=lambda query, language: Page.objects.published().search_text(query, language),
    texts=(lambda page: page.summary, Rich(lambda page: page.body)),
    fallback=lambda page: page.summary,
)
KINDS = [AGREEMENTS, CENTRES, CONTACTS, INITIATIVES, PAGES]


@dataclass(frozen=True)
class Result:
    kind: str
    title: str  # escaped, with the matching words in <mark>
    url: str
    snippet: str  # likewise


@dataclass(frozen=True)
class Found:
    """A page of results. It reads like Django's ``Page`` where includes/pagination.html looks (``number``,
    ``has_next``, …), without the number of pages: the results past the next page are never read."""

    results: list  # the page's results
    number: int  # which page, from 1
    has_next: bool  # more results on the next page

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def first_number(self):
        """The number of the page's first result, counting from 1 over all pages."""
        return (self.number - 1) * PAGE_SIZE + 1

    @property
    def last_number(self):
        return self.first_number + len(self.results) - 1


def _result(kind, item, stems, language):
    text = None
    # One text at a time: most snippets come from the first, and the others (rich text made plain, related
    # names) need not be read.
    for text_of in kind.texts:
        if isinstance(text_of, Rich):
            value = text_of.html(item)
            # Parsing the HTML costs more than the rest of the snippet: only if a word may be there.
            if not may_match(value, stems, language):
                continue
            value = plain_text(value)
        else:
            value = text_of(item) or ""
        text = snippet(" ".join(value.split()), stems, language, SNIPPET_WORDS)
        if text:
            break
    if text is None:
        text = Truncator(" ".join((kind.fallback(item) or "").split())).words(SNIPPET_WORDS)
    title = str(item)
    return Result(
        kind=kind.label_for(item),
        title=snippet(title, stems, language, len(title)) or title,
        url=item.get_absolute_url(),
        snippet=text,
    )


def site_search(query, language, page=1):
    """Page ``page`` of the published content that matches ``query`` in ``language``, best first (see the
    module's docstring)."""
    # The results up to the end of the page, and one more to know whether there is a next page: the best
    # of all kinds together are among the best of each kind.
    wanted = page * PAGE_SIZE
    stems = query_stems(query, language)
    by_country = BilateralAgreement.objects.published().search(query)
    # Most queries name no country: then nothing to read (and no query to compile).
    country_agreements = [] if by_country.query.is_empty() else list(_agreements(by_country, language)[: wanted + 1])
    codes = list(dict.fromkeys(agreement.country.code for agreement in country_agreements))
    country_centres = sorted(
        _centres(InnovationCentre.objects.published().for_countries(codes), language) if codes else [],
        key=lambda centre: codes.index(centre.country.code),
    )
    first = [(AGREEMENTS, item) for item in country_agreements] + [(CENTRES, item) for item in country_centres]

    ranked = []
    # Only stop words ("the", "og"): no text search, as PostgreSQL would find nothing either.
    for kind in KINDS if stems else []:
        found = kind.search(query, language)
        # Nothing matched (known before any query): no need to compile one that would find nothing.
        items = [] if found.query.is_empty() else list(found[: wanted + 1])
        ranked += [(item.search_rank, kind, item) for item in items]
    # Stable: equal ranks keep the order of KINDS and each QuerySet's own order.
    ranked.sort(key=lambda entry: -entry[0])

    seen = set()
    shown = []
    for kind, item in first + [(kind, item) for _rank, kind, item in ranked]:
        key = (type(item), item.pk)
        if key not in seen:
            seen.add(key)
            shown.append((kind, item))
    # Snippets only for the results shown.
    results = [_result(kind, item, stems, language) for kind, item in shown[wanted - PAGE_SIZE : wanted]]
    return Found(results=results, number=page, has_next=len(shown) > wanted)
