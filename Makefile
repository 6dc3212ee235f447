# Two commands matter: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench screenshots wheel bundle bundle-test clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/mbc-guide

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests packaging
	$(BIN)/ruff format --check desktop_app tests packaging

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck unit

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/benchmarks -p no:randomly -s

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop_app.ui.screenshots docs/screenshots

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps --no-build-isolation -w dist .

# The frozen one-folder bundle: dist/mbc-guide/ (see packaging/README.md).
BUNDLE_STAMP := $(VENV)/.bundle-installed

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN \
		--workpath build/pyinstaller --distpath dist packaging/mbc-guide.spec
	@du -sh dist/mbc-guide

# Builds the bundle, then runs it from a copy outside the repository with no virtualenv.
bundle-test: bundle
	$(BIN)/python packaging/bundle_test.py dist/mbc-guide

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
