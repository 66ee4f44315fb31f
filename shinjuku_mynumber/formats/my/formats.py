# Burmese: numeric dates. Django translates only "Monday" into Burmese; its other
# weekday names would fall back to Japanese, so the names are given here (Monday first).
DATE_FORMAT = "j/n/Y"
DAY_FORMAT = "l, j/n"
TIME_FORMAT = "G:i"
WEEKDAY_NAMES = (
    "တနင်္လာနေ့",
    "အင်္ဂါနေ့",
    "ဗုဒ္ဓဟူးနေ့",
    "ကြာသပတေးနေ့",
    "သောကြာနေ့",
    "စနေနေ့",
    "တနင်္ဂနွေနေ့",
)
