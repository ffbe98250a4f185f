"""The admin every content app builds on: both languages, history with restore, drafts, review before
publication (publishing/review.py) and schedules.

Content apps register their models with these classes; the only model registered here is the read-only
record of review requests."""

import re
from datetime import date, datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_list import _boolean_icon
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import Truncator, capfirst, format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from publishing import history, review
from publishing.change_notes import ChangeNoteAdminMixin
from publishing.country_search import countries_for_query, known_aliases
from publishing.history import translated_fields
from publishing.models import ChangeNote, ReviewRequest
from publishing.protection import in_use
from publishing.richtext import RichTextField
from publishing.scheduling import DateAndTimeField


class CountrySelectWidget(forms.Select):
    """The country list with type-to-find (the admin's own Select2, no extra downloads)."""

    class Media:
        css = {"screen": ["admin/css/vendor/select2/select2.css", "admin/css/autocomplete.css"]}
        js = [
            "admin/js/vendor/jquery/jquery.js",
            "admin/js/vendor/select2/select2.full.js",
            "admin/js/jquery.init.js",
            "publishing/admin-country-select.js",
        ]

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "country-select", **(attrs or {})}, choices)


class CountryNameSearchMixin:
    """The admin search also finds content by country name in either language ("Tyskland"), and by the
    other names editors keep for countries (``publishing.country_search.register_aliases``)."""

    def country_aliases(self):
        """(country code, alias) pairs the search also understands."""
        return known_aliases()

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            codes = countries_for_query(search_term, self.country_aliases())
            if codes:
                results = results | queryset.filter(country__in=codes)
        return results, may_have_duplicates


class InUseDeletionMixin:
    """The delete page lists the content that still uses the row, and refuses (publishing/protection.py)."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            for user in in_use(obj):
                protected.append(f"{user._meta.verbose_name.capitalize()}: {user}")
        return deleted, model_count, perms_needed, protected


def _rich_texts(model):
    """The names of ``model``'s translated rich texts (names are the same in both languages often, rightly)."""
    return [name for name in translated_fields(model) if isinstance(model._meta.get_field(name), RichTextField)]


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [("missing-da", _("Danish missing")), ("missing-en", _("English missing"))]
        if _rich_texts(model_admin.model):
            choices.append(("same", _("Same text in English and Danish")))
        return choices

    def queryset(self, request, queryset):
        if self.value() == "same":
            # A rich text the same in both languages: most likely one language's text in the other's box
            # (the translations marker says which field).
            condition = Q()
            for name in _rich_texts(queryset.model):
                condition |= Q(**{f"{name}_en": F(f"{name}_da")}) & ~Q(**{f"{name}_en": ""})
            return queryset.filter(condition) if condition else queryset.none()
        if self.value() not in ("missing-da", "missing-en"):
            return queryset
        language = self.value().removeprefix("missing-")
        condition = Q()
        for field in translated_fields(queryset.model):
            base = queryset.model._meta.get_field(field)
            if base.blank:
                continue
            condition |= Q(**{f"{field}_{language}__isnull": True}) | Q(**{f"{field}_{language}": ""})
        return queryset.filter(condition) if condition else queryset.none()


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Review overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        return queryset


class CountryFilter(admin.SimpleListFilter):
    """The countries the listed content has, by name in the editor's language, rather than all 250."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .prefetch_related(None)
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(((code, Country(code).name) for code in codes), key=lambda choice: choice[1].casefold())

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(country=self.value())
        return queryset


@admin.action(description=_("Mark the selected items as reviewed today"))
def mark_reviewed(modeladmin, request, queryset):
    count = 0
    for obj in queryset:
        # One save per object, so that each review is in the object's history.
        obj.last_reviewed_on = timezone.localdate()
        obj.save(update_fields=["last_reviewed_on", "updated_at"])
        count += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d item marked as reviewed.", "%(count)d items marked as reviewed.", count) % {"count": count},
        messages.SUCCESS,
    )


class ReviewStateFilter(admin.SimpleListFilter):
    """Items waiting for review, and published items with a "publish from" or "unpublish at" still to come."""

    title = _("review and schedule")
    parameter_name = "publishing"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for review")), ("scheduled", _("Scheduled"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(review.waiting_condition(queryset.model))
        if self.value() == "scheduled":
            return queryset.filter(review.scheduled_condition())
        return queryset


def _act_on_each(modeladmin, request, items, act, done_message, refused_label):
    """``act`` on each of ``items`` in a transaction of its own; says how many were done (``done_message``
    of the count) and, for each that a rule refused, why."""
    count, refused = 0, []
    for obj in items:
        try:
            with transaction.atomic(using=router.db_for_write(type(obj))):
                act(obj, user=request.user)
        except ValidationError as error:
            refused.append(format_html("{}: {}", obj, " ".join(error.messages)))
            continue
        count += 1
    if count or not refused:
        modeladmin.message_user(request, done_message(count), messages.SUCCESS)
    for problem in refused:
        modeladmin.message_user(request, format_html("{} {}", refused_label, problem), messages.ERROR)


@admin.action(description=_("Publish the selected items"), permissions=["publish"])
def publish_selected(modeladmin, request, queryset):
    _act_on_each(
        modeladmin,
        request,
        (obj for obj in queryset if not obj.is_published),
        review.publish,
        lambda count: ngettext("%(count)d item published.", "%(count)d items published.", count) % {"count": count},
        gettext("Not published:"),
    )


@admin.action(description=_("Unpublish the selected items"), permissions=["publish"])
def unpublish_selected(modeladmin, request, queryset):
    _act_on_each(
        modeladmin,
        request,
        queryset.filter(is_published=True),
        review.unpublish,
        lambda count: ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count) % {"count": count},
        gettext("Not unpublished:"),
    )


PUBLISHER_ACTIONS = ("publish_selected", "unpublish_selected")


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the editor"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_("What should be changed before the item is published."),
        error_messages={"required": _("Write a comment for the editor.")},
    )


class HistoryChangeFormatter(HistoricalRecordContextHelper):
    """Field differences as an editor reads them: choice labels, yes/no, text without markup, "—" for nothing."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value in (None, "", []):
            return "—"
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        if isinstance(value, date):
            return formats.localize(value)
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(field, RichTextField):
            return strip_tags(value)
        return value


VERSION_FIELD = "edited_version"


def _version_stamp(updated_at):
    return updated_at.isoformat() if updated_at else ""


def _read_stamp(stamp):
    try:
        return parse_datetime(stamp)
    except ValueError:
        return None


def _when(moment):
    """A moment as the form's messages give it: date and time apart, in the site's time zone."""
    moment = timezone.localtime(moment)
    return {"date": formats.date_format(moment, "DATE_FORMAT"), "time": formats.time_format(moment, "TIME_FORMAT")}


def _deleted_meanwhile(model, deletion):
    """What an editor is told of a part of the item (a document) that someone deleted after the form was
    opened, and that was left out of what the form saves."""
    details = {"item": model._meta.verbose_name, "name": deletion.instance, **_when(deletion.history_date)}
    author = history.author_of(deletion)
    if author:
        return _(
            "%(author)s deleted the %(item)s “%(name)s” on %(date)s at %(time)s, after you opened this form: "
            "it was left out. It can be restored from its history."
        ) % {"author": author, **details}
    return (
        _(
            "The %(item)s “%(name)s” was deleted on %(date)s at %(time)s, after you opened this form: it was left "
            "out. It can be restored from its history."
        )
        % details
    )


# The hidden field, in each inline row of a form saved after its object was deleted, that keeps the id the
# row had: the row is added anew under that id, with its stored file (a browser never sends a stored file
# back), or is the part's row again if someone created the object again meanwhile (``_squared_rows``).
WAS_ROW = "was_row"
_ROW_KEY = re.compile(r"^(?P<prefix>.+)-(?P<index>\d+)-(?P<name>[^-]+)$")


def _is_id(text):
    """Whether posted text can be a row's id: digits 0-9 (not "²"), within the database's range."""
    return text.isascii() and text.isdigit() and len(text) < 19


def _take_rows(data, files, prefix):
    """Take the inline rows under ``prefix`` out of the (mutable) ``data`` and ``files``: a list of
    (fields, uploads) in order, each a dict of value lists; None if the management data is broken."""
    try:
        count = min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 1000)
    except ValueError:
        return None  # the formset answers for its own broken management data
    rows = [({}, {}) for _index in range(count)]
    for sent, part in ((data, 0), (files, 1)):
        for key in list(sent):
            match = _ROW_KEY.match(key)
            if match and match["prefix"] == prefix and int(match["index"]) < count:
                rows[int(match["index"])][part][match["name"]] = sent.getlist(key)
                del sent[key]
    return rows


def _put_rows(data, files, prefix, rows, initial):
    """Put ``rows`` back into ``data`` and ``files``, numbered from 0; the first ``initial`` are saved rows."""
    for index, (fields, uploads) in enumerate(rows):
        for sent, part in ((data, fields), (files, uploads)):
            for name, values in part.items():
                sent.setlist(f"{prefix}-{index}-{name}", values)
    data[f"{prefix}-INITIAL_FORMS"], data[f"{prefix}-TOTAL_FORMS"] = str(initial), str(len(rows))


def _as_new_rows(data, files):
    """Posted data and files whose inline rows (an agreement's documents) are rows to add, since the rows
    they were saved as went with the deleted object. Each row keeps its old id in ``WAS_ROW``; the rows
    ticked for deletion are left out, and the others numbered again from 0."""
    data, files = data.copy(), files.copy()
    for key in [key for key in data if key.endswith("-INITIAL_FORMS")]:
        prefix = key.removesuffix("-INITIAL_FORMS")
        rows = _take_rows(data, files, prefix)
        if rows is None:
            continue
        kept = [row for row in rows if not row[0].get("DELETE", [""])[-1]]
        for fields, _uploads in kept:
            fields[WAS_ROW] = [(fields.pop("id", None) or [""])[-1] or (fields.get(WAS_ROW) or [""])[-1]]
            fields["id"] = [""]
        _put_rows(data, files, prefix, kept, initial=0)
    return data, files


def _deleted_part(inline_model, fk, parent, pk):
    """The history row recording that ``parent``'s part ``pk`` (a posted row id: an agreement's document)
    was deleted and is not there again; None for any other id."""
    deletion = history.deletion_of(inline_model, pk) if _is_id(pk) else None
    return deletion if deletion is not None and getattr(deletion, fk.attname) == parent.pk else None


def _squared_rows(data, files, prefix, inline_model, fk, parent):
    """The posted rows of ``parent``'s parts (an agreement's documents) squared with what was deleted, or
    created again, after the form was opened:

    - a saved row whose part someone deleted on its own is left out;
    - a row to add that was a part before (``WAS_ROW``: the form was shown again after its item was
      deleted) is that part's row again if the part is back (someone created the item again meanwhile),
      is added anew with its stored file if the part went with the item, and is left out if someone
      deleted the part on its own.

    Returns the data, the files, the initial values of the rows to add (their stored files) and the
    deletions (history rows) of the rows left out.
    """
    try:
        initial = int(data.get(f"{prefix}-INITIAL_FORMS", 0))
    except ValueError:
        return data, files, [], []
    data, files = data.copy(), files.copy()
    rows = _take_rows(data, files, prefix)
    if rows is None:
        return data, files, [], []
    file_fields = [field.name for field in inline_model._meta.fields if isinstance(field, models.FileField)]

    def part(pk):
        """("there", None), ("deleted with", deletion), ("deleted", deletion) or (None, None) for ``pk``."""
        if _is_id(pk) and inline_model._base_manager.filter(pk=pk, **{fk.attname: parent.pk}).exists():
            return "there", None
        deletion = _deleted_part(inline_model, fk, parent, pk)
        if deletion is None:
            return None, None
        return ("deleted with" if deletion.history_change_reason == history.DELETED_WITH else "deleted"), deletion

    saved, added, added_initial, left_out = [], [], [], []
    for index, (fields, uploads) in enumerate(rows):
        if index < initial:
            state, deletion = part((fields.get("id") or [""])[-1])
            if state in ("deleted", "deleted with"):
                left_out.append(deletion)
            else:
                saved.append((fields, uploads))
            continue
        state, deletion = part((fields.get(WAS_ROW) or [""])[-1])
        if state == "there":
            fields["id"] = fields[WAS_ROW]
            saved.append((fields, uploads))
        elif state == "deleted":
            left_out.append(deletion)
        else:
            added.append((fields, uploads))
            added_initial.append({name: getattr(deletion, name) for name in file_fields} if deletion else {})
    _put_rows(data, files, prefix, saved + added, initial=len(saved))
    return data, files, added_initial, sorted(left_out, key=lambda deletion: deletion.history_date)


class ContentAdminForm(forms.ModelForm):
    """A content form that will not save over a change someone else saved after it was opened.

    The form carries the object's ``updated_at`` as it was when the form was opened. If the object
    has been saved since, nothing is saved: the editor gets the form back with what they entered,
    the other editor's changes filled in where they had not touched a field, and a message saying
    who changed what and when. The form then carries the newer version, so saving again works.

    A restore form (simple-history's revert view) shows an earlier version, relations included.
    """

    edited_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The instance of a restore form is the earlier version, linked to its history row.
        self.restoring = getattr(self.instance, "_history", None)
        if self.restoring is not None:
            self.initial.update(history.relation_ids(self.restoring))
        saved = self._saved_version()
        if saved is None and self.restoring is not None and self._is_saved():
            # Restoring a deleted object: if someone creates it again meanwhile, saving the restore is
            # refused like any save over a newer change.
            deletion = history.deletion_of(type(self.instance), self.instance.pk)
            saved = deletion.history_date if deletion is not None else None
        self.initial[VERSION_FIELD] = _version_stamp(saved)

    def _is_saved(self):
        return self.instance.pk is not None and not self.instance._state.adding

    def _saved_version(self, lock=False):
        """The object's ``updated_at`` in the database (locking the row until the save, if asked)."""
        if not self._is_saved():
            return None
        if self.restoring is None and not lock:
            return self.instance.updated_at
        model = type(self.instance)
        rows = model._default_manager.filter(pk=self.instance.pk)
        if lock and transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            rows = rows.select_for_update()
        return rows.values_list("updated_at", flat=True).first()

    def clean(self):
        cleaned_data = super().clean()
        opened = self.data.get(self.add_prefix(VERSION_FIELD), "")
        deletion = getattr(self.instance, "deletion", None)
        if deletion is not None:
            # Someone deleted the object while this form was open (ContentAdmin.get_object): saving
            # creates it again, once the editor has been told and saves a second time.
            if _read_stamp(opened) != deletion.history_date:
                self._refuse_deleted(deletion)
            return cleaned_data
        # An empty version is a form from before versions were sent: there is nothing to compare.
        if opened and self._is_saved():
            saved = self._saved_version(lock=True)
            if saved is not None and _read_stamp(opened) != saved:
                self._refuse_conflict(_read_stamp(opened), saved)
        return cleaned_data

    def validate_unique(self):
        super().validate_unique()
        if self.restoring is None and getattr(self.instance, "deletion", None) is None:
            return
        # Restored or created again, an object is saved with the values of fields the form does not show
        # (read-only ones) too: they must still be unique, or the database would refuse the save.
        try:
            self.instance.validate_unique(exclude=list(self.fields))
        except ValidationError as error:
            self.add_error(None, [message for messages in error.message_dict.values() for message in messages])

    def _refuse_conflict(self, opened, saved):
        rows = self.instance.history.all()
        latest = rows.first()
        base = rows.filter(updated_at=opened).first() if opened else None
        if base is None and opened:
            # The form was opened (or refused) while the object was deleted; someone created it again since.
            base = rows.filter(history_type="-", history_date=opened).first()
        older = base or (latest.prev_record if latest else None)
        changed = history.changes_between(older, latest) if latest and older else []
        author = history.author_of(latest) if latest else None

        merged = base is not None
        if merged:
            self._merge(base, [name for name in changed if name in self.fields], author)
        self._show(VERSION_FIELD, _version_stamp(saved))

        details = {"author": author, **_when(latest.history_date if latest else saved)}
        if author:
            what = _("%(author)s saved a change on %(date)s at %(time)s, after you opened this form.") % details
        else:
            what = _("A change was saved on %(date)s at %(time)s, after you opened this form.") % details
        problems = [what]
        if changed:
            names = ", ".join(str(capfirst(self.instance._meta.get_field(name).verbose_name)) for name in changed)
            problems.append(_("Changed: %(fields)s.") % {"fields": names})
        if merged:
            problems.append(
                _(
                    "Nothing has been saved. Your changes are still in the form, and the other changes have "
                    "been filled in where you had not changed anything. Check the form and save again."
                )
            )
        else:
            problems.append(
                _(
                    "Nothing has been saved. What you entered is still in the form. "
                    "Compare it with the other changes and save again."
                )
            )
        raise ValidationError(problems, code="edit_conflict")

    def _refuse_deleted(self, deletion):
        self._show(VERSION_FIELD, _version_stamp(deletion.history_date))
        details = {"item": self.instance._meta.verbose_name, **_when(deletion.history_date)}
        author = history.author_of(deletion)
        if author:
            what = _("%(author)s deleted this %(item)s on %(date)s at %(time)s, after you opened this form.") % {
                "author": author,
                **details,
            }
        else:
            what = _("This %(item)s was deleted on %(date)s at %(time)s, after you opened this form.") % details
        raise ValidationError(
            [
                what,
                _(
                    "Nothing has been saved. What you entered is still in the form: save again to create it "
                    "anew, or leave this page to let the deletion stand."
                ),
            ],
            code="deleted",
        )

    def _merge(self, base, changed, author):
        """Fill in the other editor's changes where this editor kept the value the form opened with."""
        current = type(self.instance)._default_manager.get(pk=self.instance.pk)
        opened_values = self._values_of(base.instance, history.relation_ids(base))
        saved_values = self._values_of(current, {})
        for name in changed:
            field = self.fields[name]
            entered = self[name].data
            if not field.has_changed(opened_values[name], entered):
                self._show(name, saved_values[name])
            elif field.has_changed(saved_values[name], entered):
                shown = author or gettext("Someone else")
                self.add_error(
                    name,
                    _("%(author)s also changed this field, to “%(value)s”. The form shows your version.")
                    % {"author": shown, "value": self._readable(field, saved_values[name])},
                )

    def _values_of(self, instance, relations):
        """The form's initial values for ``instance``, with many-to-many values from ``relations`` if given."""
        values = {}
        for name in self.fields:
            try:
                model_field = instance._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if name in relations:
                values[name] = relations[name]
            elif model_field.many_to_many:
                values[name] = [related.pk for related in getattr(instance, name).all()]
            else:
                values[name] = model_field.value_from_object(instance)
        return values

    def _show(self, name, value):
        """Put ``value`` in the submitted data, so that the form shows it when it is displayed again."""
        field, key = self.fields[name], self.add_prefix(name)
        if not hasattr(self.data, "setlist"):
            return
        if not self.data._mutable:
            self.data = self.data.copy()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                self.data[key] = "on"
            else:
                self.data.pop(key, None)
            return
        widget = getattr(field.widget, "widget", field.widget)  # inside the admin's related-object wrapper
        if isinstance(widget, forms.MultiWidget):
            # A date and a time in boxes of their own ("publish from"): each box has its own key.
            parts = widget.decompress(field.prepare_value(value)) if value else [None] * len(widget.widgets)
            for suffix, box, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
                shown = box.format_value(part)
                self.data[key + suffix] = "" if shown is None else shown
            return
        shown = widget.format_value(field.prepare_value(value))
        if isinstance(shown, list):
            self.data.setlist(key, shown)
        else:
            self.data[key] = "" if shown is None else shown

    @staticmethod
    def _readable(field, value):
        if isinstance(field, forms.ModelMultipleChoiceField):
            return ", ".join(str(obj) for obj in field.queryset.filter(pk__in=value)) or "—"
        if isinstance(field, forms.ModelChoiceField):
            return str(field.queryset.filter(pk=value).first() or "—")
        if isinstance(field, forms.BooleanField):
            return gettext("Yes") if value else gettext("No")
        if isinstance(value, datetime):
            # As the form's date and time boxes show it: in the site's time zone.
            return formats.localize(timezone.localtime(value) if timezone.is_aware(value) else value)
        if isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value)) or "—"
        return Truncator(strip_tags(str(value or ""))).chars(200) or "—"


class VersionedIdInput(forms.HiddenInput):
    """A row's hidden id, followed by the version of the row the page was opened at and, in a form saved
    after its item was deleted, the id the row had (``WAS_ROW``).

    The admin draws only the id of each row besides its columns, on a list page and among an item's parts
    in its form (an agreement's documents); the version travels with it, so that a saved row is checked
    like a change form.
    """

    def __init__(self, form):
        super().__init__()
        self.form = form

    def render(self, name, value, attrs=None, renderer=None):
        carried = [
            (forms.HiddenInput().render(self.form.add_prefix(field), self.form[field].value()),)
            for field in (VERSION_FIELD, WAS_ROW)
            if field in self.form.fields
        ]
        return format_html("{}{}", super().render(name, value, attrs, renderer), format_html_join("", "{}", carried))


class ContentListRowForm(ContentAdminForm):
    """A row of a list page's editable columns (``list_editable``), or of an item's parts in its form
    (``VersionedInlineFormSet``), refused like a change form when someone else saved the row after the
    page was opened and this save would change it. A row left as it was is not saved."""

    def has_changed(self):
        return any(name != VERSION_FIELD for name in self.changed_data)

    def clean(self):
        if not self.has_changed():
            # A row left as it was is not saved: what others saved meanwhile stands.
            return forms.ModelForm.clean(self)
        return super().clean()


class VersionedListFormSet(forms.BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        if pk_name in form.fields and isinstance(form, ContentListRowForm):
            form.fields[pk_name].widget = VersionedIdInput(form)


class VersionedInlineFormSet(forms.BaseInlineFormSet):
    """An item's parts in its form (an agreement's documents), each row checked like a list row
    (``form = ContentListRowForm`` on the inline). What was deleted or created again meanwhile is squared
    with the rows before they are read (``VersionedAdmin.get_formset_kwargs``).

    A row added again after its item was deleted carries the id it had (``WAS_ROW``) and keeps it, so the
    part's history carries on.
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[WAS_ROW] = forms.CharField(widget=forms.HiddenInput, required=False)
        pk_name = self.model._meta.pk.name
        if pk_name in form.fields:
            form.fields[pk_name].widget = VersionedIdInput(form)

    def save_new(self, form, commit=True):
        obj = super().save_new(form, commit=False)
        was = form.cleaned_data.get(WAS_ROW) or ""
        if _deleted_part(self.model, self.fk, self.instance, was) is not None:
            obj.pk = int(was)  # a part of this item before, deleted and not there again
        if commit:
            obj.save()
            form.save_m2m()
        return obj


class IdsOnlyMixin:
    """An autocomplete picker that looks up only the chosen values that can be ids.

    A form posted with something else in the field (``attache=abc``) is refused by the form's own
    check ("Select a valid choice"); Django's widget would first pass the value to the database to
    show it again, and the page failed with a server error.
    """

    def optgroups(self, name, value, attr=None):
        remote_opts = self.field.remote_field.model._meta
        target = remote_opts.get_field(getattr(self.field.remote_field, "field_name", None) or remote_opts.pk.name)

        def is_id(chosen):
            try:
                target.run_validators(target.to_python(chosen))  # the validators: the database's range
            except ValidationError:
                return False
            return True

        return super().optgroups(name, [chosen for chosen in value if is_id(chosen)], attr)


class IdsOnlyAutocompleteSelect(IdsOnlyMixin, AutocompleteSelect):
    pass


class IdsOnlyAutocompleteSelectMultiple(IdsOnlyMixin, AutocompleteSelectMultiple):
    pass


def cell_with_note(value, *notes):
    """A list cell with what editors scan for first and, in quieter lines below it, what goes with it
    ("Germany" over "Europe"): fewer, fuller columns, so that a list fits a laptop screen."""
    lines = [note for note in notes if note not in (None, "")]
    return format_html(
        "{}{}",
        value if value not in (None, "") else "—",
        format_html_join("", '<span class="cell-note">{}</span>', ((note,) for note in lines)),
    )


# How many changes of an object's parts its history page lists.
RELATED_ROWS = 100


class VersionedAdmin(SimpleHistoryAdmin):
    """Admin for content with history and restore.

    Saving checks that nobody else saved the object since the form was opened (ContentAdminForm), and
    keeps what was typed when someone deleted the object meanwhile (``get_object``); each save,
    relations included, is one row in the history (publishing/history.py).
    """

    form = ContentAdminForm
    list_per_page = 50
    readonly_fields = ("last_modified_by", "updated_at", "created_at")
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.DateTimeField: {"form_class": DateAndTimeField},
    }
    object_history_template = "publishing/admin/object_history.html"
    object_history_list_template = "publishing/admin/object_history_list.html"
    object_history_form_template = "publishing/admin/object_history_form.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "country":
            kwargs["widget"] = CountrySelectWidget
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and hasattr(getattr(formfield, "widget", None), "widgets"):
            # The admin splits a date and time into two inputs that only the first label points at:
            # name each for screen readers ("Publish from: date").
            date_input, time_input = formfield.widget.widgets
            date_input.attrs["aria-label"] = format_lazy("{}: {}", capfirst(db_field.verbose_name), _("date"))
            time_input.attrs["aria-label"] = format_lazy("{}: {}", capfirst(db_field.verbose_name), _("time"))
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = IdsOnlyAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = IdsOnlyAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if VERSION_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *others = fieldsets
        return [(name, {**options, "fields": [*options["fields"], VERSION_FIELD]}), *others]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A form saved after someone else deleted its object is kept, not thrown away (get_object).
        request.saves_change_form = request.method == "POST" and object_id is not None
        with transaction.atomic(using=router.db_for_write(self.model)), history.one_row_per_save():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None or from_field is not None or not getattr(request, "saves_change_form", False):
            return obj
        deletion = history.deletion_of(self.model, object_id)
        if deletion is None:
            return None
        # Its inline rows are rows to add. (FILES has no setter on a WSGI request; Django keeps the parsed
        # files there.)
        request.POST, request._files = _as_new_rows(request.POST, request.FILES)
        # The object as it was deleted, to be saved again under its own id, with its history.
        obj = deletion.instance
        vars(obj).pop("_history", None)  # not a restore of an earlier version
        obj._state.adding = True
        obj.deletion = deletion
        return obj

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if (
            "data" not in kwargs
            or obj is None
            or obj.pk is None
            or not issubclass(inline.formset, VersionedInlineFormSet)
        ):
            return kwargs
        fk = next(
            field
            for field in inline.model._meta.fields
            if field.is_relation and field.related_model is self.model and inline.fk_name in (None, field.name)
        )
        kwargs["data"], kwargs["files"], kwargs["initial"], left_out = _squared_rows(
            kwargs["data"], kwargs["files"], prefix, inline.model, fk, obj
        )
        for deletion in left_out:
            self.message_user(request, _deleted_meanwhile(inline.model, deletion), messages.WARNING)
        return kwargs

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        deletion = history.deletion_of(self.model, unquote(object_id))
        if deletion is None:
            return super()._get_obj_does_not_exist_redirect(request, opts, object_id)
        details = {"item": opts.verbose_name, "name": deletion.instance, **_when(deletion.history_date)}
        author = history.author_of(deletion)
        if author:
            deleted = _("%(author)s deleted the %(item)s “%(name)s” on %(date)s at %(time)s: its history is below.")
            deleted %= {"author": author, **details}
        else:
            deleted = _("The %(item)s “%(name)s” was deleted on %(date)s at %(time)s: its history is below.") % details
        restore = _("Open a version to see it, and save it there to restore it.")
        self.message_user(request, f"{deleted} {restore}", messages.WARNING)
        return HttpResponseRedirect(review.admin_url(self.model, "history", unquote(object_id)))

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, **{"form": ContentListRowForm, **kwargs})

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, **{"formset": VersionedListFormSet, **kwargs})

    def changelist_view(self, request, extra_context=None):
        # A list needs the screen's width for its columns: the menu of content types is left out there
        # (it stays on the forms; the breadcrumbs and the index lead to the other lists).
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        if request.method == "POST" and self.list_editable and "_save" in request.POST:
            # The rows are checked and saved in one transaction, each save one history row.
            with transaction.atomic(using=router.db_for_write(self.model)), history.one_row_per_save():
                return super().changelist_view(request, extra_context)
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        recreating = getattr(obj, "deletion", None) is not None
        if getattr(request, "restoring_version", False):
            # What changed, publication included, is in the row's differences; why is the restore.
            obj._change_reason = review.RESTORED
        elif recreating:
            obj._change_reason = review.RECREATED
        created = obj.created_at
        super().save_model(request, obj, form, change)
        if recreating and obj.created_at != created:
            # Inserting it again set a new creation date: it keeps the one it had.
            type(obj)._base_manager.filter(pk=obj.pk).update(created_at=created)
            obj.created_at = created

    def log_change(self, request, obj, message):
        if getattr(obj, "deletion", None) is not None:
            return self.log_addition(request, obj, message)
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(obj, "deletion", None) is None:
            return super().response_change(request, obj)
        message = _("The %(name)s “%(obj)s” was created again.") % {"name": self.opts.verbose_name, "obj": obj}
        self.message_user(request, message, messages.SUCCESS)
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return self.response_post_save_change(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Restoring saves the object and then its relations: one transaction, one history row, which
        # says it was a restore (save_model).
        request.restoring_version = True
        with transaction.atomic(using=router.db_for_write(self.model)), history.one_row_per_save():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        rows = self.related_history(request, object_id)
        if rows is not None:
            rows = list(rows.select_related("history_user").order_by("-history_date", "-history_id")[:RELATED_ROWS])
            for row in rows:
                row.author = history.author_of(row)
                row.history_url = review.admin_url(row.instance_type, "history", row.id)
            extra_context = {
                "related_history": rows,
                "related_history_title": self.related_history_title,
                **(extra_context or {}),
            }
        return super().history_view(request, object_id, extra_context)

    # The parts of an object edited in its form that keep a history of their own (an agreement's
    # documents): their changes are listed on its history page, each with a link to its own history,
    # where an earlier version, or a deleted part, is restored.
    related_history_title = None

    def related_history(self, request, object_id):
        """The parts' history rows (a QuerySet of a history model), or None."""
        return None

    def history_view_title(self, request, obj):
        return _("Change history: %s") % obj

    def history_form_view_title(self, request, obj):
        return _("Revert %s") % obj

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryChangeFormatter(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each history row's author, and its differences from the row before it.

        Translated fields are listed per language ("Summary [en]"), not also under the untranslated
        name that mirrors the default language.
        """
        rows = list(historical_records)
        for newer, older in zip(rows, [*rows[1:], None], strict=True):
            newer.author = history.author_of(newer)
            reason = newer.history_change_reason
            if reason in (*review.CHANGE_REASONS, history.DELETED_WITH) or history.is_automatic_reason(reason):
                newer.history_change_reason = gettext(reason)
            if older is None:
                continue
            changes = history.differences(newer, older, foreign_keys_are_objs=foreign_keys_are_objs)
            helper = self.get_historical_record_context_helper(request, newer)
            newer.history_delta_changes = [helper.format_delta_change(change) for change in changes]

    def get_queryset(self, request):
        rows = self.model.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
        return super().get_queryset(request).annotate(last_editor=Subquery(rows.values("history_user__username")[:1]))

    @admin.display(description=_("last modified by"))
    def last_modified_by(self, obj):
        return getattr(obj, "last_editor", None) or "—"

    @admin.display(description=_("last modified"), ordering="updated_at")
    def last_modified(self, obj):
        # The date is kept on one line, so that a narrow column breaks between date and time.
        when = timezone.localtime(obj.updated_at)
        return format_html(
            '<span class="nowrap">{}</span> {}<br><span class="quiet">{}</span>',
            when.strftime("%Y-%m-%d"),
            when.strftime("%H:%M"),
            self.last_modified_by(obj),
        )


class ContentAdmin(VersionedAdmin, TranslationAdmin):
    """Admin for translated content: English and Danish next to each other, with history and restore."""

    readonly_fields = ("translation_status", *VersionedAdmin.readonly_fields)

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        missing = []
        for language, label in (("en", _("English")), ("da", _("Danish"))):
            for field in translated_fields(type(obj)):
                if type(obj)._meta.get_field(field).blank:
                    continue
                if not getattr(obj, f"{field}_{language}", None):
                    missing.append(label)
                    break
        # A text written out in both languages the same is most likely one language's text in the other's
        # box (names are not rich text): worth a translator's look.
        copied = []
        for name in _rich_texts(type(obj)):
            english = getattr(obj, f"{name}_en", None)
            if english and english == getattr(obj, f"{name}_da", None):
                copied.append(capfirst(type(obj)._meta.get_field(name).verbose_name))
        if not missing and not copied:
            return format_html('<span class="translation-complete">{}</span>', _("English and Danish"))
        return format_html_join(
            " ",
            '<strong class="translation-missing">{}</strong>',
            [
                *((format_lazy("{} {}", label, _("missing")),) for label in missing),
                *((_("%(field)s: the same text in English and Danish") % {"field": field},) for field in copied),
            ],
        )


class EditorialAdminForm(ContentAdminForm):
    """A content form whose published state and schedule stay as they are for those who may not publish.

    The fields are read-only on such a form; the instance is set to the saved state (a new item: a
    draft) before it is checked, so that a crafted request or a restored version cannot change them
    and the checks see what will be saved.
    """

    keeps_publishing_state = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.keeps_publishing_state:
            review.keep_publishing_state(self.instance)

    def _get_validation_exclusions(self):
        excluded = super()._get_validation_exclusions()
        if self.keeps_publishing_state:
            # Read-only here, but still what the rules depend on (one published agreement per country and
            # scope): they are checked with the saved state.
            excluded -= set(review.PUBLISHING_FIELDS)
        return excluded


class EditorialAdmin(ChangeNoteAdminMixin, ContentAdmin):
    """Content with a published state, a schedule and a review date, published after review.

    New items start as drafts. Publishers (``publishing.publish_content``) publish, unpublish and
    schedule; "Save and publish" saves and makes a draft public in one step. Editors who may not
    publish see those fields read-only and "Submit for review" instead (publishing/review.py).
    """

    form = EditorialAdminForm
    change_form_template = "publishing/admin/editorial_change_form.html"
    actions = [mark_reviewed, publish_selected, unpublish_selected]
    review_fieldset = (
        _("Publishing"),
        {
            "fields": (
                "is_published",
                "publish_from",
                "unpublish_at",
                "last_reviewed_on",
                "translation_status",
                "updated_at",
                "last_modified_by",
            )
        },
    )

    def get_changeform_initial_data(self, request):
        # The model's default is published; in the admin an item stays a draft until someone publishes it.
        return {"is_published": False, **super().get_changeform_initial_data(request)}

    def has_publish_permission(self, request, obj=None):
        """Whether the user may make ``obj`` (or new or listed items) public, take it off the site or schedule it."""
        if not review.may_publish(request.user):
            return False
        if self.has_change_permission(request, obj):
            return True
        return obj is None and self.has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if review.may_publish(request.user):
            return fields
        return fields + tuple(name for name in review.PUBLISHING_FIELDS if name not in fields)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if review.may_publish(request.user):
            return form
        return type(form.__name__, (form,), {"keeps_publishing_state": True})

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if ReviewStateFilter not in filters:
            position = filters.index("is_published") + 1 if "is_published" in filters else len(filters)
            filters.insert(position, ReviewStateFilter)
        return filters

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(is_waiting_for_review=review.waiting_condition(self.model))

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_send_back"
        return [
            path("<path:object_id>/send-back/", self.admin_site.admin_view(self.send_back_view), name=name),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if (
            request.method == "POST"
            and request.POST.get("action") in PUBLISHER_ACTIONS
            and not self.has_publish_permission(request)
        ):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and "_publish" in request.POST:
            obj = self.get_object(request, unquote(object_id)) if object_id else None
            if self.has_publish_permission(request, obj):
                # As if the box were ticked, so that the form checks what publishing requires.
                request.POST = request.POST.copy()
                request.POST["is_published"] = "on"
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        was_published = review.is_published_in_database(obj)
        submitting = publishing = False
        if review.may_publish(request.user):
            publishing = obj.is_published and not was_published
            if publishing:
                obj._change_reason = review.PUBLISHED
            elif was_published and not obj.is_published:
                obj._change_reason = review.UNPUBLISHED
        else:
            review.keep_publishing_state(obj)
            submitting = "_submit_for_review" in request.POST and not obj.is_published
            if submitting:
                obj._change_reason = review.SUBMITTED
        super().save_model(request, obj, form, change)
        if publishing:
            review.published(obj, user=request.user)
        if submitting:
            review.submit(obj, user=request.user)
            self.message_user(
                request,
                format_html(
                    gettext("“{}” is waiting for review. A publisher publishes it or sends it back to you."), obj
                ),
                messages.SUCCESS,
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        is_draft = obj is None or not review.is_published_in_database(obj)
        waiting = review.waiting_request(obj)
        may_edit = self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        may_publish = self.has_publish_permission(request, obj)
        context["show_save_and_publish"] = is_draft and may_publish
        context["show_submit_for_review"] = (
            is_draft and may_edit and waiting is None and not review.may_publish(request.user)
        )
        context["review_request"] = waiting
        context["review_sent_back"] = None if waiting else review.last_sent_back(obj)
        context["may_publish"] = may_publish
        if waiting is not None:
            context["review_submitted_by"] = review.person(waiting.requested_by)
            context["review_submitted_at"] = review.moment(waiting.requested_at)
            if may_publish:
                context["send_back_url"] = reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_send_back", args=[obj.pk]
                )
        elif context["review_sent_back"] is not None:
            answer = context["review_sent_back"]
            context["review_answered_by"] = review.person(answer.resolved_by)
            context["review_answered_at"] = review.moment(answer.resolved_at)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def send_back_view(self, request, object_id):
        """A publisher sends an item waiting for review back to its editor, with a comment."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_publish_permission(request, obj):
            raise PermissionDenied
        waiting = review.waiting_request(obj)
        form = SendBackForm(request.POST if request.method == "POST" else None)
        if waiting is not None and form.is_bound and form.is_valid():
            review.send_back(obj, user=request.user, comment=form.cleaned_data["comment"])
            self.message_user(
                request,
                format_html(
                    gettext("“{}” was sent back to {} with your comment."), obj, review.person(waiting.requested_by)
                ),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send back for changes"),
            "subtitle": str(obj),
            "opts": self.opts,
            "object": obj,
            "form": form,
            "review_request": waiting,
            "review_submitted_by": review.person(waiting.requested_by) if waiting else None,
            "review_submitted_at": review.moment(waiting.requested_at) if waiting else None,
            "change_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]),
        }
        return TemplateResponse(request, "publishing/admin/send_back.html", context)

    @admin.display(description=_("published"), ordering="is_published")
    def published(self, obj):
        """Published or not, with what is still to come: "Scheduled from …", "Until …", "Waiting for review"."""
        now = timezone.now()
        notes = []
        if obj.is_published and obj.publish_from and obj.publish_from > now:
            notes.append(gettext("Scheduled from %(time)s") % {"time": review.moment(obj.publish_from)})
        if obj.is_published and obj.unpublish_at and obj.unpublish_at > now:
            notes.append(gettext("Until %(time)s") % {"time": review.moment(obj.unpublish_at)})
        if getattr(obj, "is_waiting_for_review", False):
            notes.append(gettext("Waiting for review"))
        if not notes:
            return _boolean_icon(obj.is_published)
        return format_html(
            '{} <span class="publishing-state">{}</span>',
            _boolean_icon(obj.is_published),
            format_html_join(" · ", "{}", ((note,) for note in notes)),
        )


class OrderedTermAdmin(InUseDeletionMixin, ContentAdmin):
    """Admin for the terms content is tagged with (publishing.models.OrderedTerm)."""

    list_display = ("name", "slug", "position", "translation_status", "last_modified")
    list_filter = (MissingTranslationFilter,)
    list_editable = ("position",)
    search_fields = ("name_en", "name_da")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "position", "translation_status", "updated_at", "last_modified_by")


@admin.register(ChangeNote)
class ChangeNoteAdmin(VersionedAdmin):
    list_display = ("note", "content", "content_type", "published_at", "created_by")
    list_filter = ("content_type", "published_at")
    list_select_related = ("content_type", "created_by")
    search_fields = ("note_en", "note_da")
    fields = ("note_en", "note_da", "published_at", "content", "created_by", "created_at", "updated_at")
    readonly_fields = ("content", "created_by", "created_at", "updated_at")
    date_hierarchy = "published_at"

    @admin.display(description=_("change note"))
    def note(self, obj):
        return obj.text

    @admin.display(description=_("item"))
    def content(self, obj):
        return obj.item

    def has_add_permission(self, request):
        # A note belongs to an item: it is written on the item's change form.
        return False


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    """The record of review: who submitted what and when, and who published it or sent it back. Read-only."""

    list_display = ("content", "content_type", "requested_by", "requested_at", "outcome", "resolved_by", "resolved_at")
    list_filter = ("outcome", "content_type")
    list_select_related = ("content_type", "requested_by", "resolved_by")
    search_fields = ("comment", "requested_by__username", "resolved_by__username")
    fields = list_display + ("comment",)
    readonly_fields = fields
    date_hierarchy = "requested_at"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("item")

    @admin.display(description=_("item"))
    def content(self, obj):
        return obj.item

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
