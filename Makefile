# lxw-analysis: `make help` lists the targets.
# On a fresh machine with Python 3.11+: `make report` builds everything, `make test` tests it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The install stamp; tests set it empty to run a target's recipe in their own environment.
INSTALL ?= $(VENV)/.installed
LXW ?= $(BIN)/lxw
PYTEST ?= $(BIN)/python -m pytest
RUFF ?= $(BIN)/ruff
# Debian packages the tests need besides Python's: Chromium and a CJK font for tests/test_browser.py.
SYSTEM_PACKAGES ?= chromium fonts-noto-cjk
LAB_ARGS ?=
BUILD_ARGS ?=
BENCH_ARGS ?=
EVAL_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install git-filter system-packages report example lint test lab bench eval clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import ensurepip' 2>/dev/null || scripts/system_packages.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	$(MAKE) --no-print-directory git-filter
	touch $@

# Notebooks saved with their outputs are committed without them: nbstripout as a git filter
# (.gitattributes names it for *.ipynb). Outside a git clone there is nothing to set up.
git-filter:
	if [ -e .git ]; then $(BIN)/nbstripout --install --attributes .gitattributes; fi

install: $(INSTALL) ## Create the virtual environment in .venv and install the package

report: $(INSTALL) ## Build data/processed/ and reports/ from data/raw/ (the main job)
	$(LXW) build $(BUILD_ARGS)

example: $(INSTALL) ## Build the made-up multi-year example into build/example/ (every trend chart)
	$(LXW) build --example $(BUILD_ARGS)

system-packages: ## Install the Debian packages the tests need (Chromium, a CJK font) when missing
	scripts/system_packages.sh $(SYSTEM_PACKAGES)

lint: $(INSTALL) ## Check the code with ruff (rules in pyproject.toml)
	$(RUFF) check .

test: $(INSTALL) system-packages lint ## Install what the tests need, lint, run the whole test suite
	$(PYTEST)

bench: $(INSTALL) ## Benchmark extraction on a generated corpus against two baselines (BENCH_ARGS=--quick: tiny run)
	$(if $(findstring --quick,$(BENCH_ARGS)),,$(BIN)/python -m pip install -q -r benchmarks/requirements.txt)
	$(BIN)/python benchmarks/bench_extract.py $(BENCH_ARGS)

eval: $(INSTALL) ## Score extraction on the made-up evaluation corpus (tests/corpus/): recall, precision, misses
	$(BIN)/python benchmarks/evaluate.py $(EVAL_ARGS)

# The project folder is JupyterLab's root, so data/ and reports/ can be opened; the file browser
# starts in notebooks/. JupyterLab refuses to run as root unless told.
lab: $(INSTALL) ## Open JupyterLab in the project's environment, at the notebooks
	$(BIN)/jupyter lab --notebook-dir=. --ContentsManager.preferred_dir=notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

clean: ## Remove generated outputs (data/processed/, reports/, the build cache, build/), keeping their READMEs
	find data/processed reports -type f ! -name README.md -delete
	rm -rf data/.processed-cache build
