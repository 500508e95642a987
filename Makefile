# Two commands do all set-up on a fresh machine with Python 3.11 and make:
#   make run    install, then open the review app on the bundled sample study
#   make test   install, then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test check bench docs clean

run: $(STAMP)
	$(BIN)/transqa review samples/study

check: $(STAMP)
	$(BIN)/transqa check samples/study --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	for b in bench/*_bench.py; do $(BIN)/python $$b || exit 1; done

docs: $(STAMP)
	$(BIN)/python -m transqa.docs

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "transqa needs Python 3.11 or newer"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
