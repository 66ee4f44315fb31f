"""Upgrades without loss: a database written by release 1.0 (the ward's
content loaded, then edited by staff, with history and survey answers:
tests/fixtures/release-1.0.sql.gz, a pg_dump) is upgraded the way a release
is deployed (`migrate`, then `load_initial_data`) and everything staff wrote
is still there, unchanged.

Like the backup test, it runs the real commands against a PostgreSQL database
of its own."""

import gzip
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
DUMP = Path(__file__).parent / "fixtures" / "release-1.0.sql.gz"

# What staff wrote in release 1.0, found by natural keys: (query, expected row).
STAFF_WROTE = [
    (
        "SELECT title_ja, summary_en FROM pages_section WHERE slug = 'privacy'",
        (
            "個人情報の保護（区職員が更新）",
            "Edited by ward staff: how your personal information is protected.",
        ),
    ),
    (
        "SELECT b.text_ja, b.text_vi FROM pages_block b JOIN pages_section s"
        " ON s.id = b.section_id WHERE s.slug = 'about' AND b.key = 'law'",
        (
            "<p>区職員が書き直した段落（リリース1.0）。</p>",
            "<p>Đoạn văn do nhân viên phường viết lại.</p>",
        ),
    ),
    ("SELECT count(*) FROM pages_listitem WHERE text_ko = '구청 직원이 고친 항목'", (1,)),
    (
        "SELECT url, label_ja FROM pages_link WHERE label_ja LIKE '%（職員が修正）'",
        (
            "https://www.digital.go.jp/policies/mynumber",
            "デジタル庁「マイナンバー制度」（職員が修正）",
        ),
    ),
    (
        "SELECT count(*) FROM facilities_location WHERE notes_ja = '職員メモ：入口は建物の北側です。'",
        (1,),
    ),
    (
        "SELECT count(*) FROM contacts_inquirydesk WHERE phone_note_ja = '直通（平日8時30分から17時）'",
        (1,),
    ),
    (
        "SELECT count(*) FROM contacts_callcentre"
        " WHERE purpose_en = 'Questions about the My Number system (edited by staff)'",
        (1,),
    ),
    ("SELECT count(*) FROM pages_notice WHERE title_ja LIKE '%（職員確認済み）'", (1,)),
    # The block staff deleted stays deleted: the loader does not bring it back.
    (
        "SELECT count(*) FROM pages_block b JOIN pages_section s ON s.id = b.section_id"
        " WHERE s.slug = 'benefits' AND b.key = 'exchange'",
        (0,),
    ),
]
# Rows that must come through byte for byte.
WHOLE_TABLES = [
    "SELECT page, language, useful, findable, comment, created FROM survey_pagefeedback ORDER BY id",
    "SELECT username, password, is_staff FROM auth_user ORDER BY id",
]
# Who changed what and why: the history staff see must survive the upgrade.
HISTORY = (
    "SELECT h.history_change_reason, u.username FROM pages_historicalsection h"
    " LEFT JOIN auth_user u ON u.id = h.history_user_id"
    " WHERE h.history_change_reason = '区職員による修正'"
)


def _admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def _rows(url, sql):
    with psycopg.connect(url) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture
def release_1_0_database():
    name = f"upgrade_test_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}"')
    url = f"{SERVER}/{name}"
    restore = subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", url],
        input=gzip.decompress(DUMP.read_bytes()),
        capture_output=True,
    )
    assert restore.returncode == 0, restore.stderr.decode()
    yield url
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_upgrading_a_release_1_0_database_keeps_what_staff_wrote(release_1_0_database, tmp_path):
    url = release_1_0_database
    for query, expected in STAFF_WROTE:
        assert _rows(url, query) == [expected], query  # the fixture is what we think it is
    whole_before = [_rows(url, sql) for sql in WHOLE_TABLES]
    assert _rows(url, HISTORY) == [("区職員による修正", "kuyakusho.editor")]

    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DEBUG": "0",
        "SECRET_KEY": "upgrade-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost",
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for command in (["migrate", "--no-input", "-v0"], ["load_initial_data", "-v0"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

    for query, expected in STAFF_WROTE:
        assert _rows(url, query) == [expected], query
    assert [_rows(url, sql) for sql in WHOLE_TABLES] == whole_before
    assert _rows(url, HISTORY) == [("区職員による修正", "kuyakusho.editor")]

    page = subprocess.run(
        [sys.executable, "-c", (
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
            " 'shinjuku_mynumber.settings'); django.setup();"
            "from django.test import Client;"
            "r = Client(HTTP_HOST='localhost').get('/ja/sections/privacy/');"
            "print(r.status_code); print(r.content.decode())"
        )],
        cwd=BASE_DIR, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert page.returncode == 0, page.stderr
    status, html = page.stdout.split("\n", 1)
    assert status == "200"
    assert "個人情報の保護（区職員が更新）" in html
