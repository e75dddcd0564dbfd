# The two commands a newcomer needs: `make serve` and `make test`.
# Both create .venv and install the pinned packages on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
SITE := build/site
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test lint chromium clean bench bench-search vendor publish rollback releases nginx-conf smoke preview

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python >= 3.11 is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# uv (its pin is in requirements.txt) installs the pins in about a third of pip's time on a fresh machine
	$(BIN)/pip install --quiet --disable-pip-version-check "$$(grep -E '^uv==' requirements.txt | cut -d' ' -f1)"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

## serve: the site with drafts at http://127.0.0.1:8000/, rebuilt on every save
serve: $(STAMP)
	GUIDELINE_DRAFTS=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the production site in build/site (drafts left out), failing on any warning
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

# What a pull request's reviewer reads (.github/workflows/ci.yml uploads it; tests/test_kessai.py runs it too)
PREVIEW ?= build/preview

## preview: the site with drafts (PREVIEW/site), the 決裁 PDF of the draft against the edition in force (PREVIEW/kessai.pdf) and a summary of the change (PREVIEW/summary.md)
preview: $(STAMP) chromium
	rm -rf "$(PREVIEW)/site" "$(PREVIEW)/kessai.pdf" "$(PREVIEW)/summary.md"
	GUIDELINE_DRAFTS=1 $(BIN)/mkdocs build --strict --quiet --site-dir "$(abspath $(PREVIEW))/site"
	$(BIN)/guideline preview --out "$(PREVIEW)"

## check: validate the guideline's sources without building
check: $(STAMP)
	$(BIN)/guideline check

lint: $(STAMP)
	$(BIN)/ruff check guideline hooks tests tools
	$(BIN)/ruff format --check guideline hooks tests tools
	$(BIN)/mypy
	$(BIN)/actionlint -config-file .github/actionlint.yaml .github/workflows/*.yml

## chromium: Chromium's headless shell (Debian's chromium-headless-shell: what the browser tests drive, and what prints the PDFs when no other Chromium, Chrome or Edge is installed), a Japanese font, nginx and poppler-utils (PDF pages to images) for the browser and server tests, installed when missing
chromium:
	@{ command -v chromium-headless-shell && fc-list :lang=ja | grep -q . && test -x /usr/sbin/nginx && command -v pdftoppm; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium-headless-shell fonts-noto-cjk fontconfig nginx poppler-utils >/dev/null; }

## test: lint, type-check, build strictly and run every test, browser tests included
# Three workers on two cores: much of a browser test is waiting on Chromium or the network, which a third
# worker fills (measured on 2 cores: 281 s with two, 217-238 s with three, 224-230 s with four). Idle workers
# steal tests from busy ones (--dist worksteal), so the run does not wait on one worker's last long module.
# The set-up steps run side by side: on a fresh machine the packages from Debian, PyPI and npm download at once.
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target $(STAMP) $(NODE_STAMP) chromium
	@$(MAKE) --no-print-directory lint
	$(BIN)/pytest -q -n 3 --dist worksteal

# axe-core (and its Japanese locale) for the accessibility tests, at the version in package-lock.json
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## bench: build time against plain Material, growth, diffs, editing under `mkdocs serve`, page weight (~10 min on 2 cores); writes BENCHMARK.md and README's figures
bench: $(STAMP)
	$(BIN)/python bench/perf.py

## bench-search: hit@1 and hit@3 of this site's search and of Material's own on the development and the frozen held-out query sets, first result from a cold cache at 4x CPU slowdown, page bytes; writes BENCHMARK.md
bench-search: $(STAMP) chromium
	$(BIN)/python bench/search.py

## vendor: copy the search's browser library (lunr, pinned in package-lock.json) into docs/assets/vendor, where the site serves it from
vendor: $(NODE_STAMP)
	cp node_modules/lunr/lunr.min.js docs/assets/vendor/lunr.min.js
	cp node_modules/lunr/LICENSE docs/assets/vendor/lunr.LICENSE

# Publishing to the intranet server (docs/division/operations.md). DEST holds releases/ and the
# `current` symlink nginx serves; SITE_URL is the published address, e.g. http://intranet.example/guidelines/hanibon/
PUBLISH = $(BIN)/python -m tools.publish

## publish: build with --strict, check, and switch DEST/current to the new release atomically (DEST=… SITE_URL=… [KEEP=5])
publish: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make publish DEST=/srv/hanibon SITE_URL=http://intranet.example/guidelines/hanibon/"; exit 2; }
	$(PUBLISH) publish --dest "$(DEST)" --site-url "$(SITE_URL)" --keep "$(or $(KEEP),5)"

## rollback: point DEST/current back at the release before it (DEST=… [TO=<release>])
rollback: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make rollback DEST=/srv/hanibon [TO=20260401T090000Z]"; exit 2; }
	$(PUBLISH) rollback --dest "$(DEST)" $(if $(TO),--to "$(TO)")

## releases: list the releases in DEST, the live one marked with *
releases: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make releases DEST=/srv/hanibon"; exit 2; }
	$(PUBLISH) status --dest "$(DEST)"

## nginx-conf: render deploy/nginx/hanibon.conf for DEST and SITE_URL into DEST/nginx/hanibon.conf
nginx-conf: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make nginx-conf DEST=/srv/hanibon SITE_URL=http://intranet.example/guidelines/hanibon/"; exit 2; }
	$(PUBLISH) nginx-conf --dest "$(DEST)" --site-url "$(SITE_URL)"

## smoke: ask the server at SITE_URL whether it serves DEST's live release, with its headers and 404 page
smoke: $(STAMP)
	@test -n "$(DEST)" || { echo "usage: make smoke DEST=/srv/hanibon SITE_URL=http://intranet.example/guidelines/hanibon/"; exit 2; }
	$(PUBLISH) smoke --dest "$(DEST)" --site-url "$(SITE_URL)"

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
