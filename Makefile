# Two commands matter: `make serve` and `make test`. Both set up what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := --quiet --disable-pip-version-check
# The installer is pinned too, so every environment resolves the same way.
PIP_PIN := pip==26.3
# Material prints a notice about its successor on every build; the notice is not about this site.
export NO_MKDOCS_2_WARNING := 1
# Two jobs, one per core: the framework environments build side by side.
MAKEFLAGS += --jobs=2
# One isolated, pinned environment per framework whose snippets the tests run.
SNIPPET_ENVS := $(patsubst snippets/%/requirements.txt,.venvs/%/.installed,$(wildcard snippets/*/requirements.txt))
# The servers the load benchmark runs its raw ASGI and WSGI apps on, pinned apart from every framework.
BENCH_SERVERS := .venvs/bench-servers/.installed
BENCH_PYTHON := 3.13
# npm packages, pinned by their lock file: axe-core for the tests, Lighthouse and a Node.js it supports for bench-site.
NPM_DIR := requirements/npm
NPM := $(NPM_DIR)/node_modules/.installed

.PHONY: setup serve build test refresh check-installs check-integrations import-stars lock clean bench-site bench

setup: $(BIN)/.installed $(SNIPPET_ENVS) $(BENCH_SERVERS) $(NPM)

$(NPM): $(NPM_DIR)/package-lock.json
	npm ci --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error
	touch $@

$(BIN)/.installed: requirements/lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP) $(PIP_PIN)
	$(BIN)/pip install $(PIP) -r requirements/lock.txt
	$(BIN)/pip install $(PIP) --no-deps -e .
	touch $@

# Each framework's environment uses the newest Python its release works on, as the install check found;
# `webatlas snippet-python` prints that interpreter, or says in one line that it is missing and fails.
.venvs/%/.installed: snippets/%/requirements.txt | $(BIN)/.installed
	rm -rf .venvs/$*
	python=$$($(BIN)/webatlas snippet-python $*) && $$python -m venv .venvs/$*
	.venvs/$*/bin/pip install $(PIP) $(PIP_PIN)
	.venvs/$*/bin/pip install $(PIP) -r $<
	touch $@

$(BENCH_SERVERS): requirements/bench/servers.txt | $(BIN)/.installed
	rm -rf .venvs/bench-servers
	python=$$($(BIN)/webatlas python $(BENCH_PYTHON)) && $$python -m venv .venvs/bench-servers
	.venvs/bench-servers/bin/pip install $(PIP) $(PIP_PIN)
	.venvs/bench-servers/bin/pip install $(PIP) -r $<
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

test: setup
	$(BIN)/ruff check src tests hooks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

# New PyPI snapshot (data/pypi_snapshot.json), plus GitHub star history when GITHUB_TOKEN is set.
# Validates everything first and writes atomically; a failing service leaves data/ untouched.
refresh: $(BIN)/.installed
	$(BIN)/webatlas refresh

# Install and import every catalogue package's latest release on this Python (needs PyPI; takes minutes).
check-installs: $(BIN)/.installed
	$(BIN)/webatlas check-installs

# Install each package of data/integrations.yaml beside each framework's pinned release, in a scratch copy of its
# environment, and import its integration module (needs PyPI and `make setup`; takes minutes).
check-integrations: setup
	$(BIN)/webatlas check-integrations

# Refresh data/github_stars.csv from the shared transcription (writes only validated rows, atomically).
import-stars: $(BIN)/.installed
	$(BIN)/webatlas import-stars ../shared/data/github-star-history.csv

# Build time, scaling to 500 entries and Lighthouse scores against a plain Material site, in one table (~15 min; BENCH_ARGS="--help").
bench-site: $(BIN)/.installed $(NPM)
	$(BIN)/webatlas bench-site $(BENCH_ARGS)

# Every framework's cookbook snippets and every server timed with wrk; writes data/benchmarks/ (25-40 min; BENCH_ARGS="--help").
bench: setup
	$(BIN)/webatlas bench $(BENCH_ARGS)

# Re-pin the site's environment after changing pyproject.toml.
lock: $(BIN)/.installed
	$(BIN)/pip install $(PIP) -e '.[test]'
	$(BIN)/pip freeze --exclude-editable | grep -v '^webatlas' > requirements/lock.txt

clean:
	rm -rf $(VENV) .venvs site test-results $(NPM_DIR)/node_modules
