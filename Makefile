# Task entry points for The Model Wars. `make help` lists them.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: timestamps come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

# The Chinese edition is published under the English one's address (mkdocs.zh.yml reads SITE_URL_ZH).
ifdef SITE_URL
export SITE_URL_ZH ?= $(SITE_URL)zh/
endif
ZH := -f mkdocs.zh.yml

.DEFAULT_GOAL := help

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the site and test dependencies

serve: build ## Build both editions and serve them at http://127.0.0.1:8000 (English) and /zh/ (Chinese)
	$(PY) -m http.server --bind 127.0.0.1 --directory site 8000

live: $(STAMP) ## Serve the English edition with live reload while writing (make live-zh: the Chinese one)
	$(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

live-zh: $(STAMP)
	$(VENV)/bin/mkdocs serve $(ZH) -a 127.0.0.1:8000

# Both editions are built into a staging folder; `publish` replaces site/ with it only when both are whole
# and finished, so a failed build (at any step, for any reason) leaves the last good site as it was.
STAGING := .site-staging

build: $(STAMP) ## Build both editions (strict) with MkDocs + Material, the main path: site/ and site/zh/
	rm -rf $(STAGING)
	$(VENV)/bin/mkdocs build --strict -d $(STAGING)
	$(VENV)/bin/mkdocs build --strict $(ZH) -d $(STAGING)/zh
	$(PY) -m build_pages publish $(STAGING) site

release: ## Build for publishing: as `make build`, and SITE_URL must be set (the publishing workflow runs this)
	MW_RELEASE=1 $(MAKE) build

build-zensical: $(STAMP) ## Build the same two editions with Zensical (no hooks: the pipeline's steps around it)
	rm -rf $(STAGING)
	$(PY) -m build_pages prepare
	MW_SITE_DIR=$(STAGING) $(VENV)/bin/zensical build --clean --strict
	$(PY) -m build_pages finish $(STAGING) --lang en
	MW_SITE_DIR_ZH=$(STAGING)/zh $(VENV)/bin/zensical build --strict $(ZH)
	$(PY) -m build_pages finish $(STAGING)/zh --lang zh
	$(PY) -m build_pages publish $(STAGING) site

new-chart: $(STAMP) ## Scaffold a chart module (and its data pair) that builds as it is: make new-chart ID=my_chart DATASET=my_data
	$(PY) tools/new_chart.py $(ID) $(DATASET)

chromium: ## Install Debian chromium for the browser tests if it is missing (needs root)
	@bash tools/ensure_chromium.sh

lint: $(STAMP) ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP) ## Format the Python code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(STAMP) chromium cjk-font lint ## Install everything (Chromium and a Chinese font too) and run every test, browser tests included
	$(PY) -m pytest -q -ra

test-quick: $(STAMP) ## Run the tests that need no browser (data, pipeline, site build)
	$(PY) -m pytest -q -ra -m "not browser"

tools/lighthouse/node_modules: tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	touch $@

cjk-font: ## Install a Chinese font for the tests' and benchmark's Chromium if none is there (needs root), as phones have one
	@bash tools/ensure_cjk_font.sh

bench: $(STAMP) chromium cjk-font tools/lighthouse/node_modules ## Benchmark builds, page weight, load and Lighthouse against a chart-free baseline
	$(PY) tools/bench.py

chart-font: $(STAMP) ## Remake the Chinese charts' measuring font (Noto Sans CJK SC subset) for a rare character outside it
	@bash tools/ensure_cjk_font.sh
	$(PY) tools/chart_font.py

vendor: ## Refresh the vendored Vega runtime from the npm registry (pinned versions in tools/vendor_vega.py)
	python3 tools/vendor_vega.py

clean: ## Remove the built site and the chart cache
	rm -rf site .site-staging .chart-cache

.PHONY: help install serve live live-zh build build-zensical chromium cjk-font chart-font lint format test test-quick bench vendor clean
