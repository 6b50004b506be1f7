# crmlab front door. Two commands do all the set-up on a machine with Python 3.11, pip and make:
#   make lab    open the course in JupyterLab (personal workspace work/)
#   make test   run the whole test suite (what CI runs)
# Windows/macOS without make: see README.md.

PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
PY      := $(BIN)/python
# two lock files, the same pins: the course (what learning needs) and the course plus the test tools
COURSE  := $(VENV)/.crmlab-course
TESTENV := $(VENV)/.crmlab-test
PORT    ?= 8888
# the edition of the course a learner opens: en, or zh for the Chinese one (`make lab COURSE_LANG=zh`;
# not LANG, which the shell and Python read); each edition has a workspace of its own
COURSE_LANG ?= en
WORK    ?= $(if $(filter zh,$(COURSE_LANG)),work-zh,work)
LAB_ARGS ?=
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
JOBS    ?= 2
# install from a folder of wheels instead of the network: make lab WHEELHOUSE=wheelhouse
WHEELHOUSE ?=
PIP_SOURCE := $(if $(WHEELHOUSE),--no-index --find-links $(abspath $(WHEELHOUSE)),)
# extra `pip download` options for `make wheelhouse`, e.g. --platform win_amd64 --python-version 3.11
WHEEL_ARGS ?=
TOOLS   := .tools
export PATH := $(abspath $(BIN)):$(PATH)
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: help venv lab workspace test test-fast lint notebooks exercises chinese bench font-check site lock wheelhouse clean kit

help:
	@echo "make lab        open the course in JupyterLab on work/ (creates .venv on first run)"
	@echo "                make lab COURSE_LANG=zh: the Chinese edition (中文版) on work-zh/"
	@echo "make test       the whole test suite, as CI runs it (adds the test tools to .venv)"
	@echo "make test-fast  unit tests only (no notebooks, grading round trips or browser)"
	@echo "make lint       ruff check and ruff format --check (also part of make test)"
	@echo "make notebooks  generate notebooks from content/ and re-run the chapters (NAMES=05_abc)"
	@echo "make exercises  regenerate exercises/ and keys/ from solutions/"
	@echo "make chinese    update the Chinese catalogues, build zh/ and release zh/exercises/"
	@echo "make bench      benchmarks (ratios against a reference measured in the same run)"
	@echo "make site       build the offline course website into _site/"
	@echo "make wheelhouse download every wheel of the course into wheelhouse/ (for a lab without a fast network)"
	@echo "make lock       re-resolve both lock files from pyproject.toml (maintainers; uv in $(TOOLS)/)"
	@echo "make font-check rebuild the chart font from its source and compare (maintainers; downloads 85 MB)"

# The course environment: exact versions and hashes from requirements.lock, then crmlab (editable).
$(COURSE): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet $(PIP_SOURCE) --upgrade "pip>=24"
	$(PY) -m pip install --quiet $(PIP_SOURCE) --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet $(PIP_SOURCE) --no-deps -e .
	@touch $@

# The test tools on top (requirements-test.lock: the course's pins plus pytest, playwright, ruff…).
$(TESTENV): $(COURSE) requirements-test.lock
	$(PY) -m pip install --quiet $(PIP_SOURCE) --require-hashes -r requirements-test.lock
	@touch $@

venv: $(COURSE)

workspace: $(COURSE)
	$(BIN)/crmlab workspace $(WORK) --lang $(COURSE_LANG)

# the Chinese edition's workspace has its own JupyterLab settings (the interface in Chinese), so
# the learner's settings elsewhere stay as they are
LAB_ENV = $(if $(filter zh,$(COURSE_LANG)),JUPYTERLAB_SETTINGS_DIR=$(abspath $(WORK))/.jupyterlab-settings)
lab: workspace
	$(LAB_ENV) $(BIN)/jupyter lab --ServerApp.root_dir=$(WORK) --port=$(PORT) $(ROOT_FLAG) $(LAB_ARGS)

PYTEST  := $(PY) -m pytest -p no:cacheprovider
NBVAL   := --nbval-current-env --nbval-cell-timeout=180

LINT    := crmlab tests bench

test: $(TESTENV)
	$(BIN)/ruff check $(LINT)
	$(BIN)/ruff format --check $(LINT)
	$(PYTEST) -n $(JOBS) --dist loadgroup tests crmlab
	$(PYTEST) -n $(JOBS) --dist loadfile --nbval $(NBVAL) --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks zh/notebooks
	$(PYTEST) -n $(JOBS) --dist loadfile --nbval-lax $(NBVAL) solutions exercises zh/exercises

test-fast: $(TESTENV)
	$(PYTEST) -q -m "not slow and not browser" tests crmlab

lint: $(TESTENV)
	$(BIN)/ruff check $(LINT)
	$(BIN)/ruff format --check $(LINT)

# The notebooks are generated from their text sources in content/ (py:percent): chapters are run
# top to bottom and store their outputs (nbval then checks them), solutions store none. After
# editing a solution, `make exercises` regenerates its release and key. `make notebooks NAMES=05_abc`
# does one.
notebooks: $(COURSE)
	$(BIN)/crmlab notebooks build --execute $(NAMES)

exercises: $(COURSE)
	$(BIN)/crmlab generate --all

# The Chinese edition from the English sources and the catalogues in content/zh/ (after make
# notebooks and make exercises): zh/notebooks (re-run), zh/solutions and the release zh/exercises
chinese: $(COURSE)
	$(BIN)/crmlab translations update
	$(BIN)/crmlab translations build --execute $(NAMES)
	$(BIN)/crmlab generate --all --lang zh

bench: $(TESTENV)
	$(PY) -m bench

# not in `make test` (a download of its own): after changing crmlab/glossary.csv or the font build
font-check: $(TESTENV)
	$(PYTEST) -q tests/maintainer

site: $(COURSE)
	$(BIN)/crmlab site _site

kit: $(COURSE)
	$(BIN)/crmlab kit dist/crmlab-student-kit.zip

# Re-resolve the locks with uv from a tools environment of its own (never the system Python). The
# existing pins are preferred, and the course lock is resolved within the test lock's pins, so the
# two agree on every package they share.
$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv

UV_COMPILE = $(TOOLS)/bin/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.11 --quiet

lock: $(TOOLS)/bin/uv
	$(UV_COMPILE) --extra course --extra test -o requirements-test.lock
	$(UV_COMPILE) --extra course -c requirements-test.lock -o requirements.lock

# Every wheel the course and the test suite need (and what building crmlab itself needs: hatchling, editables), for
# installing with `make lab WHEELHOUSE=wheelhouse` where the network is slow or closed. Build it on
# a machine with the lab's operating system and Python 3.11 (or pass WHEEL_ARGS).
wheelhouse:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip download --quiet --require-hashes --only-binary=:all: $(WHEEL_ARGS) -r requirements-test.lock -d wheelhouse
	$(PY) -m pip download --quiet --only-binary=:all: $(WHEEL_ARGS) "pip>=24" "hatchling>=1.25" "editables~=0.3" -d wheelhouse
	@echo "wheelhouse/ holds $$(ls wheelhouse | wc -l) files; install with: make lab WHEELHOUSE=wheelhouse"

clean:
	rm -rf _site dist build .pytest_cache
