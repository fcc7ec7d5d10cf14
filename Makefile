# Every target installs what it needs into .venv first; nothing else is assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCALE ?= en-US
PORT ?= 8000
# The content folder the editor targets read: CONTENT=examples/help-center make serve shows the example.
CONTENT ?= content
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install python check build serve report test lint typecheck format lock clean i18n bench fuzz mutation

help:
	@echo "make serve    preview en-US on http://127.0.0.1:8000/en-us/ with live reload (LOCALE=fr-FR, PORT=8001)"
	@echo "              check, build, serve, report and i18n read content/, or CONTENT=examples/help-center"
	@echo "make test     lint, type-check, then the whole test suite (browser tests included), with branch coverage"
	@echo "make fuzz     fuzz the check: 10,000 random policies and catalogs, valid or broken, per test (slow)"
	@echo "make build    build the static site into site/, a folder per locale"
	@echo "make check    prove the policies in content/ and check the catalogs"
	@echo "make report   write report.html: each policy's table, finder flow, facts and links, for a review"
	@echo "make i18n     update the catalogs after an English edit, then show their status"
	@echo "make mutation  mutation testing of generator/logic and generator/i18n, then the score (slow: an hour)"
	@echo "make bench    the proof against brute force, the build and the preview against stock MkDocs (ratios)"
	@echo "make format   format the code; make lock: re-pin requirements.txt"

$(BIN)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The checkers the tests run on the built site (Nu HTML checker, axe-core), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Python alone (the editors' and translators' targets); `install` adds the HTML checkers the tests need.
python: $(BIN)/.installed

install: python node_modules/.installed

check: python
	$(BIN)/python -m generator check --content $(CONTENT)

# build and serve read the content folder from mkdocs.yml (the plugin's `content:`), which takes CONTENT.
build: python
	CONTENT=$(CONTENT) $(BIN)/python -m generator build

serve: python
	CONTENT=$(CONTENT) $(BIN)/python -m generator serve --locale $(LOCALE) --dev-addr 127.0.0.1:$(PORT)

report: python
	$(BIN)/python -m generator report --content $(CONTENT) -o report.html

i18n: python
	$(BIN)/python -m generator i18n --content $(CONTENT) update
	$(BIN)/python -m generator i18n --content $(CONTENT) status

bench: python
	$(BIN)/python benchmarks/bench.py

lint: install
	$(BIN)/ruff check generator tests benchmarks tools
	$(BIN)/ruff format --check generator tests benchmarks tools

# Strict types on generator/ (settings in pyproject.toml).
typecheck: python
	$(BIN)/mypy

# The whole suite on two processes, with the branches of generator/ it covers (the lines it misses are listed).
test: lint typecheck
	$(BIN)/python -m pytest -n 2 --cov=generator --cov-branch --cov-report=term-missing:skip-covered

fuzz: python
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -q

# mutmut mutates a copy of the code in mutants/ and runs, per mutant, the fast tests that call the mutated function
# (configured in pyproject.toml's [tool.mutmut]); every run starts afresh, so results never outlive the tests.
mutation: python
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2
	$(BIN)/python tools/mutation_score.py mutants

format: python
	$(BIN)/ruff format generator tests benchmarks tools
	$(BIN)/ruff check --fix generator tests benchmarks tools

lock: python
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -v "^pip==" > requirements.txt

clean:
	rm -rf site .pytest_cache .hypothesis mutants
