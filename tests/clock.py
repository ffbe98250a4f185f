"""Fixed moments for tests of scheduled publishing; the ``clock`` fixture (tests/conftest.py) starts before them."""

from datetime import datetime
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
NINE_FIFTY_NINE = datetime(2030, 5, 6, 9, 59, tzinfo=COPENHAGEN)
TEN = datetime(2030, 5, 6, 10, 0, tzinfo=COPENHAGEN)
