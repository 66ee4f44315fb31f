"""Fill in one message's translation in every catalogue: a small helper for
adding a new interface string by hand (`python scripts/fill_msgstr.py FILE.json`,
where the JSON maps msgid -> {locale: translation})."""

import json
import re
import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def po_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def fill(po_path: Path, msgid: str, msgstr: str) -> bool:
    """Translate ``msgid``: an empty entry, or one makemessages guessed (fuzzy)."""
    source = po_path.read_text(encoding="utf-8")
    entries = source.split("\n\n")
    for index, entry in enumerate(entries):
        match = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)$', entry, re.MULTILINE)
        if not match:
            continue
        lines = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))
        if json.loads('"' + "".join(lines) + '"') != msgid:
            continue
        fuzzy = "#, fuzzy" in entry
        if match.group(2).strip() != '""' and not fuzzy:
            return False
        # A fuzzy guess goes, with the earlier msgid it was guessed from.
        kept = [
            line
            for line in entry[: match.start()].splitlines()
            if not line.startswith("#|") and line != "#, fuzzy"
        ]
        kept = [line.replace("#, fuzzy, ", "#, ") for line in kept]
        head = "\n".join(kept) + ("\n" if kept else "")
        entries[index] = head + f"msgid {match.group(1)}msgstr {po_string(msgstr)}"
        po_path.write_text("\n\n".join(entries), encoding="utf-8")
        return True
    return False


def main(spec_file: str) -> None:
    spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
    for msgid, translations in spec.items():
        for locale, msgstr in translations.items():
            po_path = LOCALE_DIR / locale / "LC_MESSAGES" / "django.po"
            if not fill(po_path, msgid, msgstr):
                print(f"not found or already translated: {locale}: {msgid[:40]}")


if __name__ == "__main__":
    main(sys.argv[1])
