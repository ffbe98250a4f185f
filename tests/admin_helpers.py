import re
from html.parser import HTMLParser

from django import forms


def changelist_columns(html):
    """The columns of an admin list as its header names them (``column-<name>``), left to right."""
    return re.findall(r'<th scope="col" class="[^"]*column-([^" ]+)', html)


def change_url(obj):
    """The address of ``obj``'s change form in the admin."""
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def delete_in_admin(client, obj):
    """Delete ``obj`` as its admin delete page does when its "Yes, I'm sure" is pressed."""
    url = change_url(obj).replace("/change/", "/delete/")
    assert client.post(url, {"post": "yes"}).status_code == 302


def page_text(response):
    """The page's HTML with each run of white space made one space, as its text reads."""
    return re.sub(r"\s+", " ", response.content.decode())


def form_data(response):
    """The POST data an editor's browser would send for an admin form left as it was shown, inlines included."""
    data = _fields_data(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        data |= _fields_data(formset.management_form)
        for form in formset.initial_forms:
            data |= _fields_data(form)
    return data


def shown_form_data(response):
    """The POST data a browser sends for the admin form the response shows, left as it is: read from the
    page itself, so a field the page does not draw is not sent (a stored file never is)."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    return {
        name: values if name in parser.multiple or len(values) > 1 else values[0]
        for name, values in parser.sent.items()
    }


class _FormParser(HTMLParser):
    """The successful controls of the page's first form whose id ends in "_form" (the admin's change form)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sent, self.multiple = {}, set()
        self.in_form = self.done = False
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and (attrs.get("id") or "").endswith("_form"):
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "reset", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.sent.setdefault(name, []).append(attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "select" and name:
            self.select = (name, [], None)
            if "multiple" in attrs:
                self.multiple.add(name)
            self.sent.setdefault(name, [])
        elif tag == "option" and self.select:
            name, chosen, first = self.select
            value = attrs.get("value", "")
            self.select = (name, chosen + ([value] if "selected" in attrs else []), value if first is None else first)
        elif tag == "textarea" and name:
            self.textarea = (name, [])

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "select" and self.select:
            name, chosen, first = self.select
            if name not in self.multiple and not chosen and first is not None:
                chosen = [first]  # a single choice with none marked shows, and sends, the first
            self.sent[name].extend(chosen)
            if not self.sent[name] and name not in self.multiple:
                del self.sent[name]
            self.select = None
        elif tag == "textarea" and self.textarea:
            name, parts = self.textarea
            self.sent.setdefault(name, []).append("".join(parts).removeprefix("\n"))
            self.textarea = None


def sweden_agreement_form(client):
    """The agreement add form, filled in for a new agreement with Sweden as an editor would."""
    data = form_data(client.get("/admin/agreements/bilateralagreement/add/"))
    data.update(
        title_en="Bilateral agreement with Sweden",
        title_da="Bilateral aftale med Sverige",
        slug_en="sweden",
        slug_da="sverige",
        country="SE",
        region="europe",
        summary_en="Research cooperation between Denmark and Sweden.",
        activities=[],
        funding_partners=[],
    )
    return data


def _fields_data(form):
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = getattr(field.widget, "widget", field.widget)
        if isinstance(widget, forms.MultiWidget):
            # A date and a time in boxes of their own: the browser sends each box under its own name.
            parts = value if isinstance(value, (list, tuple)) else widget.decompress(value)
            for suffix, box, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
                shown = box.format_value(part)
                data[key + suffix] = "" if shown is None else shown
            continue
        if value is None:
            value = ""
        if isinstance(value, (list, tuple)):
            data[key] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(field, forms.FileField):
            continue  # a stored file is kept when no new one is sent
        else:
            widget_value = field.widget.format_value(value) if hasattr(field.widget, "format_value") else value
            data[key] = "" if widget_value is None else widget_value
    return data


def assert_saving_unchanged_changes_nothing(client, url):
    """An admin form saved as it was shown is accepted and shows the same content afterwards."""
    shown = client.get(url)
    model = shown.context["adminform"].form._meta.model
    data = form_data(shown)

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    model_fields = {field.name for field in model._meta.get_fields()}
    content_before = {name: value for name, value in data.items() if name in model_fields}
    content_after = {name: value for name, value in form_data(client.get(url)).items() if name in model_fields}
    assert content_before
    assert content_after == content_before
