# Two commands: `make book` builds the website, `make test` runs every test.
# Both set up their own virtual environment (.venv) from the pinned requirements.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BUILD := _build

# numpy's BLAS on one thread in every target (notebook kernels: book, nbval, refresh, the course
# and offline builds; tests), unless the caller set a count: the chapters multiply small
# matrices, and on a small shared machine BLAS threads cost more than they gain
# (language_model, measured in the commit that added this). scripts/refresh_notebooks.py
# does the same when run by hand.
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1

.PHONY: book book-offline test unit nbval build-strict test-build binder-env browser assignments grade \
	test-assignments refresh clean help crosscheck lint explore \
	browser-after-build assignments-after-build

help:
	@echo "make book          build the website into $(BUILD)/html (executes every notebook)"
	@echo "make book SOLUTIONS=hidden   the course edition, without solutions, into $(BUILD)/course/html"
	@echo "make book-offline  build a copy that reads with no internet into $(BUILD)/offline/html"
	@echo "make test          unit tests, strict nbval, the -W build, the Binder environment,"
	@echo "                   and the browser suite (needs chromium: apt-get install chromium)"
	@echo "make assignments   build student notebooks (and, apart, what grading needs) into $(BUILD)/assignments"
	@echo "make grade SUBMISSIONS=dir [ASSIGNMENT=name] [JOBS=n]   grades.csv, feedback/ and manual/"
	@echo "make crosscheck    rnn_lib against PyTorch (CPU) and the benchmark, in a separate environment"
	@echo "make refresh       re-execute the chapter notebooks and store their outputs in place"
	@echo "make clean         remove $(BUILD), $(VENV), $(CROSSCHECK) and offline/node_modules"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per requirement set, so a changed pin reinstalls and nothing else does.
$(VENV)/.book-installed: requirements/book.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/book.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.book-installed
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	touch $@

# scripts/build_book.py runs the -W build, rebuilds every page after a change in rnn_lib, rnn_book or a
# failed build (Sphinx would otherwise skip the broken page and report success), and names
# the chapter and cell that failed to execute.
# SOLUTIONS=hidden builds the course edition instead: every exercise, no solution, no launch
# buttons (they open the repository's notebooks), into $(BUILD)/course/html.
SOLUTIONS ?= shown
book: $(VENV)/.book-installed
ifeq ($(SOLUTIONS),hidden)
	$(BIN)/python scripts/build_course.py
else
	$(BIN)/python scripts/build_book.py
endif

# ruff on every Python file, mypy on the library (configuration in pyproject.toml).
lint: $(VENV)/.test-installed
	$(BIN)/ruff check rnn_lib rnn_book grading scripts tests
	$(BIN)/mypy rnn_lib

unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests --ignore=tests/browser --ignore=tests/binder --ignore=tests/assignments \
		--ignore=tests/build

nbval: $(VENV)/.test-installed
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider book

build-strict: $(VENV)/.test-installed
	$(BIN)/python scripts/build_book.py --stored-outputs

# The JavaScript the offline build and the browser tests serve locally (MathJax, axe-core),
# pinned in offline/package-lock.json. Without npm the browser tests skip and say why.
offline/node_modules/.installed: offline/package.json offline/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix offline --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the offline build and the browser tests need it (apt-get install npm)"; fi

book-offline: $(VENV)/.book-installed offline/node_modules/.installed
	$(BIN)/python scripts/build_offline.py

# Binder installs binder/requirements.txt into a fresh environment; so does this test.
binder-env: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests/binder -p no:cacheprovider -s

browser: $(VENV)/.test-installed offline/node_modules/.installed
	@if [ -d offline/node_modules/mathjax ]; then $(BIN)/python scripts/build_offline.py; fi
	$(BIN)/python -m pytest tests/browser -p no:cacheprovider

# CHAPTERS="log_loss bptt" releases only those chapters' assignments.
CHAPTERS ?=
assignments: $(VENV)/.book-installed
	$(BIN)/python -m grading.assignments --out $(BUILD)/assignments $(foreach c,$(CHAPTERS),book/$(c).ipynb)

SUBMISSIONS ?=
ASSIGNMENT ?=
GRADES ?= grades.csv
TIMEOUT ?= 120
SEED ?=
JOBS ?=
grade: $(VENV)/.book-installed
	@test -n "$(SUBMISSIONS)" || (echo "usage: make grade SUBMISSIONS=folder [ASSIGNMENT=name] [GRADES=grades.csv] [JOBS=n] [TIMEOUT=120] [SEED=n]"; exit 2)
	@test -d $(BUILD)/assignments/instructor-only || $(MAKE) assignments
	$(BIN)/python -m grading.grade $(SUBMISSIONS) --assignments $(BUILD)/assignments --out $(GRADES) \
		--timeout $(TIMEOUT) $(if $(ASSIGNMENT),--assignment $(ASSIGNMENT)) $(if $(SEED),--seed $(SEED)) \
		$(if $(JOBS),--jobs $(JOBS))

# A failed build must fail again on the next run: builds a broken copy of a small book twice.
test-build: $(VENV)/.test-installed offline/node_modules/.installed
	$(BIN)/python -m pytest tests/build -p no:cacheprovider

test-assignments: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests/assignments -p no:cacheprovider

# The suites run side by side (make -j3, each suite's output kept together), each as soon as
# what it reads exists: the browser and assignment suites read the site that build-strict
# builds, the others only the sources. Every suite runs; any failure fails make test.
test: $(VENV)/.test-installed offline/node_modules/.installed
	$(MAKE) --no-print-directory -j3 -k --output-sync=target browser-after-build assignments-after-build \
		lint unit nbval test-build binder-env

browser-after-build: build-strict
	@$(MAKE) --no-print-directory browser

assignments-after-build: build-strict
	@$(MAKE) --no-print-directory test-assignments

# PyTorch is never a dependency of the book or of the students' environment: the cross-check
# against it installs the CPU build into an environment of its own, where the tests that
# skip without it must run (REQUIRE_TORCH=1), then prints the benchmark.
CROSSCHECK := .venv-crosscheck
$(CROSSCHECK)/.installed: requirements/crosscheck.txt pyproject.toml
	$(PYTHON) -m venv $(CROSSCHECK)
	$(CROSSCHECK)/bin/python -m pip install --quiet --upgrade pip
	$(CROSSCHECK)/bin/python -m pip install --quiet -r requirements/crosscheck.txt
	$(CROSSCHECK)/bin/python -m pip install --quiet --no-deps -e .
	touch $@

crosscheck: $(CROSSCHECK)/.installed
	REQUIRE_TORCH=1 $(CROSSCHECK)/bin/python -m pytest -p no:cacheprovider tests/test_pytorch_crosscheck.py \
		tests/test_benchmark.py tests/test_gradients.py tests/test_lstm.py
	$(CROSSCHECK)/bin/python scripts/benchmark.py

# The property tests with new random examples, ten times as many (scheduled CI job).
explore: $(VENV)/.test-installed
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -p no:cacheprovider -n 2 tests/test_gradients.py \
		tests/test_forward.py tests/test_gru.py tests/test_lstm.py tests/test_loss.py

refresh: $(VENV)/.test-installed
	$(BIN)/python scripts/refresh_notebooks.py

clean:
	rm -rf $(BUILD) $(VENV) $(CROSSCHECK) offline/node_modules
