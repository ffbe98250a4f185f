import functools

import phonenumbers
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from publishing import text_search
from publishing.addresses import item_url
from publishing.models import EditorialModel, EditorialQuerySet


@functools.lru_cache(maxsize=1024)
def _formatted(parts, number_format):
    # phonenumbers formats through regular expressions of its metadata: costly on every page that
    # shows a contact card, and always the same for the same number.
    country_code, national_number, extension, italian_leading_zero, leading_zeros = parts
    number = phonenumbers.PhoneNumber(
        country_code=country_code,
        national_number=national_number,
        extension=extension,
        italian_leading_zero=italian_leading_zero,
        number_of_leading_zeros=leading_zeros,
    )
    return phonenumbers.format_number(number, number_format)


def _formatted_phone(phone, number_format):
    parts = (
        phone.country_code,
        phone.national_number,
        phone.extension,
        phone.italian_leading_zero,
        phone.number_of_leading_zeros,
    )
    return _formatted(parts, number_format)


class ContactPersonQuerySet(EditorialQuerySet):
    def search_text(self, query, language):
        """Contact persons whose name, job title or responsibilities contain every word of the query, as
        visitors of ``language`` read them, best match first (publishing/text_search.py)."""
        return text_search.search(
            self, query, language, fields={"name": "A", "job_title": "B", "responsibilities": "C"}
        )


class ContactPerson(EditorialModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = PhoneNumberField(
        _("phone"),
        max_length=20,
        blank=True,
        help_text=_("Any common format; it is stored as +4572318213 and shown as +45 72 31 82 13."),
    )
    email = models.EmailField(_("email"), blank=True)
    responsibilities = models.TextField(
        _("answers questions about"),
        blank=True,
        help_text=_("What visitors can contact this person about."),
    )
    position = models.PositiveSmallIntegerField(_("display order"), default=0, help_text=_("Lower comes first."))

    objects = ContactPersonQuerySet.as_manager()

    class Meta(EditorialModel.Meta):
        ordering = ["position", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            *EditorialModel.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(phone="") | models.Q(phone__startswith="+"),
                name="contact_phone_is_e164",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return item_url("contacts:list") + f"#{self.slug}"

    @property
    def phone_display(self):
        """The number grouped for reading, as people write it: +45 72 31 82 13."""
        return _formatted_phone(self.phone, phonenumbers.PhoneNumberFormat.INTERNATIONAL) if self.phone else ""

    @property
    def phone_e164(self):
        """The number for machines (tel: links, vCards, the API): +4572318213."""
        return _formatted_phone(self.phone, phonenumbers.PhoneNumberFormat.E164) if self.phone else ""
