# Two commands: `make book` builds the website, `make test` runs every test.
# Both set up their own virtual environment (.venv) from the pinned requirements.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BUILD := _build

.PHONY: book test unit nbval build-strict refresh clean help

help:
	@echo "make book     build the website into $(BUILD)/html (executes every notebook)"
	@echo "make test     unit tests, strict nbval over every chapter, warnings-as-errors build"
	@echo "make refresh  re-execute the chapter notebooks and store their outputs in place"
	@echo "make clean    remove $(BUILD) and $(VENV)"

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

book: $(VENV)/.book-installed
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "The book is in $(CURDIR)/$(BUILD)/html/index.html"

unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests

nbval: $(VENV)/.test-installed
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider book

build-strict: $(VENV)/.test-installed
	$(BIN)/jupyter-book build . -W -n --keep-going

test: unit nbval build-strict

refresh: $(VENV)/.test-installed
	$(BIN)/python scripts/refresh_notebooks.py

clean:
	rm -rf $(BUILD) $(VENV)
