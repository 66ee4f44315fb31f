"""One date style per language (settings.FORMAT_MODULE_PATH).

Each language's module sets the plain date (DATE_FORMAT: "last updated",
key dates) and, in the same order of parts, the short date with its weekday
used in opening hours (DAY_FORMAT, read by shinjuku_mynumber/l10n.py).
Anything not set here comes from Django's own formats for the language.
"""
