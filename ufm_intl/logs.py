"""What goes into the logs: one key=value line per event, whatever a client sends.

- ``EscapingAccessLogger`` is gunicorn's logger with every value of an access-log line escaped, so
  that a request for ``/%0Atime=...`` cannot start a forged line and a quote cannot end a field;
  ``LineFormatter`` does the same for the messages of the application's own log lines.
- ``RefusedRequestsAreWarnings`` logs requests Django refuses as suspicious (a foreign Host header, a
  field the admin does not allow as a link) at WARNING: each one is answered 400 and needs no one's
  attention, unlike an ERROR.
"""

import logging

from gunicorn.glogging import Logger

# Control characters (C0, DEL, C1) and the line and paragraph separators: written as escapes, so that
# a value stays on its line.
_CONTROLS = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}
_CONTROLS.update({0x2028: "\\u2028", 0x2029: "\\u2029"})
# In a quoted field a backslash is escaped too; gunicorn escapes the quotes themselves.
_IN_QUOTES = _CONTROLS | {ord("\\"): "\\\\"}


def one_line(value):
    """``value`` with its control characters escaped: it cannot start another line."""
    return value.translate(_CONTROLS)


def escape(value):
    """A value as it may appear in a quoted field of an access-log line: printable and on one line."""
    return value.translate(_IN_QUOTES)


def _path_as_sent(environ):
    # WSGI gives the path as its bytes read as Latin-1; show non-ASCII paths as the UTF-8 they were.
    path = environ.get("PATH_INFO", "")
    try:
        return path.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return path


class EscapingAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = _path_as_sent(environ)
        return {key: escape(value) if isinstance(value, str) else value for key, value in atoms.items()}


class LineFormatter(logging.Formatter):
    """The application's log lines: one line per event.

    A message (a path, a user name) cannot start a line of its own, and a traceback is written on the
    event's line as ``exception="..."`` with its line breaks escaped, so that a log collector never
    takes its lines for events of their own.
    """

    def formatMessage(self, record):  # noqa: N802 - the name logging.Formatter gives it
        record.message = one_line(record.message)
        return super().formatMessage(record)

    def format(self, record):
        # The message is already on one line: what follows the first line break is the traceback
        # (or stack) that logging.Formatter appends.
        line, _break, details = super().format(record).partition("\n")
        if not details:
            return line
        quoted = escape(details).replace('"', '\\"')
        return f'{line} exception="{quoted}"'


class RefusedRequestsAreWarnings(logging.Filter):
    """Django logs a refused request (SuspiciousOperation) at ERROR, with a traceback: make it a warning."""

    def filter(self, record):
        if record.name.startswith("django.security.") and record.levelno > logging.WARNING:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
            # The message says what was refused; the traceback only shows where Django noticed.
            record.exc_info = None
            record.exc_text = None
        return True
