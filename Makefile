# Wegweiser: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
WW := $(VENV)/bin/wegweiser
PORT ?= 8000
DEV_ENV := WEGWEISER_DEBUG=1

.PHONY: run test bootstrap assets messages makemessages lint typecheck bench clean

## Install everything the project needs (idempotent and quick when nothing changed).
bootstrap: $(VENV)/.installed node_modules/.installed messages

$(VENV)/.installed: pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed

## Compile translations (.po → .mo); needs GNU gettext (msgfmt).
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt missing: apt-get install gettext"; exit 1; }
	$(DEV_ENV) $(WW) compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v 0

## Extract translatable strings into each app's own locale/ folder (only its existing languages).
makemessages: $(VENV)/.installed
	@for dir in wegweiser/*/ wegweiser/; do \
	  [ -d $$dir/locale ] || continue; \
	  langs=$$(for l in $$dir/locale/*/; do echo -n " -l $$(basename $$l)"; done); \
	  ignores=$$([ "$$dir" = wegweiser/ ] && for d in wegweiser/*/apps.py; do echo -n " --ignore=$$(basename $$(dirname $$d))/*"; done); \
	  (cd $$dir && $(DEV_ENV) $(CURDIR)/$(WW) makemessages $$langs --no-obsolete -v 0 $$ignores \
	    --ignore='tests/*' --ignore='*/tests/*' --ignore=testing.py --ignore=conftest.py); \
	done
	@$(VENV)/bin/python .ci/check_translations.py || echo "→ fill the new entries listed above"

## Serve the demo on http://127.0.0.1:$(PORT) with an SQLite database under var/.
run: bootstrap
	@# Field encryption of case data needs a key; development keeps one under var/ (never in git).
	@mkdir -p var && [ -n "$$WEGWEISER_FIELD_KEYS" ] || [ -s var/field-key.txt ] || \
	  (umask 077 && $(VENV)/bin/python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())" > var/field-key.txt)
	$(DEV_ENV) $(WW) migrate --noinput -v 0
	$(DEV_ENV) $(WW) demo
	$(DEV_ENV) $(WW) runserver 127.0.0.1:$(PORT)

## The whole test suite (browser tests included where Chromium is installed), on all cores.
PYTEST_WORKERS ?= auto
test: bootstrap
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check wegweiser $$([ -d bench ] && echo bench)
	$(VENV)/bin/ruff format --check wegweiser $$([ -d bench ] && echo bench)

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy wegweiser

bench: bootstrap
	$(VENV)/bin/python -m bench

clean:
	rm -rf $(VENV) node_modules var
