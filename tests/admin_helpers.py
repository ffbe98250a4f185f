def form_data(response):
    """The POST data an editor's browser would send for an admin form left as it was shown."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            value = ""
        if isinstance(value, (list, tuple)):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            widget_value = field.widget.format_value(value) if hasattr(field.widget, "format_value") else value
            data[name] = "" if widget_value is None else widget_value
    return data
