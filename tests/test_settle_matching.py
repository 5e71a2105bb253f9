"""Matching DBCs of one pseudonym: the linear sweep against the earlier pairwise rule.

The references below are the pairwise rules the settlement used before (a self-merge per
patient and care form): quadratic in the DBCs of one pseudonym, kept here only as the
definition the sweep must reproduce.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from calculator.registrations import PAIR_WINDOW, match_odv, overlapping_pairs


def reference_match_odv(r: pd.DataFrame) -> tuple[set[tuple[int, int]], np.ndarray]:
    key = ["patient_key", "care_form_key", "hospital_key"]
    odv = r.loc[r["odv"], ["patient_key", "care_form_key", "partner_key", "start_date", "dbc_id"]]
    odv = odv.rename(
        columns={"partner_key": "hospital_key", "start_date": "odv_start", "dbc_id": "odv_dbc"}
    )
    odv["odv"] = odv.index
    declared = r.loc[~r["odv"], [*key, "start_date", "end_date", "dbc_id"]]
    declared["declared"] = declared.index
    cand = odv.merge(declared, on=key)
    cand = cand[(cand["start_date"] <= cand["odv_start"]) & (cand["odv_start"] <= cand["end_date"])]
    cand = cand.sort_values(["odv_start", "odv_dbc", "start_date", "dbc_id"], kind="stable")
    had = np.zeros(len(r), dtype=bool)
    had[cand["odv"].to_numpy()] = True
    taken: set[int] = set()
    done: set[int] = set()
    chosen = set()
    for o, d in cand[["odv", "declared"]].itertuples(index=False):
        if o in done or d in taken:
            continue
        taken.add(d)
        done.add(o)
        chosen.add((o, d))
    return chosen, had


def reference_pairs(r: pd.DataFrame) -> pd.DataFrame:
    d = r.loc[
        ~r["odv"],
        ["patient_key", "care_form_key", "hospital_key", "start_date", "end_date", "dbc_id"],
    ]
    d = d.assign(pos=d.index)
    p = d.merge(d, on=["patient_key", "care_form_key"], suffixes=("_a", "_b"))
    p = p[
        (p["hospital_key_a"] != p["hospital_key_b"])
        & (p["dbc_id_a"] < p["dbc_id_b"])
        & (p["start_date_a"] <= p["end_date_b"])
        & (p["start_date_b"] <= p["end_date_a"])
    ]
    out = pd.DataFrame({"a": p["pos_a"].to_numpy(), "b": p["pos_b"].to_numpy()}, dtype="int64")
    return out.sort_values(["a", "b"]).reset_index(drop=True)


def random_registrations(seed: int, n: int, patients: int) -> pd.DataFrame:
    """Prepared registrations (the columns matching reads): few patients, two care forms,
    three hospitals, short and long periods within a year, a third ODV rows."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp(2025, 1, 1) + pd.to_timedelta(rng.integers(0, 90, n), unit="D")
    hospital = rng.integers(0, 3, n)
    odv = rng.random(n) < 0.35
    return pd.DataFrame(
        {
            "dbc_id": [f"D{i:04d}" for i in rng.permutation(n)],
            "patient_key": rng.integers(0, patients, n),
            "care_form_key": rng.integers(0, 2, n),
            "hospital_key": hospital,
            "partner_key": np.where(odv, (hospital + rng.integers(1, 3, n)) % 3, -1),
            "start_date": start,
            "end_date": start + pd.to_timedelta(rng.integers(0, 40, n), unit="D"),
            "odv": odv,
        }
    )


@pytest.mark.parametrize("seed", range(25))
def test_odv_matching_equals_the_pairwise_rule(seed):
    """Crowded groups (many ODV rows and declared DBCs of one pseudonym) included."""
    r = random_registrations(seed, n=int(np.random.default_rng(seed).integers(2, 120)), patients=3)
    m = match_odv(r)
    pairs, had = reference_match_odv(r)
    assert set(map(tuple, m.pairs[["odv", "declared"]].to_numpy().tolist())) == pairs
    assert len(m.pairs) == len(pairs)
    assert (m.had_candidate == had).all()


@pytest.mark.parametrize("seed", range(25))
def test_pairs_equal_the_pairwise_rule_for_real_patients(seed):
    """With at most PAIR_WINDOW + 1 DBCs per patient and care form every overlapping pair is
    found, in the same order."""
    rng = np.random.default_rng(seed)
    r = random_registrations(seed, n=int(rng.integers(2, 300)), patients=60)
    assert r.groupby(["patient_key", "care_form_key"]).size().max() <= PAIR_WINDOW + 1
    pd.testing.assert_frame_equal(overlapping_pairs(r), reference_pairs(r))


@pytest.mark.parametrize("seed", range(10))
def test_pairs_of_a_placeholder_pseudonym_are_a_subset_and_linear(seed):
    """One pseudonym on 400 DBCs: only true overlapping pairs, at most PAIR_WINDOW per DBC."""
    r = random_registrations(seed, n=400, patients=1)
    found = overlapping_pairs(r)
    expected = reference_pairs(r)
    assert set(map(tuple, found.to_numpy().tolist())) <= set(
        map(tuple, expected.to_numpy().tolist())
    )
    assert len(found) <= PAIR_WINDOW * len(r)
    assert not found.duplicated().any()
