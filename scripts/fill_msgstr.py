"""Fill in one message's translation in every catalogue: a small helper for
adding a new interface string by hand (`python scripts/fill_msgstr.py FILE.json`,
where the JSON maps msgid -> {locale: translation})."""

import json
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def fill(catalogue: polib.POFile, msgid: str, msgstr: str) -> bool:
    entry = catalogue.find(msgid)
    # Only an empty msgstr, or a fuzzy guess that makemessages carried over
    # from a similar string (never right as it stands).
    if entry is None or (entry.msgstr and not entry.fuzzy):
        return False
    entry.msgstr = msgstr
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
    return True


def main(spec_file: str) -> None:
    spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
    catalogues: dict[str, polib.POFile] = {}
    for msgid, translations in spec.items():
        for locale, msgstr in translations.items():
            if locale not in catalogues:
                catalogues[locale] = polib.pofile(LOCALE_DIR / locale / "LC_MESSAGES" / "django.po")
            if not fill(catalogues[locale], msgid, msgstr):
                print(f"not found or already translated: {locale}: {msgid[:40]}")
    # `make messages` afterwards re-wraps the catalogues as makemessages writes them.
    for catalogue in catalogues.values():
        catalogue.save()


if __name__ == "__main__":
    main(sys.argv[1])
