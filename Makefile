# crmlab front door. Two commands do all the set-up on a machine with Python 3.11, pip and make:
#   make lab    open the course in JupyterLab (personal workspace work/)
#   make test   run the whole test suite (what CI runs)
# Windows/macOS without make: see README.md.

PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
PY      := $(BIN)/python
STAMP   := $(VENV)/.crmlab-installed
PORT    ?= 8888
WORK    ?= work
LAB_ARGS ?=
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
JOBS    ?= 2
export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: help venv lab workspace test test-fast lint exercises bench font-check site lock clean kit

help:
	@echo "make lab        open the course in JupyterLab on work/ (creates .venv on first run)"
	@echo "make test       the whole test suite, as CI runs it"
	@echo "make test-fast  unit tests only (no notebooks, grading round trips or browser)"
	@echo "make exercises  regenerate exercises/ and keys/ from solutions/"
	@echo "make bench      benchmarks (ratios against a reference measured in the same run)"
	@echo "make site       build the offline course website into _site/"
	@echo "make lock       re-resolve requirements.lock from pyproject.toml (maintainers)"
	@echo "make font-check rebuild the chart font from its source and compare (maintainers; downloads 85 MB)"

# The environment: exact versions and hashes from requirements.lock, then crmlab itself (editable).
$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

venv: $(STAMP)

workspace: $(STAMP)
	$(BIN)/crmlab workspace $(WORK)

lab: workspace
	$(BIN)/jupyter lab --ServerApp.root_dir=$(WORK) --port=$(PORT) $(ROOT_FLAG) $(LAB_ARGS)

PYTEST  := $(PY) -m pytest -p no:cacheprovider
NBVAL   := --nbval-current-env --nbval-cell-timeout=180

test: $(STAMP)
	$(BIN)/ruff check crmlab tests bench
	$(PYTEST) -n $(JOBS) --dist loadfile tests crmlab
	$(PYTEST) -n $(JOBS) --dist loadfile --nbval $(NBVAL) --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks
	$(PYTEST) -n $(JOBS) --dist loadfile --nbval-lax $(NBVAL) solutions exercises

test-fast: $(STAMP)
	$(PYTEST) -q -m "not slow and not browser" tests crmlab

lint: $(STAMP)
	$(BIN)/ruff check crmlab tests bench
	$(BIN)/ruff format --check crmlab tests bench

exercises: $(STAMP)
	$(BIN)/crmlab generate --all

bench: $(STAMP)
	$(PY) -m bench

# not in `make test` (a download of its own): after changing crmlab/glossary.csv or the font build
font-check: $(STAMP)
	$(PYTEST) -q tests/maintainer

site: $(STAMP)
	$(BIN)/crmlab site _site

kit: $(STAMP)
	$(BIN)/crmlab kit dist/crmlab-student-kit.zip

lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra course --extra test --generate-hashes \
	  --universal --python-version 3.11 -o requirements.lock

clean:
	rm -rf _site dist build .pytest_cache
