# Partnerwerk: the two commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/partnerwerk

.PHONY: run test test-sqlite test-postgres check lint format migrations-check imports-check setup db clean browser pdf-libraries

# The environment is rebuilt only when pyproject.toml changes, so a second run is fast.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: $(PYTHON) not found (set PYTHON=...)." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Front-end packages come from the npm registry (package-lock.json) and are copied into
# partnerwerk/static/vendor/; nothing is loaded from a CDN.
VENDOR := partnerwerk/static/vendor/.copied
$(VENDOR): package.json package-lock.json bin/copy-vendor.mjs
	@command -v npm >/dev/null || { echo "Node.js with npm is needed for the front-end packages." >&2; exit 1; }
	npm ci --no-audit --no-fund --silent
	npm run --silent vendor
	touch $(VENDOR)

# Browser tests use Debian's chromium (never a downloaded browser).
CHROMIUM := $(shell command -v chromium 2>/dev/null)
browser:
ifeq ($(CHROMIUM),)
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing chromium from Debian's packages"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Browser tests need Debian's chromium: apt-get install chromium" >&2; exit 1; fi
endif

# PDFs (WeasyPrint) need Debian's Pango and fonts; installed when missing and running as root.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
PDF_INSTALLED := $(shell dpkg-query -W -f='$${db:Status-Status} $${Package}\n' $(PDF_PACKAGES) 2>/dev/null | grep -c '^installed')
pdf-libraries:
ifneq ($(PDF_INSTALLED),3)
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Pango and fonts for PDFs from Debian's packages"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
	else echo "PDFs need Debian's Pango and fonts: apt-get install $(PDF_PACKAGES)" >&2; exit 1; fi
endif

setup: $(STAMP) $(VENDOR)

db: setup
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load-reference
	$(MANAGE) ensure-admin
	$(MANAGE) collectstatic --noinput --verbosity 0

# The background worker (decision 0031: invitation e-mails, prepared exports, office imports)
# runs beside the app server and stops with it.
run: db
	trap 'kill 0' INT TERM EXIT; $(MANAGE) db-worker --interval 2 --no-reload & $(MANAGE) serve

# The import contracts are part of the tests: a wrong-way import fails CI like a failing test.
test: imports-check test-sqlite test-postgres

# --dist loadgroup: the tests of one xdist_group (the multi-server test's nginx, Redis and app
# servers) run in one worker, which starts them once.

test-sqlite: setup browser pdf-libraries
	$(BIN)/pytest -n 2 --dist loadgroup -q

test-postgres: setup browser pdf-libraries
	bin/with-postgres $(BIN)/pytest -n 2 --dist loadgroup -q

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: setup
	$(BIN)/python manage.py makemigrations --check --dry-run

# The direction of imports between the apps: contracts in pyproject.toml ([tool.importlinter]).
imports-check: setup
	$(BIN)/lint-imports

check: lint migrations-check imports-check test

clean:
	rm -rf $(VENV) var node_modules partnerwerk/static/vendor
