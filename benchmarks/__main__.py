"""``python -m benchmarks [--runs N] [GROUP ...]``: run the benchmark cases and print one table.

Every case runs as a whole process of its own (``--one CASE``); its wall time and peak memory
(maximum resident set size) are measured from outside; this process stays small (no pandas),
since a child starts with its parent's peak memory. A case with a reference runs in turn with
it, A B A B …, and the ratio is taken pair by pair, so a comparison holds while the shared
machine's speed drifts: the table gives the median and the best of ``--runs`` pairs. The table is
printed and written to ``benchmarks/RESULTS.md`` with the machine it ran on, one section per
group: a run of some groups rewrites their sections and keeps the others.

Groups: read, settle, lines, partitioned, optimize, years, dashboard (all by default).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.cases import CASES, YEAR, region_folder

RESULTS = Path(__file__).parent / "RESULTS.md"
PARTS = ("import", "read", "validate", "settle")  # the in-process parts of a settlement run


@dataclass(frozen=True)
class Run:
    """One whole process: wall time [s], CPU time (user + system, all threads) [s], peak
    memory [MB] and the figures it printed."""

    wall_s: float
    peak_mb: float
    figures: dict
    cpu_s: float = 0.0


@dataclass(frozen=True)
class Row:
    case: str
    time: str
    memory: str
    reference: str
    ratio: str
    target: str


def run_case(name: str) -> Run:
    """Run one case in a fresh process; raise with its error output when it fails."""
    return run_process(["-m", "benchmarks", "--one", name], name)


def run_process(args: list[str], name: str) -> Run:
    """Run ``python ARGS`` as a fresh process; its last output line is its JSON figures."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args], stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"case {name} failed:\n{err.read()[-3000:]}")
        figures = json.loads(out.read().strip().splitlines()[-1])
    return Run(wall, usage.ru_maxrss / 1024, figures, usage.ru_utime + usage.ru_stime)


def run_duckdb(n: int, threads: int) -> Run:
    """The DuckDB reference on the region with n registrations, in a process that imports only
    DuckDB (``benchmarks/duckdb_process.py``)."""
    folder = str(region_folder(n))
    args = ["-m", "benchmarks.duckdb_process", folder, str(YEAR), str(threads)]
    return run_process(args, f"duckdb {n:,}")


def split(runs: list[Run]) -> str:
    """How the whole process's time divides (medians): interpreter start and exit (the wall
    time not accounted for inside), imports, reading, validation, settlement."""
    parts = {k: _med([r.figures[f"{k}_s"] for r in runs]) for k in PARTS}
    start = _med([r.wall_s - sum(r.figures[f"{k}_s"] for k in PARTS) for r in runs])
    shown = [f"start + exit {start:.2f}"] + [f"{k} {v:.2f}" for k, v in parts.items()]
    return ", ".join(shown) + f" s; CPU {_med([r.cpu_s for r in runs]):.2f} s"


def _med(values: list[float]) -> float:
    return statistics.median(values)


def _time(runs: list[Run]) -> str:
    walls = [r.wall_s for r in runs]
    if len(walls) == 1:
        return f"{walls[0]:.2f} s"
    return f"{_med(walls):.2f} s (min {min(walls):.2f})"


def _memory(runs: list[Run]) -> str:
    return f"{_med([r.peak_mb for r in runs]):,.0f} MB"


def _ratio(values: list[float]) -> str:
    return (
        f"{_med(values):.2f}× (min {min(values):.2f}×)" if len(values) > 1 else f"{values[0]:.2f}×"
    )


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def read_rows(runs: int) -> list[Row]:
    """The sample once; the 200,000-row workbook in ``runs`` processes, each reading it with
    the product and then with python-calamine alone: wall and CPU ratios pair by pair."""
    sample = run_case("read_sample")
    sheets = [run_case("read_200k") for _ in range(runs)]
    f = [r.figures for r in sheets]
    wall = [x["xlsx_s"] / x["calamine_s"] for x in f]
    cpu = [x["xlsx_cpu_s"] / x["calamine_cpu_s"] for x in f]
    calamine = _med([x["calamine_s"] for x in f])
    calamine_cpu = _med([x["calamine_cpu_s"] for x in f])
    return [
        Row(
            "read + validate the sample workbook (whole process)",
            _time([sample]),
            _memory([sample]),
            "",
            "",
            "",
        ),
        Row(
            f"read + validate 200,000 registrations: xlsx (in process, after a first read that "
            f"paid the imports: {_med([x['xlsx_first_s'] for x in f]):.2f} s; {len(f)} "
            f"processes, median; CPU {_med([x['xlsx_cpu_s'] for x in f]):.2f} s)",
            _spread([x["xlsx_s"] for x in f]),
            _memory(sheets),
            "python-calamine alone, every sheet to Python values (no typing, no checks): "
            f"{calamine:.2f} s (CPU {calamine_cpu:.2f} s)",
            f"{_ratio(wall)}; CPU {_ratio(cpu)}",
            # both: on a shared machine either clock alone can flatter one side
            f"≤ 2× (wall and CPU): {_verdict(_med(wall) <= 2 and _med(cpu) <= 2)}",
        ),
        Row(
            "read + validate 200,000 registrations: CSV (in process; CPU "
            f"{_med([x['csv_cpu_s'] for x in f]):.2f} s)",
            _spread([x["csv_s"] for x in f]),
            "",
            "",
            "",
            "",
        ),
    ]


def _spread(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.2f} s"
    return f"{_med(values):.2f} s (min {min(values):.2f})"


def settle_rows(runs: int) -> list[Row]:
    run_case("prepare_regions")  # written once, outside the timings
    # DuckDB gets as many threads as the product has cores for (pyarrow reads with one thread
    # per core; pandas settles on one): its default. One round also runs it on one thread.
    threads = os.cpu_count() or 1
    one, ref, three = [], [], []
    for _ in range(runs):  # rounds: product 1M, DuckDB 1M, product 3M
        one.append(run_case("settle_1m"))
        ref.append(run_duckdb(1_000_000, threads))
        three.append(run_case("settle_3m"))
    single = run_duckdb(1_000_000, 1)
    same = all(
        a.figures["hospitals"] == b.figures["hospitals"]
        for a, b in zip(one, [*ref, single], strict=False)
    )
    t_ratio = [a.wall_s / b.wall_s for a, b in zip(one, ref, strict=True)]
    m_ratio = [a.peak_mb / b.peak_mb for a, b in zip(one, ref, strict=True)]
    inner = [
        sum(a.figures[f"{k}_s"] for k in ("read", "validate", "settle"))
        / sum(b.figures[f"{k}_s"] for k in ("read", "settle"))
        for a, b in zip(one, ref, strict=True)
    ]
    scale = [c.wall_s / a.wall_s for a, c in zip(one, three, strict=True)]
    return [
        Row(
            f"settle 1,000,000 registrations: read, validate, settle (whole process; {split(one)})",
            _time(one),
            _memory(one),
            f"DuckDB SQL, same matching and pricing, in a process importing only DuckDB, "
            f"{threads} threads: {_time(ref)}, {_memory(ref)} ({split(ref)}; on 1 thread "
            f"{single.wall_s:.2f} s); "
            + ("same totals to the cent" if same else "**TOTALS DIFFER**"),
            f"time {_ratio(t_ratio)}, memory {_ratio(m_ratio)}; read + validate + settle in "
            f"process {_ratio(inner)}",
            f"time ≤ 2.5×: {_verdict(_med(t_ratio) <= 2.5)}; memory ≤ 1.5×: "
            f"{_verdict(_med(m_ratio) <= 1.5)}",
        ),
        Row(
            f"settle 3,000,000 registrations (whole process; {split(three)})",
            _time(three),
            _memory(three),
            f"1,000,000 in the same rounds: {_time(one)}",
            _ratio(scale),
            f"≤ 3.2×: {_verdict(_med(scale) <= 3.2)}",
        ),
    ]


def partitioned_rows(runs: int) -> list[Row]:
    """1,000,000 registrations split by patient into 4 buckets on Dask's local process pool (2
    workers), both year bases, against the in-memory settlement in the same process."""
    run_case("prepare_regions")
    rows = []
    for basis in ("start", "end"):
        run = run_case(f"settle_1m_partitioned_{basis}")
        f = run.figures
        rows.append(
            Row(
                f"settle 1,000,000 registrations split by patient, {f['partitions']} buckets on "
                f"2 worker processes, year basis {basis} (in process; {f['lines']:,} lines)",
                f"{f['partitioned_s']:.2f} s",
                _memory([run]) + " (both runs)",
                f"in memory, same process: {f['in_memory_s']:.2f} s; "
                + ("every table the same to the cent" if f["same"] else "**RESULTS DIFFER**"),
                f"{f['partitioned_s'] / f['in_memory_s']:.2f}×",
                f"same to the cent: {_verdict(f['same'])}",
            )
        )
    return rows


def lines_rows(runs: int) -> list[Row]:
    """``spreiding settle --json`` on 1,000,000 registrations: the lines inside the document,
    in a Parquet file, in a JSON Lines file; against the text run (one round each)."""
    run_case("prepare_regions")
    text = run_case("cli_1m_text")
    rows = []
    for case, how in (
        ("cli_1m_json", "lines inside the JSON document"),
        ("cli_1m_json_parquet", "--lines regels.parquet"),
        ("cli_1m_json_jsonl", "--lines regels.jsonl"),
    ):
        run = run_case(case)
        sizes = ", ".join(f"{k} {v / 1e6:,.1f} MB" for k, v in sorted(run.figures["bytes"].items()))
        rows.append(
            Row(
                f"CLI settle 1,000,000 registrations --json, {how} (whole process; written: "
                f"{sizes.replace('stdout', 'JSON document')}; exit {run.figures['exit']})",
                _time([run]),
                _memory([run]),
                f"the text run (no JSON): {_time([text])}, {_memory([text])}",
                f"time {run.wall_s / text.wall_s:.2f}×, memory {run.peak_mb / text.peak_mb:.2f}×",
                "",
            )
        )
    return rows


def optimize_rows(runs: int) -> list[Row]:
    run = run_case("optimize_national")
    f = run.figures
    handover = f["build_s"] + f["handover_s"]
    gap = f"gap {f['gap_pct']:.2f} %" if f["gap_pct"] is not None else "no gap"
    same = "same size" if f["same_size"] else "**SIZE DIFFERS**"
    rows = [
        Row(
            f"optimizer, national ({f['variables']:,} variables, {f['constraints']:,} rows, "
            f"{f['nonzeros']:,} non-zeros): PuLP 3.3 build {f['build_s']:.2f} s + hand-over to "
            f"HiGHS {f['handover_s']:.2f} s through PuLP's public API (PuLP 4, which builds "
            "in Rust, needs Python ≥ 3.12; this machine and CI have 3.11) (in process, median "
            f"of 3 rounds; preparing the inputs {f['prepare_s']:.2f} s apart)",
            f"{handover:.2f} s",
            _memory([run]),
            f"the same model built as arrays and handed over in one call: {f['direct_s']:.2f} s "
            f"({same})",
            f"{f['build_ratio']:.2f}× (min {f['build_ratio_min']:.2f}×)",
            f"≤ 2×: {_verdict(f['build_ratio'] <= 2)}",
        ),
        Row(
            f"optimizer, national: the default goals (the fewest patients moved, then "
            f"travel; two solves), {'whole' if f['whole'] else 'fractional'} patients, to 1 % "
            f"gap ({f['status']}, {gap}; {float(f['moved']):,.0f} patients moved)",
            f"{f['solve_s']:.2f} s",
            "",
            "20 s",
            f"{f['solve_s'] / 20:.2f}×",
            f"≤ 20 s: {_verdict(f['solve_s'] <= 20)}",
        ),
    ]
    return rows + proposal_rows(f) + nl_rows()


def nl_rows() -> list[Row]:
    """The Netherlands (real locations and norms, synthetic cases): free moves within 90
    minutes to a 1 % gap, and agreement-gated with proposals within 90 minutes."""
    run = run_case("optimize_nl")
    f = run.figures
    size = f["size"]
    gap = f"gap {f['free_gap_pct']:.2f} %" if f["free_gap_pct"] is not None else "no gap"
    return [
        Row(
            f"optimizer, the Netherlands ({f['hospitals']} inpatient locations, "
            f"{f['care_forms']} oncological care forms; {size['variables']:,} variables, "
            f"{size['constraints']:,} rows): free moves within 90 min, solve to 1 % gap "
            f"({f['free_status']}, {gap}; {f['moved']:,.0f} cases moved; building the "
            f"instance {f['instance_s']:.1f} s apart)",
            f"{f['free_s']:.2f} s",
            _memory([run]),
            "20 s",
            f"{f['free_s'] / 20:.2f}×",
            f"≤ 20 s: {_verdict(f['free_s'] <= 20)}",
        ),
        Row(
            f"optimizer, the Netherlands, agreement-gated with proposals within 90 min "
            f"({f['gated_status']}, {f['proposals']} new agreements)",
            f"{f['gated_s']:.2f} s",
            "",
            f"the free-moves solve above: {f['free_s']:.2f} s",
            f"{f['gated_s'] / f['free_s']:.2f}×",
            f"≤ 2×: {_verdict(f['gated_s'] <= 2 * f['free_s'])}",
        ),
    ]


def proposal_rows(single: dict[str, object]) -> list[Row]:
    """The agreement-gated national instance answered with proposals, against the single
    free-moves build + solve above (target ≤ 2×)."""
    run = run_case("optimize_national_proposals")
    p = run.figures
    parts = ("prepare_s", "build_s", "handover_s", "solve_s")
    base = sum(float(str(single[k])) for k in parts)
    ratio = float(p["total_s"]) / base  # type: ignore[arg-type]
    return [
        Row(
            f"optimizer, national with proposals ({p['status']}, {p['proposals']} new "
            f"agreements; stage 1 {float(p['proposals_s']):.1f} s)",  # type: ignore[arg-type]
            f"{float(p['total_s']):.2f} s",  # type: ignore[arg-type]
            _memory([run]),
            f"single free-moves build + solve: {base:.2f} s",
            f"{ratio:.2f}×",
            f"≤ 2×: {_verdict(ratio <= 2)}",
        )
    ]


def years_rows(runs: int) -> list[Row]:
    projected = run_case("project_sample")
    p = projected.figures
    case = run_case("business_case_sample")
    c = case.figures
    swept = run_case("sweep_national")
    f = swept.figures
    rows = [
        Row(
            f"projection of the sample, {p['years']} years (in process; reading "
            f"{p['read_s']:.2f} s before it)",
            f"{p['project_s']:.2f} s",
            _memory([projected]),
            "",
            "",
            f"≤ 5 s: {_verdict(p['project_s'] <= 5)}",
        ),
        Row(
            f"business case of the sample's 2025 plan, {c['years']} years, proportional split "
            f"(after reading {c['read_s']:.2f} s, the plan {c['plan_s']:.2f} s and today's "
            f"projection {c['project_s']:.2f} s; invariants hold: {c['holds']})",
            f"{c['case_s']:.2f} s",
            _memory([case]),
            f"today's projection: {c['project_s']:.2f} s",
            f"{c['case_s'] / c['project_s']:.2f}×",
            f"≤ 2×: {_verdict(c['case_s'] <= 2 * c['project_s'])}",
        ),
        Row(
            f"norm sweep, national, 11 norms of {f['care_form']} ({f['workers']} processes; "
            f"hospitals {f['hospitals']})",
            f"{f['sweep_s']:.1f} s",
            _memory([swept]),
            f"one build + solve of the same model: {f['one_solve_s']:.1f} s",
            f"{f['ratio']:.2f}×",
            f"≤ 4×: {_verdict(f['ratio'] <= 4)}",
        ),
    ]
    return rows + nl_sweep_rows()


def nl_sweep_rows() -> list[Row]:
    run = run_case("sweep_nl")
    f = run.figures
    return [
        Row(
            f"norm sweep, the Netherlands, 11 norms of lung surgery 30–80 ({f['workers']} "
            f"processes; statuses {', '.join(f['statuses'])}; hospitals {f['hospitals']})",
            f"{f['sweep_s']:.1f} s",
            _memory([run]),
            f"one build + solve of the same model: {f['one_solve_s']:.1f} s",
            f"{f['ratio']:.2f}×",
            f"≤ 4×: {_verdict(f['ratio'] <= 4)}",
        )
    ]


def dashboard_rows(runs: int) -> list[Row]:
    cold = [run_case("dashboard_cold") for _ in range(runs)]
    chart = [r.figures["cold_chart_s"] for r in cold]
    warm = [r.figures["warm_chart_s"] for r in cold]
    fresh = [r.figures["fresh_browser_chart_s"] for r in cold]
    ready = _med([r.figures["server_ready_s"] for r in cold])
    spread = f"{_med(chart):.2f} s (min {min(chart):.2f})" if runs > 1 else f"{chart[0]:.2f} s"
    return [
        Row(
            "dashboard: first chart on a fresh server, headless Chromium (page request to the "
            f"region map; the server was ready after {ready:.1f} s, start-up cache included)",
            spread,
            _memory(cold),
            f"3 s; a new session after it: {_med(warm):.2f} s; a visitor with an empty browser "
            f"cache on the warm server: {_med(fresh):.2f} s",
            f"{_med(chart) / 3:.2f}×",
            f"≤ 3 s: {_verdict(_med(chart) <= 3)}",
        )
    ]


def deal_rows(runs: int) -> list[Row]:
    run = run_case("shapley_sample")
    f = run.figures
    return [
        Row(
            f"Shapley split of the sample's 2025 plan ({f['coalitions']} coalitions known, "
            f"the plan itself {f['plan_s']:.1f} s before it; in process)",
            f"{f['shapley_s']:.1f} s",
            _memory([run]),
            "60 s",
            f"{f['shapley_s'] / 60:.2f}×",
            f"≤ 60 s: {_verdict(f['shapley_s'] <= 60)}",
        )
    ]


GROUPS: dict[str, Callable[[int], list[Row]]] = {
    "read": read_rows,
    "settle": settle_rows,
    "lines": lines_rows,
    "partitioned": partitioned_rows,
    "optimize": optimize_rows,
    "years": years_rows,
    "deal": deal_rows,
    "dashboard": dashboard_rows,
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        names = [
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024**2:.0f} GiB"
    except (OSError, ValueError, IndexError):
        memory = "?"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, {memory}; "
        f"Python {platform.python_version()}; load average at the start {load}"
    )


def table(rows: list[Row]) -> str:
    head = "| case | time | peak memory | reference | ratio | target |"
    lines = [head, "|---|---|---|---|---|---|"]
    lines += [
        f"| {r.case} | {r.time} | {r.memory} | {r.reference} | {r.ratio} | {r.target} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--one":
        figures = CASES[argv[1]]()
        print(json.dumps(figures))
        return 0
    runs = 3
    if argv[:1] == ["--runs"]:
        runs, argv = int(argv[1]), argv[2:]
    names = argv or list(GROUPS)
    unknown = [n for n in names if n not in GROUPS]
    if unknown:
        print(f"unknown group {unknown[0]!r}; choose from {', '.join(GROUPS)}")
        return 2
    started = dt.datetime.now(dt.UTC)
    host = machine()
    sections: dict[str, str] = {}
    for name in names:
        text = table(GROUPS[name](runs))
        print(f"## {name}\n\n{text}\n")
        sections[name] = (
            f"`python -m benchmarks {name}` ({runs} rounds where a case has a reference), "
            f"{started:%Y-%m-%d %H:%M} UTC.\n\nMachine: {host}.\n\n{text}\n"
        )
    RESULTS.write_text(merged(RESULTS.read_text() if RESULTS.exists() else "", sections))
    print(f"written to {RESULTS} (groups {', '.join(names)}; the other groups' tables kept)")
    return 0


HEAD = (
    "# Benchmark results\n\n"
    "One section per group, each written by the last run of that group (`make bench` runs them "
    "all; `python -m benchmarks GROUP …` rewrites only the groups it runs and keeps the others). "
    "Times are whole processes (interpreter start, imports and reading included) unless the "
    "case says in process; a ratio is taken pair by pair within one round (median, and the "
    "best round). The machine may be shared: compare ratios, not absolute times.\n"
)


def merged(old: str, new: dict[str, str]) -> str:
    """The results file with the sections of ``new`` (group → its text) in place of those of
    ``old``; every other group's section of ``old`` is kept as it was, groups in their order."""
    kept: dict[str, str] = {}
    for part in old.split("\n## ")[1:]:
        name, _, body = part.partition("\n")
        kept[name.strip()] = body.strip("\n") + "\n"
    kept.update(new)
    order = [g for g in GROUPS if g in kept] + [g for g in kept if g not in GROUPS]
    return HEAD + "".join(f"\n## {g}\n\n{kept[g]}" for g in order)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
