"""What the admin's front page shows editors about agreements."""

from django import template

from agreements.models import EXPIRY_WARNING_DAYS, BilateralAgreement

register = template.Library()


@register.inclusion_tag("agreements/admin/expiring.html", takes_context=True)
def expiring_agreements(context):
    """The agreements whose "valid until" date falls within the next 90 days, for editors who may see them."""
    user = context["request"].user
    if not user.has_perm("agreements.view_bilateralagreement"):
        return {"agreements": []}
    return {"agreements": BilateralAgreement.objects.expiring_within(EXPIRY_WARNING_DAYS)}
