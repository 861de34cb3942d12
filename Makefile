# The habits of this project. `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench bench-events docs screenshots dataset clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/orgnet demo --lang da

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check orgnet tests benchmarks scripts

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/personal.py
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/groups.py
	$(BIN)/python benchmarks/keyplayers.py
	$(BIN)/python benchmarks/qap.py
	$(BIN)/python benchmarks/events.py

# orgnet events alone: 50 million e-mails on DuckDB, 5 million on Spark (docs/performance.md).
bench-events: $(VENV)/.installed-test
	$(BIN)/python benchmarks/events.py

# The CLI reference, from the commands' own --help (a test keeps it in step).
docs: $(VENV)/.installed
	$(BIN)/python -m orgnet.cli.reference > docs/cli.md

# The pictures in docs/img/: every page in Danish on the shipped municipality, drawn by Chromium.
screenshots: $(VENV)/.installed-test
	$(BIN)/python scripts/screenshots.py

# Regenerate the shipped municipality (the same seed gives the same files).
dataset: $(VENV)/.installed
	rm -rf datasets/skovbjerg/*.csv
	$(BIN)/orgnet generate -o datasets/skovbjerg --people 1200 --seed 2007
	rm -rf datasets/skovbjerg-2008/*.csv
	$(BIN)/orgnet generate --wave2-of datasets/skovbjerg --seed 2008 -o datasets/skovbjerg-2008

clean:
	rm -rf $(VENV) out .pytest_cache
