"""Published content as files to download: CSV for spreadsheets, JSON for programs.

Each content app describes its file in its ``downloads.py``: the columns (stable English names, what
each means, how to get it from an item) and the items. Both files have the same columns, one row per
published item, in the language of the address (/en/ or /da/), and are cached like the pages.

- CSV: UTF-8 with a byte order mark (so spreadsheet programs read the Danish letters right), comma
  separated, a header row, lists separated by "; ", dates as YYYY-MM-DD, empty cells for no value.
- JSON: ``{"count": n, "results": [{column: value, ...}, ...]}``; lists are arrays, no value is null.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from publishing.cache import cache_public_page

# A spreadsheet runs a cell that starts with one of these as a formula; text an editor typed must not.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?[\d .]+$")


class BadDownloadRequest(ValueError):
    """A filter a visitor gave that cannot be applied; the message says why."""


@dataclass(frozen=True)
class Column:
    name: str  # stable English identifier, the same in both languages
    description: str  # what it holds, for the data page (translated)
    value: object  # (request, item) -> str, number, date, list of str, or None


@dataclass(frozen=True)
class Dataset:
    """One downloadable list: its title and list page for the data page, its columns, its views' URL names."""

    title: str
    list_url_name: str
    csv_url_name: str
    json_url_name: str
    filename: str
    columns: list
    note: str = ""  # anything more the data page should say about the file


def listed(description):
    """The description of a column that holds a list."""
    return format_lazy("{} ({}).", description, _("in CSV separated by “; ”"))


def page_url(request, item):
    """A column value: the item's page on this website, as a complete address."""
    return request.build_absolute_uri(item.get_absolute_url())


def _row(request, columns, item):
    return {column.name: column.value(request, item) for column in columns}


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(part) for part in value)
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    value = str(value)
    if value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        # Shown as typed, never run: a leading apostrophe makes spreadsheets treat the cell as text.
        value = "'" + value
    return value


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def csv_response(columns, rows, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(column.name for column in columns)
    for row in rows:
        writer.writerow(_csv_cell(row[column.name]) for column in columns)
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(rows, filename):
    data = {"count": len(rows), "results": [{name: _json_value(v) for name, v in row.items()} for row in rows]}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


def download_views(dataset, get_items):
    """The CSV and JSON views of ``dataset``; ``get_items(request)`` gives the items or raises BadDownloadRequest."""

    def rows(request):
        return [_row(request, dataset.columns, item) for item in get_items(request)]

    def filename():
        return f"{dataset.filename}-{translation.get_language()}"

    def as_csv(request):
        try:
            response = csv_response(dataset.columns, rows(request), filename())
        except BadDownloadRequest as error:
            return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
        response["Content-Language"] = translation.get_language()
        return response

    def as_json(request):
        try:
            response = json_response(rows(request), filename())
        except BadDownloadRequest as error:
            return JsonResponse({"error": str(error)}, status=400)
        response["Content-Language"] = translation.get_language()
        return response

    return cache_public_page(require_safe(as_csv)), cache_public_page(require_safe(as_json))
