"""The scenario store: survives reopening, replaces by name, and a failed save loses nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.store import ScenarioStore


def per_hospital(margin: int) -> pd.DataFrame:
    return pd.DataFrame({"hospital_id": ["AAA", "BBB"], "margin_cents_after": [margin, -margin]})


def test_saves_survive_a_restart(tmp_path):
    path = tmp_path / "s.sqlite3"
    ScenarioStore(path).save("basis", 2025, "manual", "abc", per_hospital(100))
    again = ScenarioStore(path)
    assert again.list()["name"].tolist() == ["basis"]
    assert again.load("basis")["margin_cents_after"].tolist() == [100, -100]


def test_failed_save_keeps_earlier_saves(tmp_path):
    store = ScenarioStore(tmp_path / "s.sqlite3")
    store.save("basis", 2025, "manual", "abc", per_hospital(100))
    with pytest.raises(ValueError):
        store.save("   ", 2025, "manual", "abc", per_hospital(5))  # empty name: refused
    assert store.list()["name"].tolist() == ["basis"]
    store.save("basis", 2026, "optimised", "abc", per_hospital(7))  # same name: replaced
    assert store.load("basis")["margin_cents_after"].tolist() == [7, -7]
    store.delete("basis")
    assert store.list().empty


def test_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "x" / "db.sqlite3"))
    assert ScenarioStore().path == tmp_path / "x" / "db.sqlite3"
