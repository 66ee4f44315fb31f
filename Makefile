# Two commands do all the set-up on a fresh machine with Python 3 and make:
#   make run    create .venv, migrate, load the initial content, serve :8000
#   make test   the whole test suite
# Other targets: lint, format, messages, check-migrations, validate, bench, lighthouse.

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# uv is found on PATH, or installed with pip into .tools/ on first use.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
# Django 6.1 needs Python 3.12+. Use one already installed (PATH or pyenv);
# where there is none, uv downloads a managed Python itself.
UV_PYTHON ?= $(shell scripts/find-python)
export UV_PYTHON
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test test-fast test-browser lint format messages compilemessages \
        check-migrations check-messages translation-status bench lighthouse clean \
        backup restore vnu validate

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

install: $(VENV)/.installed ## Create .venv with every dependency

# Compiled catalogues are committed (a fresh machine may have no msgfmt).
compilemessages: install
	DEBUG=1 $(MANAGE) compilemessages --ignore='.venv' --ignore='.tools'

run: install ## Migrate, load the initial content and serve http://127.0.0.1:$(PORT)
	DEBUG=$${DEBUG:-1} $(MANAGE) migrate --no-input
	DEBUG=$${DEBUG:-1} $(MANAGE) load_initial_data
	@echo
	@echo "  The site:  http://127.0.0.1:$(PORT)/"
	@echo "  Staff admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "  For a staff login run:  DEBUG=1 $(MANAGE) createsuperuser"
	@echo
	DEBUG=$${DEBUG:-1} $(MANAGE) runserver 127.0.0.1:$(PORT)

test: install vnu ## The whole test suite (browser tests need /usr/bin/chromium)
	$(PY) -m pytest

test-fast: install vnu ## Everything but the browser tests
	$(PY) -m pytest -m "not browser"

# The W3C Nu HTML Checker (needs npm and Java 11+), pinned, in git-ignored .tools/.
VNU_VERSION := 26.9.27
VNU_STAMP := .tools/vnu/.installed-$(VNU_VERSION)
$(VNU_STAMP):
	npm install --prefix .tools/vnu --no-save --no-audit --no-fund vnu-jar@$(VNU_VERSION)
	test -f .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
	@touch $@

vnu: $(VNU_STAMP)

validate: install vnu ## Check every public page in every language with the Nu HTML checker
	$(PY) -m pytest tests/test_html_validity.py -q

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Backups go to BACKUP_DIR (default backups/): the database (pg_dump on
# PostgreSQL) and every stored document, each as one compressed file.
backup: ## Back up the database and the uploaded documents into BACKUP_DIR
	$(MANAGE) dbbackup --compress --noinput
	$(MANAGE) mediabackup --compress --noinput

restore: ## Restore the latest backup in BACKUP_DIR (database and documents)
	$(MANAGE) dbrestore --uncompress --noinput
	$(MANAGE) mediarestore --uncompress --noinput

check-migrations: install ## Fail when a model change has no migration
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

# Interface catalogues (locale/content/ holds content translations, not gettext).
LOCALES := ja en zh_Hans zh_Hant ko vi ne my es pt_BR ja_Easy
MAKEMESSAGES := DEBUG=1 $(MANAGE) makemessages $(foreach l,$(LOCALES),-l $(l)) --no-obsolete \
	--no-location --ignore='.venv/*' --ignore='.tools/*' --ignore='staticfiles/*' --ignore='tests/*' \
	--ignore='bench/*'

messages: install ## Update the gettext catalogues in locale/
	$(MAKEMESSAGES)

check-messages: messages compilemessages ## Fail when a catalogue or its .mo is out of date
	git diff --exit-code -I '^"POT-Creation-Date' -- locale/

translation-status: install ## Share of content and interface translated, per language
	DEBUG=1 $(MANAGE) translation_status

bench: install ## Load-test gunicorn on PostgreSQL and print throughput ratios
	$(PY) bench/run.py

lighthouse: install ## Lighthouse scores for key pages (needs npm and Chromium)
	bash bench/lighthouse.sh

clean:
	rm -rf $(VENV) .tools staticfiles
