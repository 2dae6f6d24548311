# The two commands of the README: `make run` and `make test`. Everything they need is installed
# here, on a fresh machine, from a clean clone.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export CSE_FORMS_ENV ?= development
# Debian packages: the PDF fonts for everyone; Chromium, poppler and LibreOffice (which prints
# the Word files for the page checks and the visual regression tests) for the tests.
RUN_DEBS := fonts-dejavu-core fonts-symbola fonts-wqy-zenhei
# The tests also run the service as it is deployed: nginx (with the module that clears the
# Server header) in front of gunicorn, over TLS (openssl makes the test certificate).
TEST_DEBS := $(RUN_DEBS) chromium chromium-driver poppler-utils nginx-light \
	libnginx-mod-http-headers-more-filter openssl libreoffice-writer-nogui

.PHONY: run serve test lint bench bench-http references install assets db debs-run debs-test clean

run: install assets debs-run db
	$(BIN)/flask --app app demo-accounts
	$(BIN)/flask --app app run --host 127.0.0.1 --port 5000

# Production: gunicorn (gunicorn.conf.py) on 127.0.0.1:8000, for nginx in front (deploy/).
# Needs SECRET_KEY, and DATABASE_URL for PostgreSQL (README: Production).
serve: export CSE_FORMS_ENV = production
serve: install assets debs-run db
	$(BIN)/gunicorn --config gunicorn.conf.py

# Two workers (this machine has 2 cores): the browser tests all in one, in order, the rest
# shared (tests/browser/conftest.py).
test: install assets debs-test
	$(BIN)/pytest -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: install assets debs-run
	$(BIN)/python -m bench

# Through HTTP, with gunicorn on loopback, beside the previous commit (bench/served.py).
bench-http: install assets debs-run
	$(BIN)/python -m bench --http

# After a deliberate change to how documents look: draw the pictures the visual regression
# tests compare with (tests/documents/references) anew. Look at them before committing them.
references: install debs-test
	$(BIN)/python -m tests.documents.visual

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

assets: static/assets/application.css static/assets/govuk-frontend.min.js static/assets/application.mjs

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/assets/application.css: assets/scss/application.scss node_modules/.installed
	mkdir -p static/assets
	npm run --silent build:css

static/assets/govuk-frontend.min.js: node_modules/.installed
	mkdir -p static/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $@

static/assets/application.mjs: assets/js/application.mjs
	mkdir -p static/assets
	cp $< $@

# Schema changes are Alembic migrations (migrations/), applied here and by `flask db upgrade`.
db: install
	$(BIN)/flask --app app db upgrade

# Install Debian packages only when something is missing (apt needs root, or sudo).
debs-run:
	@./tools/ensure-debs $(RUN_DEBS)

debs-test:
	@./tools/ensure-debs $(TEST_DEBS)

clean:
	rm -rf $(VENV) node_modules static
