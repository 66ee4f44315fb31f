# Korean: 2026년 12월 1일, 12월 1일 (화)
DATE_FORMAT = "Y년 n월 j일"
DAY_FORMAT = "n월 j일 (D)"
TIME_FORMAT = "G:i"
