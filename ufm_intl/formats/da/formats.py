"""Danish formats beside Django's own (django/conf/locale/da/formats.py), which are used for the rest."""

# A time is written "10.00" in Danish, as the admin's lists of items waiting for review give it: the
# messages of the forms and the history pages give it so too, rather than Django's "10:00".
TIME_FORMAT = "H.i"
DATETIME_FORMAT = r"j. F Y \k\l. H.i"

# Danes write a time "10.00" as often as "10:00": the admin's time boxes take both.
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M", "%H.%M", "%H.%M.%S"]
