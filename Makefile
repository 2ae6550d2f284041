# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: run serve load setup install migrate fixtures admin test lint format messages clean eval bench bench-scale

run: setup
	$(MANAGE) runserver 127.0.0.1:8000

setup: install migrate fixtures admin

# The production way on one machine: gunicorn, DEBUG off, static files through whitenoise.
# A secret key is created in var/secret_key on first run. The reverse proxy in front
# terminates TLS and redirects plain HTTP (README, "Deploy").
PROD := DEBUG=0 SECRET_KEY_CREATE=1 \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-localhost,127.0.0.1,[::1]}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}"

serve: install
	$(PROD) $(MANAGE) migrate --noinput
	$(PROD) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD) $(MANAGE) ensure_admin
	$(PROD) $(BIN)/gunicorn newsroom.wsgi --config python:newsroom.gunicorn_config

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput

fixtures: migrate
	$(MANAGE) loaddata seed

admin: migrate
	$(MANAGE) ensure_admin

test: install
	$(BIN)/pytest -q

# Extraction scored on fixtures/eval/ (with the seed records as the known officials and events).
eval: fixtures
	$(MANAGE) ingest_eval

# The spaCy model's load time and articles read per second, on one core where taskset exists.
bench: fixtures
	$(if $(shell command -v taskset),taskset -c 0 )$(MANAGE) ingest_bench

# Every page, feed, API list and admin list timed at 1,000 and 100,000 articles, SQLite and PostgreSQL.
bench-scale: install
	$(MANAGE) bench_scale $(BENCH_SCALE_ARGS)

# `make serve` on a scratch database, under a bounded load from loopback (LOAD_ARGS, e.g.
# LOAD_ARGS="--database-url postgres://postgres@127.0.0.1:5432/newsroom_load").
load: install
	$(MANAGE) load_test $(LOAD_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(MANAGE) makemessages -l fr --ignore=.venv --ignore=staticfiles
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles
