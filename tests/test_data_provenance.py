"""Every record of the locations and contacts data files says where its facts
come from (`sources`) or why staff must check it (`unverified`)."""

import datetime
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

DATA_FILES = {
    "facilities/initial_data/locations.ja.toml": ("yearly_closures", "services", "locations"),
    "contacts/initial_data/contacts.ja.toml": ("inquiry_desks", "call_centres"),
}


def records():
    for path, tables in DATA_FILES.items():
        data = tomllib.loads((Path(settings.BASE_DIR) / path).read_text())
        for table in tables:
            for item in data[table]:
                name = item.get("key") or item.get("slug")
                yield f"{path}:{table}.{name}", item
                # Phone lines inherit their call centre's, unless they carry their own.
                for line in item.get("lines", []):
                    yield f"{path}:{table}.{name}.lines.{line['key']}", {**item, **line}


@pytest.mark.parametrize(
    ("name", "item"), list(records()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_record_has_sources_or_a_reason_to_check_it(name, item):
    sources = item.get("sources", [])
    reason = item.get("unverified", "").strip()
    assert sources or reason, f"{name} has neither sources nor an unverified reason"
    for source in sources:
        assert source["url"].startswith(("https://", "http://")), name
        assert source["title"].strip(), name
        assert isinstance(source["checked"], datetime.date), name


def test_no_record_offers_mynapoint_or_mykey_id_help():
    for name, item in records():
        offered = " ".join(
            str(item.get(field, "")) for field in ("name", "notes", "purpose", "label", "services")
        )
        offered += " ".join(str(thing) for thing in item.get("items_to_bring", []))
        for word in ("マイナポイント", "マイキー", "mynapoint", "mykey"):
            assert word not in offered.lower(), name
