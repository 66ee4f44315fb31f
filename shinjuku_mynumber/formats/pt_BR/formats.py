# Brazilian Portuguese: 1 dez 2026, ter, 1 dez
DATE_FORMAT = "j M Y"
DAY_FORMAT = "D, j M"
TIME_FORMAT = "G:i"
