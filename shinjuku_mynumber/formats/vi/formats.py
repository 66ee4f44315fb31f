# Vietnamese: 1/12/2026, T3, 1/12
DATE_FORMAT = "j/n/Y"
DAY_FORMAT = "D, j/n"
TIME_FORMAT = "G:i"
