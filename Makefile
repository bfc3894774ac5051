# Dateline: `make run` serves the demo site, `make test` runs every check.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATELINE := $(BIN)/dateline
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

help:  ## list the targets
	@awk -F ':.*## ' '/^[a-z-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/dateline: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/dateline  ## create .venv and install Dateline with its test tools

system-deps:  ## apt and npm packages the browser and HTML checks need
	@command -v chromium >/dev/null && command -v java >/dev/null || \
		{ $$(command -v sudo) apt-get install -y --no-install-recommends chromium default-jre-headless \
		  || { $$(command -v sudo) apt-get update && $$(command -v sudo) apt-get install -y --no-install-recommends chromium default-jre-headless; }; }
	@test -f node_modules/.package-lock.json -a node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund --silent

assets:  ## copy the newsroom's editor (Quill, from npm) into its static files
	@test -f node_modules/quill/dist/quill.js || npm ci --no-audit --no-fund --silent
	install -m 644 node_modules/quill/dist/quill.js node_modules/quill/dist/quill.js.map \
		node_modules/quill/dist/quill.snow.css node_modules/quill/dist/quill.snow.css.map \
		dateline/newsroom/static/newsroom/vendor/

migrate: install
	$(DATELINE) migrate --verbosity 0

run: migrate assets  ## install, migrate, load the demo once and serve http://127.0.0.1:8000
	$(DATELINE) loaddemo
	$(DATELINE) serve --bind 127.0.0.1:8000

demo-reset: migrate  ## delete all content and load the demo again
	$(DATELINE) loaddemo --reset

test: install system-deps assets  ## lint, then the whole suite on SQLite, then on PostgreSQL
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DATELINE) makemigrations --check --dry-run --verbosity 0
	$(BIN)/pytest -n 2 --dist loadgroup -m "not postgres"
	DATELINE_DATABASE_URL=$(PG_URL) DATELINE_USE_REDIS=1 $(BIN)/pytest -n 2 -m "not browser" -p no:cacheprovider

screenshot: install system-deps  ## retake docs/screenshot-article.png with the browser test
	$(BIN)/pytest tests/browser/test_article_page.py -q -p no:cacheprovider
	cp $${DATELINE_DATA_DIR:-var}/screenshots/article.png docs/screenshot-article.png

bench: migrate  ## load-test against nginx, then search at 100,000 articles; writes bench/results/
	@command -v wrk >/dev/null && command -v nginx >/dev/null || \
		$$(command -v sudo) apt-get install -y --no-install-recommends wrk nginx-light
	$(BIN)/python bench/run.py
	$(BIN)/python bench/search.py

bench-search: install  ## search at 100,000 articles on SQLite and PostgreSQL; writes bench/results/search.md
	$(BIN)/python bench/search.py

lint: install  ## ruff, format check, mypy, migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy dateline
	$(DATELINE) makemigrations --check --dry-run

fmt: install  ## format and autofix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

.PHONY: help install system-deps assets migrate run demo-reset test screenshot lint fmt bench bench-search
