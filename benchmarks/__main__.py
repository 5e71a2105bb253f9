"""Run benchmarks: ``python -m benchmarks [NAME …]``; prints time and peak memory of each.

Each case runs in a fresh process; peak memory is that process's maximum resident set size.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

from benchmarks.cases import CASES


def run_one(name: str) -> None:
    figures = CASES[name]()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--one":
        run_one(argv[1])
        return 0
    names = argv or list(CASES)
    for name in names:
        if name not in CASES:
            print(f"unknown benchmark {name!r}; choose from {', '.join(CASES)}")
            return 2
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks", "--one", name],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(f"{name}: FAILED\n{proc.stderr[-2000:]}")
            return 1
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        shown = ", ".join(f"{k} {_fmt(v)}" for k, v in figures.items())
        print(f"{name}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
