# Two entry points for a fresh clone: `make run` and `make test`. Every target sets up .venv first.
# `make test` is the full gate CI runs; `make test-fast` skips the PostgreSQL runs and the tests
# that spawn processes or start servers (markers applied by tests/conftest.py).
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test test-fast lint bench
BENCHMARKS := startup engine_turns critique_bench critique_eval exports_bench knowledge_eval \
	knowledge_perf llm_overhead slack_bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/journeybot run

test: $(STAMP)
	$(VENV)/bin/pytest

test-fast: $(STAMP)
	$(VENV)/bin/pytest -m "not slow and not postgres"

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP)
	@for name in $(BENCHMARKS); do \
		echo "== bench/$$name.py"; \
		PYTHONPATH=. $(VENV)/bin/python bench/$$name.py || exit 1; \
	done
