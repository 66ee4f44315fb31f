# Nepali: day, month, year
DATE_FORMAT = "j M Y"
DAY_FORMAT = "D, j M"
TIME_FORMAT = "G:i"
