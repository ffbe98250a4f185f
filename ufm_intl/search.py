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
from publishing.text_search import plain_text, query_stems, snippet
from ufm_intl.models import Initiative, Page

# Enough for any query a visitor types at the portal's size; more words narrow the search.
MAX_RESULTS = 50
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Kind:
    """How one kind of content is searched and shown in the results."""

    label: object
    search: object  # (query, language) -> QuerySet of published items, best first
    texts: object  # item -> the plain texts a snippet may come from, in order of preference
    fallback: object  # item -> what to show when no text contains the words (a title-only match)

    def label_for(self, item):
        return self.label(item) if callable(self.label) else self.label


def _names(items):
    return ", ".join(str(item) for item in items)


AGREEMENTS = Kind(
    label=_("Bilateral agreement"),
    search=lambda query, language: BilateralAgreement.objects.published().search_text(query, language).for_listing(),
    texts=lambda agreement: [
        agreement.summary,
        plain_text(agreement.description),
        _names(agreement.funding_partners.all()),
    ],
    fallback=lambda agreement: agreement.summary,
)
CENTRES = Kind(
    label=_("Innovation Centre"),
    search=lambda query, language: InnovationCentre.objects.published().search_text(query, language).with_related(),
    texts=lambda centre: [centre.summary, plain_text(centre.body), centre.city, _names(centre.focus_areas.all())],
    fallback=lambda centre: centre.summary,
)
CONTACTS = Kind(
    label=_("Contact person"),
    search=lambda query, language: ContactPerson.objects.published().search_text(query, language),
    texts=lambda person: [person.job_title, person.responsibilities],
    fallback=lambda person: " · ".join(part for part in (person.job_title, person.email, person.phone_display) if part),
)
INITIATIVES = Kind(
    label=lambda initiative: _("Programme") if initiative.kind == Initiative.Kind.PROGRAMME else _("Initiative"),
    search=lambda query, language: Initiative.objects.published().search_text(query, language),
    texts=lambda initiative: [initiative.summary, plain_text(initiative.body)],
    fallback=lambda initiative: initiative.summary,
)
PAGES = Kind(
    label=_("Page"),
    search=lambda query, language: Page.objects.published().search_text(query, language),
    texts=lambda page: [page.summary, plain_text(page.body)],
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
    results: list
    has_more: bool  # more than MAX_RESULTS matched; the best are in ``results``


def _result(kind, item, stems, language):
    text = None
    for candidate in kind.texts(item):
        text = snippet(" ".join((candidate or "").split()), stems, language, SNIPPET_WORDS)
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


def site_search(query, language):
    """The published content that matches ``query`` in ``language``, best first (see the module's docstring)."""
    stems = query_stems(query, language)
    country_agreements = list(BilateralAgreement.objects.published().search(query).for_listing()[:MAX_RESULTS])
    codes = list(dict.fromkeys(agreement.country.code for agreement in country_agreements))
    country_centres = sorted(
        InnovationCentre.objects.published().for_countries(codes).with_related() if codes else [],
        key=lambda centre: codes.index(centre.country.code),
    )
    first = [(AGREEMENTS, item) for item in country_agreements] + [(CENTRES, item) for item in country_centres]

    ranked = []
    has_more = False
    # Only stop words ("the", "og"): no text search, as PostgreSQL would find nothing either.
    for kind in KINDS if stems else []:
        items = list(kind.search(query, language)[: MAX_RESULTS + 1])
        has_more |= len(items) > MAX_RESULTS
        ranked += [(item.search_rank, kind, item) for item in items[:MAX_RESULTS]]
    # Stable: equal ranks keep the order of KINDS and each QuerySet's own order.
    ranked.sort(key=lambda entry: -entry[0])

    seen = set()
    results = []
    for kind, item in first + [(kind, item) for _rank, kind, item in ranked]:
        key = (type(item), item.pk)
        if key not in seen:
            seen.add(key)
            results.append(_result(kind, item, stems, language))
    has_more |= len(results) > MAX_RESULTS
    return Found(results=results[:MAX_RESULTS], has_more=has_more)
