from modeltranslation.translator import TranslationOptions, register

from agreements.models import Activity, AgreementDocument, BilateralAgreement, CountryAlias, FundingPartner
from publishing import registry


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
    fields = ("title", "slug", "summary", "description")
    required_languages = ("en",)


@register(AgreementDocument)
class AgreementDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


registry.register(FundingPartner)
registry.register(Activity)
registry.register(CountryAlias)
registry.register(
    BilateralAgreement,
    m2m_fields=["activities", "funding_partners"],
    redirect_on_rename=True,
    # The status visitors see ("in force", "expired") follows these dates.
    date_fields=["in_force_from", "valid_until"],
)
registry.register(AgreementDocument)
