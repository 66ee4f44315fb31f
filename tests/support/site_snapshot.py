"""Print, as JSON, what a backup must bring back: every row of every table
(content, translations, history, survey answers, users), the rendered pages and
each stored document's SHA-256. Run as a script against a site's database and
storage (tests/test_backup_restore.py compares two runs)."""

import hashlib
import io
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shinjuku_mynumber.settings")
django.setup()

from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from pages.models import Document, Section  # noqa: E402

rows = io.StringIO()
call_command("dumpdata", "--indent=0", "--exclude=sessions", stdout=rows)
client = Client(HTTP_HOST="localhost")
pages = {}
for slug in Section.objects.order_by("slug").values_list("slug", flat=True):
    for language in ("ja", "en"):
        url = f"/{language}/sections/{slug}/"
        response = client.get(url)
        pages[url] = [response.status_code, response.content.decode()]
documents = {}
for document in Document.objects.exclude(file=""):
    with default_storage.open(document.file.name) as fh:
        documents[document.file.name] = hashlib.sha256(fh.read()).hexdigest()
json.dump({"rows": json.loads(rows.getvalue()), "pages": pages, "documents": documents}, sys.stdout)
