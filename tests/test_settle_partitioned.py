"""The settlement split by patient (``calculator.partitioned``) equals the in-memory one to the
cent: on the sample with both year bases and sources, over random bucket counts, on Dask's local
process pool and through the CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator.partitioned import auto_partitions, buckets_of, settle_partitioned, sorted_rows
from calculator.settle import settle
from spreiding.cli import main
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def wb(sample_book):
    return sample_book


def assert_same(a, b) -> None:
    """Every table to the cent; lines and exceptions as sets of rows (the buckets' order is
    not the in-memory order), revenue by its key."""
    for name in ("hospitals", "caps", "pairs", "payments", "monitoring", "prices"):
        pd.testing.assert_frame_equal(
            getattr(a, name).reset_index(drop=True), getattr(b, name).reset_index(drop=True)
        )
    pd.testing.assert_frame_equal(sorted_rows(a.lines), sorted_rows(b.lines))
    pd.testing.assert_frame_equal(sorted_rows(a.exceptions), sorted_rows(b.exceptions))
    key = ["hospital_id", "insurer", "product_code", "price_year", "unit_price_cents"]
    pd.testing.assert_frame_equal(
        a.revenue.sort_values(key).reset_index(drop=True),
        b.revenue.sort_values(key).reset_index(drop=True),
    )
    assert a.invariants == b.invariants and b.invariants_hold


@pytest.mark.parametrize(
    ("source", "year_basis"), [("combined", "start"), ("registrations", "end")]
)
def test_buckets_give_the_in_memory_settlement(wb, source, year_basis):
    whole = settle(wb, 2025, source, year_basis=year_basis)
    split = settle_partitioned(wb, 2025, source, year_basis=year_basis, partitions=4, workers=1)
    assert_same(whole, split)


@pytest.fixture(scope="module")
def whole_registrations(wb):
    return settle(wb, 2025, "registrations")


def test_on_the_local_process_pool(wb):
    """Three buckets on two worker processes (Dask's local multiprocessing scheduler)."""
    assert_same(settle(wb, 2025), settle_partitioned(wb, 2025, partitions=3, workers=2))


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=2, max_value=9))
def test_any_bucket_count_gives_the_same_money(wb, whole_registrations, partitions):
    whole = whole_registrations
    split = settle_partitioned(wb, 2025, "registrations", partitions=partitions, workers=1)
    pd.testing.assert_frame_equal(whole.hospitals, split.hospitals)
    pd.testing.assert_frame_equal(whole.payments, split.payments)


def test_a_patient_is_never_cut_in_two(wb):
    regs = wb.registrations
    bucket = pd.Series(buckets_of(regs["patient_id"], 7), index=regs.index)
    assert bucket.groupby(regs["patient_id"]).nunique().max() == 1
    assert bucket.between(0, 6).all() and bucket.nunique() == 7
    shuffled = regs.sample(frac=1, random_state=3)
    again = pd.Series(buckets_of(shuffled["patient_id"], 7), index=shuffled.index)
    assert again.sort_index().equals(bucket.sort_index())  # the row order does not matter


def test_partitions_start_above_two_million_rows():
    assert auto_partitions(2_000_000) == 1
    assert auto_partitions(2_000_001) == 3
    assert auto_partitions(22_000_000) == 22


def test_cli_partitions_give_the_same_json(wb):
    runner = CliRunner()
    args = ["settle", str(SAMPLE), "--year", "2025", "--json"]
    whole = json.loads(runner.invoke(main, args).stdout)
    split = runner.invoke(main, [*args, "--partitions", "3"])
    assert split.exit_code == 0, split.output
    doc = json.loads(split.stdout)
    for key in ("hospitals", "pairs", "payments", "insurers", "monitoring", "invariants"):
        assert doc[key] == whole[key], key

    def rows(d):
        return sorted(json.dumps(x, sort_keys=True) for x in d)

    assert rows(doc["lines"]) == rows(whole["lines"])
    assert rows(doc["exceptions"]) == rows(whole["exceptions"])


def test_the_spark_recipe_shape(wb):
    """The README's Spark recipe, with pandas standing in for Spark: a bucket column, one
    function per group that returns the pickled result of settle_bucket as one binary cell
    (what ``groupBy("bucket").applyInPandas`` runs), the cells collected and combined."""
    import pickle

    from calculator.partitioned import bucket_args, settle_bucket, settle_from_buckets

    args = bucket_args(wb, 2025, "combined", "start")

    def settled(pdf: pd.DataFrame) -> pd.DataFrame:
        part = settle_bucket(pdf.drop(columns="bucket"), *args)
        return pd.DataFrame({"part": [pickle.dumps(part)]})

    regs = wb.registrations.assign(bucket=buckets_of(wb.registrations["patient_id"], 3))
    cells = [settled(group) for _, group in regs.groupby("bucket")]
    parts = [pickle.loads(c["part"].iloc[0]) for c in cells]
    assert_same(settle(wb, 2025), settle_from_buckets(wb, 2025, parts, "combined"))
