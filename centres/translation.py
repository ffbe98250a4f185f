from modeltranslation.translator import TranslationOptions, register

from centres.models import FocusArea, InnovationCentre
from publishing import registry


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(InnovationCentre)
class InnovationCentreTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "city", "summary", "body", "image_alt")
    required_languages = ("en",)


registry.register(FocusArea)
registry.register(InnovationCentre, m2m_fields=["focus_areas"], redirect_on_rename=True)
