# Partnerwerk: the two commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/partnerwerk

.PHONY: run test test-sqlite test-postgres check lint format migrations-check setup db clean

# The environment is rebuilt only when pyproject.toml changes, so a second run is fast.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: $(PYTHON) not found (set PYTHON=...)." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

db: setup
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load-reference
	$(MANAGE) ensure-admin
	$(MANAGE) collectstatic --noinput --verbosity 0

run: db
	$(MANAGE) serve

test: test-sqlite test-postgres

test-sqlite: setup
	$(BIN)/pytest -n 2 -q

test-postgres: setup
	bin/with-postgres $(BIN)/pytest -n 2 -q

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: setup
	$(BIN)/python manage.py makemigrations --check --dry-run

check: lint migrations-check test

clean:
	rm -rf $(VENV) var static_root
