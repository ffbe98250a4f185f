import simple_history
from modeltranslation.translator import TranslationOptions, register

from contacts.models import ContactPerson


@register(ContactPerson)
class ContactPersonTranslationOptions(TranslationOptions):
    fields = ("job_title", "responsibilities")


simple_history.register(ContactPerson, app="contacts")
