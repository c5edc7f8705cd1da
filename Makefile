# mandat: `make run` and `make test` work on a fresh clone with only Python 3.10+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test validate bench clean browser mutation

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: install, then take the tour of the shipped data (the headline questions)
run: $(STAMP)
	$(BIN)/mandat tour

## test: install, then run the whole test suite under two hash seeds (answers must not
## depend on set order); skipped tests are listed with the command that enables them
test: $(STAMP)
	PYTHONHASHSEED=0 $(BIN)/python -m pytest -q
	PYTHONHASHSEED=4242 $(BIN)/python -m pytest -q

## browser: install Debian's chromium for the browser tests of the views (needs root)
browser:
	command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)

## mutation: mutation testing of graph/queries/ and the name resolver with the fast tests
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet "mutmut>=3.2,<4"
	$(BIN)/python benchmarks/mutation.py

## validate: check the ontology and data (SHACL, SPARQL checks, integrity)
validate: $(STAMP)
	$(BIN)/mandat validate

## bench: measure a cold CLI question against plain Python imports
bench: $(STAMP)
	$(BIN)/python benchmarks/cold_start.py

clean:
	rm -rf $(VENV) out .pytest_cache
