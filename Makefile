# The two commands of the README: `make demo` and `make test`. Set-up is idempotent.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench lint golden stores browser lighthouse postgres redis clean

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

# The suite in two parts: everything that does not time itself against a threshold, on
# TEST_WORKERS pytest-xdist workers (browser tests mostly wait on stores, so more workers
# than cores pay); then the `serial` tests alone, so other tests' load cannot move them.
TEST_WORKERS ?= 3
test: setup lighthouse postgres redis
	$(VENV)/bin/ruff check auditor tests benchmarks scripts
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup -m "not serial" --durations=15
	$(PY) -m pytest -m serial --durations=5

bench: setup lighthouse redis
	$(PY) benchmarks/bench.py

# The zoo: real store platforms set up from the registries (cached), every built-in persona
# walked on each with no profile; one table, reports in reports/stores/.
stores: setup
	$(PY) stores/zoo.py

# After an intended change of judgement: the saved demo run judged again, written back.
golden: setup
	$(PY) scripts/golden.py

lint: setup
	$(VENV)/bin/ruff check auditor tests benchmarks scripts

clean:
	rm -rf $(VENV) lighthouse/node_modules reports/run-* reports/latest reports/demo
