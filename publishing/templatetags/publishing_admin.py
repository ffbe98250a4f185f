"""What the admin's front page shows about review and schedules (publishing/review.py)."""

from django import template

from publishing import review

register = template.Library()


@register.inclusion_tag("publishing/admin/review_queue.html", takes_context=True)
def review_queue(context):
    """The items waiting for review, oldest first, among those the user may see."""
    user = context["request"].user
    if not review.reviewed_models_visible_to(user):
        return {"shown": False}
    entries = review.queue_for(user)
    for entry in entries:
        entry.submitted_at_text = review.moment(entry.submitted_at)
    return {"shown": True, "entries": entries}


@register.inclusion_tag("publishing/admin/scheduled.html", takes_context=True)
def scheduled_content(context):
    """The published items that appear or disappear at a time still to come, soonest first."""
    user = context["request"].user
    if not review.reviewed_models_visible_to(user):
        return {"shown": False}
    entries = review.scheduled_for(user)
    for entry in entries:
        entry.at_text = review.moment(entry.at)
    return {"shown": True, "entries": entries}


@register.inclusion_tag("publishing/admin/deleted.html", takes_context=True)
def deleted_content(context):
    """The content deleted and not restored since, newest first, with links to the histories that restore it."""
    user = context["request"].user
    entries = review.deleted_for(user)
    if not entries:
        return {"shown": False}
    for entry in entries:
        entry.at_text = review.moment(entry.at)
    return {"shown": True, "entries": entries}
