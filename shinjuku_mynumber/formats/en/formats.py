# English: 1 Dec 2026, Tue 1 Dec
DATE_FORMAT = "j M Y"
DAY_FORMAT = "D j M"
TIME_FORMAT = "G:i"
