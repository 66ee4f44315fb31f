# やさしい日本語 (ja-easy): dates and times written out plainly, as the
# guidelines ask: 2026年12月1日, 12月1日（火曜日）, 午前9時30分, 午後5時,
# a time range as 午前9時から午後5時まで (no "17:00", no dash).
DATE_FORMAT = "Y年n月j日"
DAY_FORMAT = "n月j日（l）"
TIME_FORMAT = "G時i分"
# Read by shinjuku_mynumber/l10n.py (Django has no such formats).
TIME_WORDS = ("午前", "午後")
PERIOD_FORMAT = "{opens}から{closes}まで"
