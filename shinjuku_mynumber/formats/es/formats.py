# Spanish: 1 dic 2026, mar 1 dic
DATE_FORMAT = "j M Y"
DAY_FORMAT = "D j M"
TIME_FORMAT = "G:i"
