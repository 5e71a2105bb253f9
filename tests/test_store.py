"""The scenario store: survives reopening, replaces by name, and a failed save loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.store import ScenarioStore, StoreError

ROOT = Path(__file__).resolve().parent.parent


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


SAVER = """
import sys
import pandas as pd
from dashboard.store import ScenarioStore
store = ScenarioStore()
prefix, count = sys.argv[1], int(sys.argv[2])
frame = pd.DataFrame({"hospital_id": ["AAA"] * 200, "margin_cents_after": range(200)})
for i in range(count):
    store.save(f"{prefix}{i}", 2025, "manual", "abc", frame)
    print(i, flush=True)
"""


def _saver(tmp_path, prefix: str, count: int) -> subprocess.Popen:
    env = os.environ | {"SPREIDING_DB": str(tmp_path / "s.sqlite3"), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, prefix, str(count)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_saving_at_once_keep_every_scenario(tmp_path):
    ScenarioStore(tmp_path / "s.sqlite3").save("basis", 2025, "manual", "abc", per_hospital(1))
    a, b = _saver(tmp_path, "a", 15), _saver(tmp_path, "b", 15)
    for proc in (a, b):
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    names = set(ScenarioStore(tmp_path / "s.sqlite3").list()["name"])
    assert names == {"basis"} | {f"a{i}" for i in range(15)} | {f"b{i}" for i in range(15)}


def test_a_process_killed_mid_save_leaves_earlier_scenarios_intact(tmp_path):
    path = tmp_path / "s.sqlite3"
    ScenarioStore(path).save("basis", 2025, "manual", "abc", per_hospital(100))
    proc = _saver(tmp_path, "k", 100_000)
    assert proc.stdout is not None
    for _ in range(3):  # let it commit a few saves, then kill it while it saves the next
        proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = ScenarioStore(path)
    assert store.load("basis")["margin_cents_after"].tolist() == [100, -100]
    saved = [n for n in store.list()["name"] if n.startswith("k")]
    assert len(saved) >= 3 and all(len(store.load(n)) == 200 for n in saved)
    store.save("after", 2025, "manual", "abc", per_hospital(5))  # still writable


def test_read_only_store_can_be_read_and_says_why_it_cannot_save(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only files")
    path = tmp_path / "s.sqlite3"
    ScenarioStore(path).save("basis", 2025, "manual", "abc", per_hospital(100))
    path.chmod(0o444)
    store = ScenarioStore(path)
    assert store.list()["name"].tolist() == ["basis"]
    with pytest.raises(StoreError) as caught:
        store.save("new", 2025, "manual", "abc", per_hospital(5))
    assert caught.value.message.code == "store_read_only"
    assert "alleen-lezen" in caught.value.render("nl")
    assert ScenarioStore(path).load("basis")["margin_cents_after"].tolist() == [100, -100]


def test_read_only_database_is_reported_not_raw(tmp_path):
    path = tmp_path / "s.sqlite3"
    ScenarioStore(path).save("basis", 2025, "manual", "abc", per_hospital(100))
    store = ScenarioStore(path)
    store.read_only = True  # as when the file is not writable for this user
    assert store.list()["name"].tolist() == ["basis"]
    with pytest.raises(StoreError) as caught:
        store.delete("basis")
    assert caught.value.message.code == "store_read_only"
    assert ScenarioStore(path).list()["name"].tolist() == ["basis"]


def test_a_damaged_database_file_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        ScenarioStore(path)
    assert caught.value.message.code == "store_damaged"
    assert "beschadigd" in caught.value.render("nl") and str(path) in caught.value.render("en")
    assert path.read_bytes() == before


def test_a_store_path_that_cannot_be_made_is_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as caught:
        ScenarioStore(blocker / "sub" / "s.sqlite3")
    assert caught.value.message.code == "store_cannot_open"
    with pytest.raises(StoreError) as caught:
        ScenarioStore(tmp_path)  # a folder, not a file
    assert caught.value.message.code in ("store_cannot_open", "store_failed")
