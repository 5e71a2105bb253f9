"""The national model's PuLP build and hand-over to HiGHS against the direct array build, in one
process (issue 12 item 6): ``uv run --group bench python -m benchmarks.build_ratio [runs]``.

Prints each run and the medians; the ratio is (build + hand-over) / direct. Pass ``--profile`` to
print cProfile's 30 most expensive functions of one run instead.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import time
from dataclasses import dataclass

import highspy
import pulp

from benchmarks.direct_model import build_and_pass
from benchmarks.national import national_sheets
from calculator.validate import load_frames
from optimizer.build import build
from optimizer.inputs import ModelInputs, Options, prepare
from optimizer.model import Model
from optimizer.solver import make_solver

# the build is compared on the travel objective, which has no move variables: the direct array
# model (benchmarks/direct_model.py) covers the families of that model only
OPTIONS = Options(
    free_moves=True, max_travel=60, gap=0.01, time_limit=300, propose=False, objective="travel"
)


@dataclass
class Built:
    """The national model built through PuLP and handed to HiGHS, and the direct array build."""

    model: Model
    solver: pulp.LpSolver
    direct: highspy.Highs
    seconds: tuple[float, float, float]  # PuLP build, hand-over, direct build


def build_both(inputs: ModelInputs) -> Built:
    t0 = time.perf_counter()
    model = build(inputs)
    t1 = time.perf_counter()
    solver = make_solver(OPTIONS)
    solver.createAndConfigureSolver(model.prob)
    solver.buildSolverModel(model.prob)
    t2 = time.perf_counter()
    direct = build_and_pass(inputs)
    t3 = time.perf_counter()
    return Built(model, solver, direct, (t1 - t0, t2 - t1, t3 - t2))


def one_run(inputs: ModelInputs) -> tuple[float, float, float]:
    """Seconds for the PuLP build, its hand-over to HiGHS and the direct build."""
    return build_both(inputs).seconds


def main(argv: list[str]) -> None:
    inputs = prepare(load_frames(national_sheets(), "national"), 2026, OPTIONS)
    if "--profile" in argv:
        profile = cProfile.Profile()
        profile.runcall(one_run, inputs)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return
    runs = [one_run(inputs) for _ in range(int(argv[0]) if argv else 3)]
    medians = tuple(statistics.median(run[i] for run in runs) for i in range(3))
    for label, (b, h, d) in [*(("run", run) for run in runs), ("median", medians)]:
        print(
            f"{label}: build {b:.3f} s, hand-over {h:.3f} s, direct {d:.3f} s, "
            f"ratio {(b + h) / d:.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
