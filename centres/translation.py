import simple_history
from modeltranslation.translator import TranslationOptions, register

from centres.models import FocusArea, InnovationCentre


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(InnovationCentre)
class InnovationCentreTranslationOptions(TranslationOptions):
    fields = ("name", "city", "summary", "body")
    required_languages = ("en",)


simple_history.register(FocusArea, app="centres")
simple_history.register(InnovationCentre, app="centres", m2m_fields=["focus_areas"])
