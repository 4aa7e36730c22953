# One entry point for people and CI. Everything installs into .venv from nothing but
# Python 3.11 and pip; the end-to-end tests also need tmux.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
AGENDA ?= agenda.toml
# The end-to-end tests run the command as a user installs it: from the wheel, in a venv
# of its own that holds the wheel and the test tools, never the source tree.
WHEEL_VENV := .venv-wheel
WHEEL_BIN := $(WHEEL_VENV)/bin
WHEEL_DIR := $(WHEEL_VENV)/dist
# Unit and Pilot tests run in parallel, one worker per core; the tmux tests run one at a
# time (real terminals in real time), beside them: they mostly wait for a console.
WORKERS ?= auto

.PHONY: run test test-fast test-e2e wheel soak check lint bench clean

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

# A fresh venv with the dependencies and test tools; rebuilt when pyproject.toml changes.
# setuptools is there to build the wheel without fetching it for every build.
$(WHEEL_VENV)/.installed: pyproject.toml
	rm -rf $(WHEEL_VENV)
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=70.1'
	$(WHEEL_BIN)/python -m pip install --quiet '.[test]'
	rm -rf build
	touch $@

# The wheel of the tree as it is now, installed in place of the last one. The build
# folder goes before and after, so no file of an earlier build slips into the wheel.
wheel: $(WHEEL_VENV)/.installed
	rm -rf build $(WHEEL_DIR)
	$(WHEEL_BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w $(WHEEL_DIR) .
	rm -rf build
	$(WHEEL_BIN)/python -m pip install --quiet --no-deps --force-reinstall $(WHEEL_DIR)/*.whl

run: $(VENV)/.installed-run
	$(BIN)/facilitator run $(AGENDA)

# Both halves at once, each one's output in one piece when it ends. pytest exits 5 when
# it collects nothing; that is a failure here, and make fails on any non-zero status.
test: $(VENV)/.installed-test $(WHEEL_VENV)/.installed
	$(MAKE) --no-print-directory -j2 --output-sync=target test-fast test-e2e

test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -n $(WORKERS) --dist worksteal tests/unit tests/ui

# The tests find the command beside the Python that runs them: the wheel's.
test-e2e: wheel
	FACILITATOR_EXPECT_WHEEL=1 $(WHEEL_BIN)/python -m pytest -q -p no:cacheprovider tests/e2e

# Three writers on one session for ten minutes instead of the suite's fifteen seconds.
soak: $(VENV)/.installed-test
	FACILITATOR_SOAK_SECONDS=600 $(BIN)/python -m pytest -q tests/e2e/test_notes_soak.py

# Issue 17's budgets, each a ratio against a baseline measured in the same run (a bare
# Textual app, termdown for CPU); writes bench/RESULTS.md. BENCH_ARGS="--quick" for a try.
bench: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet termdown
	$(BIN)/python bench/run_all.py $(BENCH_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check facilitator tests bench tools
	$(BIN)/ruff format --check facilitator tests bench tools
	$(BIN)/mypy facilitator
	$(BIN)/lint-imports

check: lint test

clean:
	rm -rf $(VENV) $(WHEEL_VENV) build .pytest_cache .mypy_cache .ruff_cache
