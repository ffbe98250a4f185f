"""Which fields exist in English and Danish, and which models keep a history.

History is registered here, after the translated fields exist, so that each historical record keeps
both languages.
"""

from modeltranslation.translator import TranslationOptions, register

from publishing import registry
from ufm_intl.models import Initiative, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "known_problems")
    required_languages = ("en",)


@register(Initiative)
class InitiativeTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = ("en",)


registry.register(Page)
registry.register(Initiative, redirect_on_rename=True)
