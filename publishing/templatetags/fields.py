"""``{% select_field form.region %}``: a form's ``<select>`` written out in Python.

The same HTML as Django's ``Select`` widget (name, id, the attributes Django adds, the chosen option
marked ``selected``), without rendering a template per option, which made the filters the costliest
part of the agreements page.
"""

from django import forms, template
from django.utils.html import format_html, format_html_join

register = template.Library()


def _attributes(attrs):
    return format_html_join(
        "",
        "{}",
        (
            (format_html(' {}="{}"', name, value) if value is not True else format_html(" {}", name),)
            for name, value in attrs.items()
            if value is not False and value is not None
        ),
    )


@register.simple_tag
def select_field(bound_field):
    widget = bound_field.field.widget
    if type(widget) is not forms.Select:
        return bound_field.as_widget()
    attrs = bound_field.build_widget_attrs({}, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    context = widget.get_context(bound_field.html_name, bound_field.value(), attrs)["widget"]
    options = []
    for group_name, group_options, _index in context["optgroups"]:
        rendered = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((option["value"], _attributes(option["attrs"]), option["label"]) for option in group_options),
        )
        options.append(
            format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered) if group_name else rendered
        )
    return format_html(
        '<select name="{}"{}>{}</select>',
        context["name"],
        _attributes(context["attrs"]),
        format_html_join("", "{}", ((o,) for o in options)),
    )
