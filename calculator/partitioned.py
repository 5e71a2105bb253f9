"""The yearly settlement split by patient and run on Dask (``settle --partitions N``).

Matching is per patient (ODV rows, pairs of declared DBCs, double declarations), so the
registrations split into buckets by a stable hash of the pseudonym without cutting a patient in
two. Each bucket is settled by the same function as the whole year
(:func:`calculator.registrations.settle_registrations`); what a bucket returns is small — insurer
revenue per hospital, insurer, product and price year before caps, the lines, the exceptions and
the realised moves per agreement — and combines exactly: revenue rows of one key add up (a
registration's unit price is rounded once, whatever bucket it is in), lines and exceptions are
concatenated and sorted. Caps, netting, clearing and the invariants run once, after the combine,
by :func:`calculator.settle.settle` itself; volumes (referral flows) are settled once, not
per bucket.

The buckets run on Dask: its local multi-process scheduler by default, or a ``dask.distributed``
cluster given by its address. The bucket function takes and returns plain pandas frames, so the
same function runs on Spark as ``groupBy("bucket").applyInPandas`` (see the README).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from calculator.consent import NO_CONSENTS, Consents
from calculator.registrations import settle_registrations
from calculator.settle import SettlementResult, choose_source, settle
from calculator.tariffs import Tariffs
from calculator.workbook import Workbook

# Above this many registrations `spreiding settle` partitions on its own (one bucket per
# ROWS_PER_BUCKET registrations); below it one process settles faster than a pool starts.
PARTITION_ABOVE = 2_000_000
ROWS_PER_BUCKET = 1_000_000
# revenue columns that add up when two buckets priced the same key
REVENUE_SUMS = ["count", "amount_cents", "basis_count"]

Part = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]


def buckets_of(patient_ids: pd.Series, partitions: int) -> np.ndarray:
    """The bucket (0 … partitions − 1) of each registration: a stable hash of its pseudonym
    (pandas' documented default hash key), the same in every process and on every machine."""
    hashed = pd.util.hash_pandas_object(patient_ids.astype(str), index=False).to_numpy()
    return (hashed % np.uint64(partitions)).astype(np.int64)


def auto_partitions(rows: int) -> int:
    """Buckets for ``rows`` registrations when none are asked for: 1 up to PARTITION_ABOVE."""
    return 1 if rows <= PARTITION_ABOVE else -(-rows // ROWS_PER_BUCKET)


def settle_bucket(
    registrations: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
    year_basis: str,
    referral_cases: bool,
    consents: Consents = NO_CONSENTS,
) -> Part:
    """One bucket (every DBC of its patients): revenue, lines, exceptions, realised moves."""
    return settle_registrations(
        registrations,
        agreements,
        tariffs,
        year,
        year_basis,
        referral_cases=referral_cases,
        consents=consents,
    )


def combine_revenue(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Revenue rows of the buckets, rows of one key (hospital, insurer, product, price year,
    unit price, basis) added up, in a fixed order."""
    found = [f for f in frames if len(f)]
    if not found:
        return frames[0]
    revenue = pd.concat(found, ignore_index=True)
    key = [c for c in revenue.columns if c not in (*REVENUE_SUMS, "source")]
    summed = revenue.groupby(key, dropna=False, sort=True, observed=True)[REVENUE_SUMS].sum()
    out = summed.reset_index()
    out["source"] = [f"registrations: {int(n)} DBCs" for n in out["count"]]
    out["amount_cents"] = out["amount_cents"].astype("int64")
    return out[list(revenue.columns)].astype(revenue.dtypes.to_dict())


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """The buckets' frames one after the other; an empty bucket's frame (whose columns have no
    values to type them) only when all are empty, as one in-memory run gives."""
    found = [f for f in frames if len(f)]
    return pd.concat(found, ignore_index=True) if found else frames[0]


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in an order that does not depend on the buckets: by every column (typed; a column of
    Python objects, such as message parameters, by its text)."""
    if not len(frame):
        return frame.reset_index(drop=True)
    keys = pd.DataFrame(
        {c: frame[c].astype(str) if frame[c].dtype == object else frame[c] for c in frame.columns},
        index=frame.index,
    )
    order = keys.sort_values(list(keys.columns), kind="stable", na_position="first").index
    return frame.loc[order].reset_index(drop=True)


def run_buckets(
    tasks: list[Callable[[], Part]], scheduler: str | None, workers: int | None
) -> list[Part]:
    """Run the bucket tasks on Dask: a ``dask.distributed`` scheduler at ``scheduler`` (an
    address such as ``tcp://10.0.0.5:8786``), else the local process pool."""
    import dask

    delayed = [dask.delayed(task)() for task in tasks]
    if scheduler:
        from distributed import Client

        with Client(scheduler, timeout=10) as client:
            return list(client.compute(delayed, sync=True))
    n = workers or min(len(tasks), os.cpu_count() or 1)
    if n == 1:  # one worker: Dask's synchronous scheduler, in this process
        return list(dask.compute(*delayed, scheduler="synchronous"))
    # fork where the system has it: a worker starts with the modules already imported (spawn
    # would import pandas again in every worker, and needs a guarded main module)
    context = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with dask.config.set({"multiprocessing.context": context}):
        return list(dask.compute(*delayed, scheduler="processes", num_workers=n))


class _Bucket:
    """A picklable task: settle one bucket (a closure would not travel to another process)."""

    def __init__(self, frame: pd.DataFrame, *args: object) -> None:
        self.frame, self.args = frame, args

    def __call__(self) -> Part:
        return settle_bucket(self.frame, *self.args)  # type: ignore[arg-type]


def settle_partitioned(
    wb: Workbook,
    year: int,
    source: str | None = None,
    strict: bool = False,
    year_basis: str = "start",
    partitions: int | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
) -> SettlementResult:
    """Settle ``year`` as :func:`calculator.settle.settle` does, the registrations split into
    ``partitions`` buckets by patient (default: :func:`auto_partitions`) and settled on Dask.
    The result equals the in-memory one to the cent; its lines and exceptions are sorted."""
    source, _ = choose_source(wb, year, source or "combined", year_basis)
    done: list[Part] = []
    if source in ("registrations", "combined"):
        regs = wb.registrations
        n = partitions or auto_partitions(len(regs))
        bucket = buckets_of(regs["patient_id"], n)
        args = bucket_args(wb, year, source, year_basis)
        # an empty bucket is settled too: it returns the empty frames the combine starts from
        tasks: list[Callable[[], Part]] = [_Bucket(regs[bucket == b], *args) for b in range(n)]
        done = run_buckets(tasks, scheduler, workers)
    return settle_from_buckets(wb, year, done, source, strict, year_basis)


def bucket_args(wb: Workbook, year: int, source: str, year_basis: str) -> tuple[object, ...]:
    """What :func:`settle_bucket` needs besides the bucket's registrations: agreements, the
    tariffs of the run, year, year basis, whether registrations settle referral cases and the
    insurers' consents."""
    consents = Consents.of(wb.insurer_consents) if wb.has("insurer_consents") else NO_CONSENTS
    return (
        wb.agreements,
        Tariffs.build(wb),
        year,
        year_basis,
        source == "registrations",
        consents,
    )


def settle_from_buckets(
    wb: Workbook,
    year: int,
    buckets: Sequence[Part],
    source: str | None = None,
    strict: bool = False,
    year_basis: str = "start",
) -> SettlementResult:
    """The settlement of ``year`` from what :func:`settle_bucket` returned for every bucket
    (wherever it ran: Dask, Spark, a loop): revenue rows added up, lines and exceptions
    concatenated; the rest — volumes, caps, contracts, network costs, netting, clearing,
    invariants — once, by :func:`calculator.settle.settle` itself. Lines and exceptions come
    sorted (:func:`sorted_rows`), so the result does not depend on the buckets' order."""

    def combined(tariffs: Tariffs, consents: Consents, referral_cases: bool) -> Part:
        if not buckets:
            raise ValueError("settling registrations needs the result of at least one bucket")
        realised = pd.concat([p[3] for p in buckets])
        if len(realised):
            realised = realised.groupby(level=list(range(realised.index.nlevels))).sum()
        return (
            combine_revenue([p[0] for p in buckets]),
            _concat([p[1] for p in buckets]),
            _concat([p[2] for p in buckets]),
            realised,
        )

    result = settle(wb, year, source, strict, year_basis, registrations=combined)
    return replace(
        result, lines=sorted_rows(result.lines), exceptions=sorted_rows(result.exceptions)
    )
