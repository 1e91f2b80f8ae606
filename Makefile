# typeset — the two commands a student needs: `make pdf` and `make test`.
# Everything else (Debian TeX Live packages, the Python venv) is installed on demand.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEB_PACKAGES := texlive-xetex texlive-latex-recommended texlive-latex-extra \
  texlive-pictures texlive-lang-other texlive-bibtex-extra texlive-fonts-recommended texlive-plain-generic biber latexmk \
  poppler-utils fontconfig fonts-tlwg-laksaman-otf fonts-lmodern libwmf-bin librsvg2-bin pandoc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all pdf test bench deps venv clean

all: pdf

# Debian packages: install only what is missing (dpkg knows; no network when all present).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(BIN)/typeset: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

venv: $(BIN)/typeset

pdf: deps venv
	$(BIN)/typeset build examples/thesis -o build

test: deps venv
	$(BIN)/python -m pytest -q

# pandoc (in DEB_PACKAGES: the .docx import converts Word equations with it) is also the
# benchmark's baseline.
bench: deps venv
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/docx_bench.py
	$(BIN)/python benchmarks/pdfimport.py

clean:
	rm -rf build
