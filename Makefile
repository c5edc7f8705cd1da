# mandat: `make run` and `make test` work on a fresh clone with only Python 3.10+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test validate bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: install, then take the tour of the shipped data (the headline questions)
run: $(STAMP)
	$(BIN)/mandat tour

## test: install, then run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## validate: check the ontology and data (SHACL, SPARQL checks, integrity)
validate: $(STAMP)
	$(BIN)/mandat validate

## bench: measure a cold CLI question against plain Python imports
bench: $(STAMP)
	$(BIN)/python benchmarks/cold_start.py

clean:
	rm -rf $(VENV) out .pytest_cache
