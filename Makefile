# The two commands a newcomer needs (see README.md):
#   make run    set everything up and open the app on the bundled sample article
#   make test   set everything up and run the whole check: ruff, mypy on the core, the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: setup run test test-quick lint bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

run: setup
	bash scripts/system-deps.sh run
	$(BIN)/workbench open

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup
	bash scripts/system-deps.sh test
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test-quick: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not bundle and not slow"

bundle: setup
	$(BIN)/pyinstaller --noconfirm build.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
