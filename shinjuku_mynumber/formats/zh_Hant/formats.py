# Traditional Chinese: 2026年12月1日, 12月1日(週二)
DATE_FORMAT = "Y年n月j日"
DAY_FORMAT = "n月j日(D)"
TIME_FORMAT = "G:i"
