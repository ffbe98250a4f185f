"""Danish formats beside Django's own (django/conf/locale/da/formats.py), which are used for the rest."""

# Danes write a time "10.00" as often as "10:00": the admin's time boxes take both.
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M", "%H.%M", "%H.%M.%S"]
