from modeltranslation.translator import TranslationOptions, register

from contacts.models import ContactPerson
from publishing import registry


@register(ContactPerson)
class ContactPersonTranslationOptions(TranslationOptions):
    fields = ("job_title", "responsibilities")


registry.register(ContactPerson)
