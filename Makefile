# Two commands matter: `make run` (install, migrate, demo content, serve) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run serve test lint format check messages worker bench bench-import bench-translations bench-memory bench-search demo clean backup restore fault-pg-restart

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11, or run make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)
	$(PY) manage.py compile_translations

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py create_demo_users
	$(PY) manage.py build_documents

run: demo
	@echo "Site: http://127.0.0.1:$(PORT)/site/   Admin: http://127.0.0.1:$(PORT)/admin/   API: http://127.0.0.1:$(PORT)/api/v1/docs/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-style serving: gunicorn + whitenoise. Needs SECRET_KEY and ALLOWED_HOSTS.
serve: install
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/gunicorn cms.wsgi:application \
		--bind 0.0.0.0:$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

# The suite on TEST_WORKERS processes (pytest-xdist; each has its own test database), a test
# file per process at a time so that a module's shared demo world is built once.
# One file or test, quickly: .venv/bin/pytest tests/api/test_guides_api.py -k etag
TEST_WORKERS ?= 2
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Extract interface strings (needs GNU gettext) and recompile.
messages: install
	$(PY) manage.py makemessages --locale zh_Hans --ignore ".venv/*" --ignore "var/*" --no-obsolete
	$(PY) manage.py compile_translations

# Scheduled publishing/expiry and background tasks; run one or more next to the web server.
worker: install
	$(PY) manage.py run_worker --interval $${WORKER_INTERVAL:-10}

# Schemathesis against /api/v1/openapi.json on a throwaway demo database (about two minutes).
fuzz: install
	bash .ci/fuzz_api

# Bounded load runs on loopback (wrk + gunicorn); prints each figure as a ratio measured in the same run.
bench: demo
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }; }
	$(PY) manage.py bench_api --duration $${BENCH_SECONDS:-10}
	$(PY) manage.py rebuild_search_index
	$(PY) manage.py bench_search --guides $${BENCH_GUIDES:-10000}
	$(PY) manage.py bench_memory --segments $${BENCH_SEGMENTS:-10000}

# Import speed: 500 generated articles, rolled back afterwards.
bench-import: demo
	$(PY) manage.py bench_import --count $${BENCH_ARTICLES:-500}

# Search p95 over 10,000 generated guides against a plain icontains filter (rolled back).
bench-search: demo
	$(PY) manage.py rebuild_search_index
	$(PY) manage.py bench_search --guides $${BENCH_GUIDES:-10000}

# The Translations report over 10,000 generated guides (rolled back afterwards).
bench-translations: demo
	$(PY) manage.py bench_translation_report --guides $${BENCH_GUIDES:-10000}

# Translation-memory suggestions over 10,000 approved segments, against an exact-hash lookup.
bench-memory: demo
	$(PY) manage.py bench_memory --segments $${BENCH_SEGMENTS:-10000}

# Back up the whole database to var/backups/<timestamp>.dump|.sqlite3 (or FILE=...), and restore
# one: FILE=... or the newest in var/backups/. Restoring asks first and replaces everything.
backup: install
	$(PY) manage.py backup $(if $(FILE),--output "$(FILE)")

restore: install
	$(PY) manage.py restore $(if $(FILE),"$(FILE)")

clean:
	rm -rf $(VENV) var static .pytest_cache .ruff_cache

# Fault run (manual: restarts the PostgreSQL server): API load on gunicorn while PostgreSQL
# restarts, then how long the app took to recover on its own. Needs DATABASE_URL=postgres://…
fault-pg-restart: demo
	$(PY) manage.py fault_pg_restart
