"""``python -m benchmarks.duckdb_process FOLDER YEAR THREADS``: the DuckDB reference as a whole
process of its own, importing only DuckDB and the standard library (no pandas, no pyarrow, no
product code), so that its time is what the SQL needs. Prints one JSON line: the hospital
summary and the seconds spent importing, reading and settling."""

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks.duckdb_reference import settle_sql  # noqa: E402  (imports duckdb)


def main(argv: list[str]) -> int:
    imported = time.perf_counter()
    folder, year, threads = Path(argv[0]), int(argv[1]), int(argv[2])
    seconds: dict[str, float] = {}
    hospitals = settle_sql(folder, year, threads, seconds)
    figures = {
        "import_s": imported - STARTED,
        "read_s": seconds["read"],
        "validate_s": 0.0,  # the region is known to be valid; the SQL checks nothing
        "settle_s": seconds["settle"],
        "threads": threads,
        "hospitals": hospitals,
    }
    print(json.dumps(figures, default=int))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
