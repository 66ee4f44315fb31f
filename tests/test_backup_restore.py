"""Backup and restore, end to end: a site with staff edits, history,
translations, survey answers and an uploaded document is backed up
(`make backup`: dbbackup + mediabackup), its database and document storage
are emptied, and `make restore` brings every row, page and document back.

It runs the real commands in subprocesses against a PostgreSQL database of its
own (pg_dump/pg_restore cannot see a test transaction), whatever database the
rest of the suite uses."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SERVER = "postgresql://postgres@127.0.0.1:5432"

MAKE_EDITS = r"""
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinjuku_mynumber.settings")
django.setup()
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from pages.models import Block, Document, Section
from pages.survey.models import PageFeedback

from shinjuku_mynumber import versioning
editor = User.objects.create_user("editor", password="pw-0123456789", is_staff=True)
section = Section.objects.get(slug="privacy")
section.title_ja = "個人情報の保護（職員が編集）"
section.title_en = "Protection of personal information (edited by staff)"
section.save()
block = section.blocks.first()
block.text_ja = "<p>職員が書き直した段落です。</p>"
block.save()
pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
document = Document(section=section, key="backup-test", title="バックアップ試験の資料")
document.file.save("backup-test.pdf", ContentFile(pdf), save=False)
document.save()
versioning.snapshot(section, editor, "staff edit")
PageFeedback.objects.create(page="/sections/privacy/", language="ja", useful="yes",
                            comment="わかりやすい")
PageFeedback.objects.create(page="/", language="en", findable="hard")
"""


def _database(name: str, action: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        if action in ("drop", "recreate"):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action in ("create", "recreate"):
            connection.execute(f'CREATE DATABASE "{name}"')


@pytest.fixture
def site(tmp_path):
    """A site of its own: database, document folder and backup folder."""
    name = f"backup_test_{uuid.uuid4().hex[:8]}"
    _database(name, "create")
    env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{name}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "DEBUG": "0",
        "SECRET_KEY": "backup-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost",
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": "",
        "PYTHONPATH": str(BASE_DIR),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def run(*args, **kwargs):
        result = subprocess.run(
            args, cwd=BASE_DIR, env=env, capture_output=True, text=True, **kwargs
        )
        assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
        return result

    yield name, tmp_path, run
    _database(name, "drop")


def snapshot(run) -> dict:
    return json.loads(run(sys.executable, "tests/support/site_snapshot.py").stdout)


def test_restore_into_an_empty_database_and_storage_brings_everything_back(site):
    name, tmp_path, run = site
    python = sys.executable
    run(python, "manage.py", "migrate", "--no-input", "-v0")
    run(python, "manage.py", "load_initial_data", "-v0")
    run(python, "-c", MAKE_EDITS)
    before = snapshot(run)
    assert before["documents"], "the site under test holds a document"
    assert any(row["model"] == "survey.pagefeedback" for row in before["rows"])
    assert any(row["model"] == "reversion.version" for row in before["rows"])
    assert "職員が書き直した段落です。" in before["pages"]["/ja/sections/privacy/"][1]

    run("make", "--no-print-directory", "backup", f"PY={python}")

    _database(name, "recreate")
    for path in sorted((tmp_path / "media").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()

    run("make", "--no-print-directory", "restore", f"PY={python}")
    after = snapshot(run)

    assert after["documents"] == before["documents"]
    assert after["pages"] == before["pages"]
    assert after["rows"] == before["rows"]
