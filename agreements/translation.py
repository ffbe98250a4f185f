import simple_history
from modeltranslation.translator import TranslationOptions, register

from agreements.models import Activity, BilateralAgreement, CountryAlias, FundingPartner


@register(FundingPartner)
class FundingPartnerTranslationOptions(TranslationOptions):
    fields = ("name", "funds")
    required_languages = ("en",)


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(BilateralAgreement)
class BilateralAgreementTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("en",)


simple_history.register(FundingPartner, app="agreements")
simple_history.register(Activity, app="agreements")
simple_history.register(CountryAlias, app="agreements")
simple_history.register(BilateralAgreement, app="agreements", m2m_fields=["activities", "funding_partners"])
