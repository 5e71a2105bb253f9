# Two commands on a fresh machine with Python 3.11: `make run` (dashboard on the sample region)
# and `make test` (the whole test suite). Both install uv with pip when it is missing.
# `make check` runs only the static checks (ruff, ruff format, mypy), without the tests.
export UV_PYTHON_DOWNLOADS := never
UV = $(shell command -v uv 2>/dev/null || echo python3 -m uv)

.PHONY: run test check bench sample fuzz ensure-uv

ensure-uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

run: ensure-uv
	$(UV) sync --frozen --compile-bytecode
	$(UV) run streamlit run serve.py

# --compile-bytecode: the installed packages compiled once (seconds, then only what changed), so
# that no process of the suite (xdist workers, the isolated solver workers, Streamlit servers)
# compiles pandas, Streamlit &c. again on import, also where PYTHONDONTWRITEBYTECODE is set
test: ensure-uv
	$(UV) sync --frozen --compile-bytecode
	$(UV) run pytest -n 2  # two workers: the suite takes half the time on two cores

check: ensure-uv
	$(UV) sync --frozen
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy

bench: ensure-uv
	$(UV) sync --frozen --group bench
	$(UV) run --group bench python -m benchmarks

sample: ensure-uv
	$(UV) run python sample_data/generate.py

# a larger mutation campaign than the test suite's (every valid mutant settled)
fuzz: ensure-uv
	$(UV) sync --frozen
	$(UV) run python -m tests.fuzzing --mutants 2000 --seed 7
