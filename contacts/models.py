from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ufm_intl.models import EditorialModel
from ufm_intl.phone import PhoneNumberField, grouped


class ContactPerson(EditorialModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = PhoneNumberField(
        _("phone"),
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

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(phone="") | models.Q(phone__startswith="+"),
                name="contact_phone_is_e164",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contacts:list") + f"#{self.slug}"

    @property
    def phone_display(self):
        return grouped(self.phone) if self.phone else ""
