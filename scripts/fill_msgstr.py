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
    source = po_path.read_text(encoding="utf-8")
    entries = source.split("\n\n")
    for index, entry in enumerate(entries):
        # An empty msgstr, or a fuzzy guess that makemessages carried over
        # from a similar string (never right as it stands).
        fuzzy = "#, fuzzy" in entry
        pattern = r'^msgid ((?:".*"\n?)+)msgstr ' + (r'((?:".*"\n?)+)$' if fuzzy else r'""$')
        match = re.search(pattern, entry, re.MULTILINE)
        if not match:
            continue
        lines = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))
        if json.loads('"' + "".join(lines) + '"') != msgid:
            continue
        # Drop the fuzzy flag, keeping any other (python-format) on its line.
        entry = entry.replace("#, fuzzy\n", "").replace("#, fuzzy, ", "#, ")
        entry = "\n".join(line for line in entry.split("\n") if not line.startswith("#|"))
        entries[index] = entry[: entry.rindex("msgstr ")] + f"msgstr {po_string(msgstr)}"
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
