# The two commands of the README: `make demo` and `make test`. Set-up is idempotent.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench lint browser lighthouse postgres redis clean

setup: $(STAMP) browser

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

browser:
	@sh scripts/ensure-chromium.sh

lighthouse:
	@sh scripts/ensure-lighthouse.sh

postgres:
	@sh scripts/ensure-postgres.sh

redis:
	@sh scripts/ensure-redis.sh

demo: setup
	$(VENV)/bin/auditor demo --fast-typing

test: setup lighthouse postgres redis
	$(PY) -m pytest --durations=15

bench: setup lighthouse redis
	$(PY) benchmarks/bench.py

lint: setup
	$(VENV)/bin/ruff check auditor tests benchmarks

clean:
	rm -rf $(VENV) lighthouse/node_modules reports/run-* reports/latest reports/demo
