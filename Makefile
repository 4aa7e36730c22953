# One entry point for people and CI. Everything installs into .venv from nothing but
# Python 3.11 and pip; the end-to-end tests also need tmux.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
AGENDA ?= agenda.toml

.PHONY: run test check lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps record which extras are installed, so a change to pyproject.toml reinstalls.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/facilitator run $(AGENDA)

# pytest exits 5 when it collects nothing; that is a failure here, and make fails on any
# non-zero status.
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# The budgets of DESIGN.md against their baselines; termdown is the CPU baseline.
bench: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet termdown
	$(BIN)/python bench/run_all.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check facilitator tests bench tools
	$(BIN)/mypy facilitator

check: lint test

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
