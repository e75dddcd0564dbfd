# The two commands a newcomer needs: `make serve` and `make test`.
# Both create .venv and install the pinned packages on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE := build/site
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test lint unit browser chromium clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python >= 3.11 is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## serve: the site with drafts at http://127.0.0.1:8000/, rebuilt on every save
serve: $(STAMP)
	GUIDELINE_DRAFTS=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the production site in build/site (drafts left out), failing on any warning
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

## check: validate the guideline's sources without building
check: $(STAMP)
	$(BIN)/guideline check

lint: $(STAMP)
	$(BIN)/ruff check guideline hooks tests
	$(BIN)/ruff format --check guideline hooks tests
	$(BIN)/mypy

## chromium: Debian's Chromium and a Japanese font for the browser tests, installed when missing
chromium:
	@{ command -v chromium && fc-list :lang=ja | grep -q .; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null; }

## test: lint, type-check, build strictly and run every test, browser tests included
test: $(STAMP) chromium lint
	$(BIN)/pytest -q

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
