# Two commands matter: `make run` and `make test`. Both create .venv when it is missing.
# Python 3.12 or newer, found by tools/find-python (which says what to install when
# there is none); `make test PYTHON=/path/to/python3.12` names one instead.
PYTHON ?= $(shell sh tools/find-python)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench screenshots wheel bundle bundle-test clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { sh tools/find-python; exit 1; }
	@# A .venv made with an older Python (before 3.12 was required) is made again.
	@$(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
		|| { rm -rf $(VENV) && echo "creating $(VENV) with $(PYTHON)" \
		&& $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/mbc-guide

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests packaging tools
	$(BIN)/ruff format --check desktop_app tests packaging tools
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck unit

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/benchmarks -p no:randomly -s

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots docs/screenshots

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
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
