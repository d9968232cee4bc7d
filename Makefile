# briefkit: the commands of the README. Each target creates .venv when it is missing and
# installs the project into it (from requirements-lock.txt when present, so runs are pinned).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := $(wildcard requirements-lock.txt)
SHARED_NLTK := $(wildcard ../shared/nltk_data)
# Use NLTK's data beside the checkout when it is there; briefkit falls back on its own otherwise.
ifneq ($(SHARED_NLTK),)
export NLTK_DATA ?= $(abspath $(SHARED_NLTK))
endif
HOST ?= 127.0.0.1
PORT ?= 8866
# The folder JupyterLab opens: the teacher's notebooks, or NOTEBOOKS=build/exercises for the
# student copies (JupyterLab cannot reach a folder above the one it opens).
NOTEBOOKS ?= notebooks

.PHONY: help report test lab dashboard bench exercises lock clean

help:
	@echo "make report     run every notebook on the sample corpus -> build/report/index.html"
	@echo "make test       run the tests (unit, doctests, notebooks)"
	@echo "make lab        open the notebooks in JupyterLab (NOTEBOOKS=build/exercises: the student copies)"
	@echo "make dashboard  serve the exploration notebook with Voila on http://$(HOST):$(PORT) (HOST=, PORT=)"
	@echo "make bench      time the pipeline (300 and 3,000 briefs) -> build/bench.json"
	@echo "make exercises  student copies of the notebooks, answers removed -> build/exercises/"
	@echo "make lock       refresh requirements-lock.txt (UPGRADE=1 moves every pin to the newest)"
	@echo "make clean      delete build/ and .briefkit-cache/ (outputs and caches; keeps build/exercises/ and .venv)"
	@echo "On your own briefs: .venv/bin/briefkit report --briefs path/to/briefs (see README.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel

# The notebooks' environment: enough for `make report` and `make lab`.
$(VENV)/.installed-base: pyproject.toml $(LOCK) | $(BIN)/python
	$(if $(LOCK),$(BIN)/python -m pip install --quiet -r $(LOCK),)
	$(BIN)/python -m pip install --quiet -e ".[notebooks]"
	touch $@

# Everything for tests and benchmarks as well.
$(VENV)/.installed-dev: $(VENV)/.installed-base
	$(BIN)/python -m pip install --quiet -e ".[notebooks,dev,pdf,scale,xlsx]"
	touch $@

report: $(VENV)/.installed-base
	$(BIN)/briefkit report

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

# JupyterLab's settings for this venv only: no news pop-up, no update check (nothing reaches
# the network, and a class is not asked about Jupyter news on every fresh browser).
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_OVERRIDES): | $(BIN)/python
	mkdir -p $(@D)
	echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $@

lab: $(VENV)/.installed-base $(LAB_OVERRIDES)
	$(BIN)/jupyter lab --ip=$(HOST) --notebook-dir=$(NOTEBOOKS) $(if $(filter 0,$(shell id -u)),--allow-root,)

dashboard: $(VENV)/.installed-base
	@echo "Serving notebooks/05-explore.ipynb on http://$(HOST):$(PORT) (local only; HOST=0.0.0.0 to share)"
	$(BIN)/python -m briefkit.exercises --dashboard build/dashboard
	$(BIN)/voila build/dashboard/05-explore.ipynb --Voila.ip=$(HOST) --port=$(PORT) --no-browser

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/pipeline.py --sizes 300 3000 --out build/bench.json

# Student copies: every `solution` cell replaced by `answer = ...  # your answer here`.
exercises: $(VENV)/.installed-base
	$(BIN)/python -m briefkit.exercises --out build/exercises
	@echo "Open them in JupyterLab with: make lab NOTEBOOKS=build/exercises"

# Exact versions of every dependency, all extras, for the platform we test (Linux x86_64,
# Python 3.11), resolved by pip-compile through pip's configured index. Existing pins are
# kept where they still fit pyproject.toml, so a refresh changes only what must change.
lock: | $(BIN)/python
	@$(BIN)/python -c 'import platform, sys; sys.exit(sys.version_info[:2] != (3, 11) or platform.machine() != "x86_64")' \
	  || { echo "make lock: the lock is for Linux x86_64 with Python 3.11; this venv is not"; exit 1; }
	$(BIN)/python -m pip install --quiet pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --extra notebooks --extra dev \
	  --extra pdf --extra scale --extra xlsx --strip-extras --no-emit-index-url --no-emit-find-links \
	  $(if $(UPGRADE),--upgrade,) --output-file requirements-lock.txt pyproject.toml

# build/exercises holds the students' answers: clean keeps it (delete it by hand).
clean:
	@if [ -d build ]; then find build -mindepth 1 -maxdepth 1 ! -name exercises -exec rm -rf {} +; fi
	@if [ -d build/exercises ]; then echo "make clean: kept build/exercises/ (the students' copies); delete it by hand"; fi
	rm -rf .briefkit-cache .pytest_cache
