"""scripts/fill_msgstr.py fills empty and fuzzy translations and leaves real ones."""

import importlib.util
import json
from pathlib import Path

import polib

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fill_msgstr.py"
CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Empty"
msgstr ""

#, fuzzy, python-format
#| msgid "Old %(n)s"
msgid "Guess %(n)s"
msgstr "推測 %(n)s"

msgid "Done"
msgstr "済み"
"""


def test_fills_empty_and_fuzzy_entries_only(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("fill_msgstr", SCRIPT)
    fill_msgstr = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill_msgstr)
    po_path = tmp_path / "ja" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    po_path.write_text(CATALOGUE, encoding="utf-8")
    pending = tmp_path / "pending.json"
    pending.write_text(
        json.dumps(
            {
                "Empty": {"ja": "空"},
                "Guess %(n)s": {"ja": "確定 %(n)s"},
                "Done": {"ja": "上書き"},
                "Missing": {"ja": "無い"},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(fill_msgstr, "LOCALE_DIR", tmp_path)
    fill_msgstr.main(str(pending))

    catalogue = polib.pofile(str(po_path))
    assert catalogue.find("Empty").msgstr == "空"
    guess = catalogue.find("Guess %(n)s")
    assert guess.msgstr == "確定 %(n)s"
    assert guess.flags == ["python-format"] and guess.previous_msgid is None
    assert catalogue.find("Done").msgstr == "済み"
    printed = capsys.readouterr().out
    assert "ja: Done" in printed and "ja: Missing" in printed
