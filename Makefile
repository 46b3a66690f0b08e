# Two commands: `make demo` (audit report of examples/) and `make test` (the whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test lint typecheck unit system-deps clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "dsgvo-check needs Python >= 3.11 (set PYTHON=python3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

system-deps:
	@bash tools/system-deps.sh

# Exit code 1 means "findings at or above fail_on": expected for the demo; 2 is a real error.
demo: system-deps $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/dsgvo-check scan examples || [ $$? -eq 1 ]
	$(BIN)/dsgvo-check scan examples --format json --output $(OUT)/examples.json || [ $$? -eq 1 ]
	$(BIN)/dsgvo-check report examples --output $(OUT)/audit.pdf || [ $$? -eq 1 ]
	@echo "Audit report: $(OUT)/audit.pdf (JSON: $(OUT)/examples.json)"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

unit: system-deps $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
