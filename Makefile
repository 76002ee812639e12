# PROTECT CMS — `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: axe help install migrate demo admin run serve static worker test test-fast bench lint format check messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c "import sys; assert sys.version_info[:2] == (3, 11), sys.version" || { echo "Python 3.11 is needed"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

migrate: install ## Apply database migrations (creates the 23 locales)
	$(PY) manage.py migrate --noinput
	CACHE_BACKEND=database $(PY) manage.py createcachetable  # ready for CACHE_BACKEND=database

demo: migrate ## Load the demo content (idempotent; DEMO_LANGUAGES=ar,ti for a quick partial demo)
	$(PY) manage.py load_demo_content $(if $(DEMO_LANGUAGES),--languages $(DEMO_LANGUAGES))

admin: migrate ## Create the admin user and print its password
	$(PY) manage.py ensure_admin

run: demo admin ## Set everything up, then serve on http://127.0.0.1:8000/ with a task worker
	@echo "Starting the task worker and the web server on http://$(HOST):$(PORT)/ (Ctrl-C stops both)"
	@$(PY) manage.py run_worker --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-style serving on this machine: cms.settings.production, gunicorn
# (deploy/gunicorn.conf.py), whitenoise for static files, a task worker beside it. Plain HTTP
# unless HTTPS=true; SECRET_KEY (or SECRET_KEY_FILE, else var/secret_key made once) and
# ALLOWED_HOSTS (default: HOST) come from the environment. See docs/deployment.md.
PROD := DJANGO_SETTINGS_MODULE=cms.settings.production HTTPS=$${HTTPS:-false} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1} \
	SECRET_KEY_FILE=$${SECRET_KEY_FILE:-var/secret_key}

var/secret_key:
	@mkdir -p var && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@ && chmod 600 $@

static: install var/secret_key ## Collect static files (compressed, hashed names) into static/
	$(PROD) $(PY) manage.py collectstatic --noinput -v 0

serve: migrate static ## Serve like production (gunicorn, whitenoise) on HOST:PORT, with a task worker
	@echo "gunicorn (production settings) on http://$(HOST):$(PORT)/ and a task worker (Ctrl-C stops both)"
	@$(PROD) $(PY) manage.py run_worker --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PROD) HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py cms.wsgi

worker: install ## Run the background task worker on its own (heartbeat, periodic jobs included)
	$(PY) manage.py run_worker --queue-name '*'

AXE_VERSION := 4.14.1
AXE := var/npm/node_modules/axe-core/axe.min.js

$(AXE):
	npm install --prefix var/npm --no-audit --no-fund --silent axe-core@$(AXE_VERSION)

axe: ## Install axe-core (npm) into var/npm for the accessibility browser tests
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(AXE); \
	else echo "npm is missing: the accessibility tests will be skipped (CI installs npm)"; fi

test: install axe ## Run the test suite (SQLite; PostgreSQL when DATABASE_URL is set)
	$(PY) -m pytest -n auto --dist loadfile -p no:cacheprovider $(PYTEST_ARGS)

bench: install ## Benchmarks, printing ratios against baselines measured in the same run
	@status=0; for script in bench/*.py; do echo "== $$script"; $(PY) $$script || status=1; done; exit $$status

lint: install ## ruff lint and format check, and the import layers (import-linter, pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django system checks and missing-migration check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

messages: install ## Refresh and compile the UI catalogs in locale/ (needs GNU gettext)
	$(PY) manage.py makemessages --all --ignore '.venv/*' --ignore 'tests/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*'

clean: ## Remove the virtualenv, the SQLite database and local media
	rm -rf $(VENV) db.sqlite3 media static
