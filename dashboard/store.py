"""Saved scenarios in an embedded SQLite database that survives restarts.

The path comes from ``SPREIDING_DB``, else the user's data folder. Every save runs in one
transaction: a failed save leaves earlier saves untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS scenario (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    saved_at TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    input_sha256 TEXT NOT NULL,
    per_hospital TEXT NOT NULL
)
"""


def default_path() -> Path:
    if os.environ.get("SPREIDING_DB"):
        return Path(os.environ["SPREIDING_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "spreiding" / "scenarios.sqlite3"


class ScenarioStore:
    """Scenario summaries per hospital, keyed by a unique name."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as con, con:
            con.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def save(
        self, name: str, year: int, kind: str, input_sha256: str, per_hospital: pd.DataFrame
    ) -> None:
        """Save (or replace) a scenario; raises ValueError with a readable reason on failure."""
        payload = per_hospital.to_json(orient="records")
        try:
            with closing(self._connect()) as con, con:
                con.execute("DELETE FROM scenario WHERE name = ?", (name.strip(),))
                con.execute(
                    "INSERT INTO scenario (name, saved_at, year, kind, input_sha256, "
                    "per_hospital) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        name.strip(),
                        dt.datetime.now().isoformat(timespec="seconds"),
                        int(year),
                        kind,
                        input_sha256,
                        payload,
                    ),
                )
        except sqlite3.Error as exc:
            raise ValueError(str(exc)) from exc

    def list(self) -> pd.DataFrame:
        with closing(self._connect()) as con:
            return pd.read_sql_query(
                "SELECT name, saved_at, year, kind FROM scenario ORDER BY saved_at, name", con
            )

    def load(self, name: str) -> pd.DataFrame:
        with closing(self._connect()) as con:
            row = con.execute(
                "SELECT per_hospital FROM scenario WHERE name = ?", (name,)
            ).fetchone()
        if row is None:
            raise KeyError(name)
        records: list[dict[str, Any]] = json.loads(row[0])
        return pd.DataFrame(records)

    def delete(self, name: str) -> None:
        with closing(self._connect()) as con, con:
            con.execute("DELETE FROM scenario WHERE name = ?", (name,))
