"""Saved scenarios in an embedded SQLite database that survives restarts.

The path comes from ``SPREIDING_DB``, else the user's data folder. Every save (and delete) runs in
one immediate transaction: two processes saving at once wait for each other (busy timeout), a
process killed mid-save leaves the last committed state (SQLite's journal rolls the rest back), and
a failed save leaves earlier saves untouched.

Every scenario has an *owner* (who saved it; ``lokaal`` in the local tool and for scenarios
saved before owners were kept) and may be *shared* with the region. A store is opened for one
user: ``owner`` is who saves, ``reads_all`` whether they see every scenario (else their own and
the shared ones), ``manages_all`` whether they may delete another's. Every read checks it; a
scenario the user may not see is as good as absent. The defaults are the local tool's: one user
who sees and manages everything. Every failure is a :class:`StoreError` with a
message from the catalogue — a read-only, damaged, busy or unreachable database file is reported,
never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from calculator.errors import SpreidingError
from messages import DEFAULT_LANGUAGE, Message

SCHEMA = """
CREATE TABLE IF NOT EXISTS scenario (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    saved_at TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    input_sha256 TEXT NOT NULL,
    per_hospital TEXT NOT NULL,
    flows TEXT,
    deal TEXT,
    owner TEXT NOT NULL DEFAULT 'lokaal',
    shared INTEGER NOT NULL DEFAULT 0
)
"""
# columns added after the first release: (name, declaration), added to an older database
LATER_COLUMNS = (
    ("flows", "TEXT"),
    ("deal", "TEXT"),
    ("owner", "TEXT NOT NULL DEFAULT 'lokaal'"),
    ("shared", "INTEGER NOT NULL DEFAULT 0"),
)
LOCAL_OWNER = "lokaal"
FLOW_FIELDS = ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
BUSY_TIMEOUT_S = 10


class StoreError(SpreidingError, ValueError):
    """The store cannot do what was asked; ``message`` says why in the reader's language."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.render("en"))

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.message.render(lang)


def default_path() -> Path:
    if os.environ.get("SPREIDING_DB"):
        return Path(os.environ["SPREIDING_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "spreiding" / "scenarios.sqlite3"


class ScenarioStore:
    """Scenario summaries per hospital, keyed by a unique name."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        owner: str = LOCAL_OWNER,
        reads_all: bool = True,
        manages_all: bool = True,
    ) -> None:
        self.path = path or default_path()
        self.owner, self.reads_all, self.manages_all = owner, reads_all, manages_all
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._error("store_cannot_open", exc) from exc
        if self.path.exists() and not os.access(self.path, os.W_OK):
            self.read_only = True
            self._check_readable()
            return
        self.read_only = False
        with self._transaction() as con:
            con.execute(SCHEMA)
            have = {row[1] for row in con.execute("PRAGMA table_info(scenario)")}
            for column, kind in LATER_COLUMNS:
                if column not in have:
                    con.execute(f"ALTER TABLE scenario ADD COLUMN {column} {kind}")

    # ----------------------------------------------------------------- connections

    def _error(self, code: str, exc: BaseException | None = None) -> StoreError:
        detail = str(exc) if exc is not None else ""
        return StoreError(Message(code, {"path": str(self.path), "detail": detail}))

    def _classify(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return self._error("store_read_only", exc)
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return self._error("store_damaged", exc)
        if "locked" in text or "busy" in text:
            return self._error("store_busy", exc)
        if "unable to open" in text:
            return self._error("store_cannot_open", exc)
        return self._error("store_failed", exc)

    def _connect(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + ("?mode=ro" if self.read_only else "")
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(self._connect()) as con:
                yield con
        except sqlite3.Error as exc:
            raise self._classify(exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate write transaction: committed whole, or rolled back whole."""
        if self.read_only:
            raise self._error("store_read_only")
        try:
            with closing(self._connect()) as con:
                con.execute("BEGIN IMMEDIATE")
                try:
                    yield con
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._classify(exc) from exc

    def _check_readable(self) -> None:
        with self._reading() as con:
            con.execute("SELECT count(*) FROM scenario").fetchone()

    def _visible(self) -> tuple[str, tuple[str, ...]]:
        """The SQL condition (and its parameters) of the scenarios this user may read."""
        if self.reads_all:
            return "1", ()
        return "(owner = ? OR shared = 1)", (self.owner,)

    # ----------------------------------------------------------------- operations

    def save(
        self,
        name: str,
        year: int,
        kind: str,
        input_sha256: str,
        per_hospital: pd.DataFrame,
        flows: pd.DataFrame | None = None,
        deal: dict[str, Any] | None = None,
        shared: bool = False,
    ) -> None:
        """Save (or replace) a scenario: its summary per hospital, its flows and its deal (the
        terms and compensation as the JSON output has them) where given, shared with the
        region or not; raises StoreError with a readable reason on failure (also when the name
        is another user's scenario: only its owner replaces it)."""
        name = name.strip()
        if not name:
            raise StoreError(Message("store_name_empty"))
        payload = per_hospital.to_json(orient="records")
        flows_json = (
            None
            if flows is None
            else flows[FLOW_FIELDS]
            .assign(cases=flows["cases"].astype(float))
            .to_json(orient="records")
        )
        deal_json = json.dumps(deal) if deal is not None else None
        with self._transaction() as con:
            row = con.execute("SELECT owner FROM scenario WHERE name = ?", (name,)).fetchone()
            if row is not None and row[0] != self.owner:
                raise StoreError(Message("store_not_yours", {"name": name}))
            con.execute("DELETE FROM scenario WHERE name = ?", (name,))
            con.execute(
                "INSERT INTO scenario (name, saved_at, year, kind, input_sha256, "
                "per_hospital, flows, deal, owner, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    dt.datetime.now().isoformat(timespec="seconds"),
                    int(year),
                    kind,
                    input_sha256,
                    payload,
                    flows_json,
                    deal_json,
                    self.owner,
                    int(bool(shared)),
                ),
            )

    def details(self, name: str) -> tuple[pd.DataFrame | None, dict[str, Any] | None]:
        """A saved scenario's flows and deal (None where it was saved without them)."""
        where, args = self._visible()
        with self._reading() as con:
            row = con.execute(
                f"SELECT flows, deal FROM scenario WHERE name = ? AND {where}", (name, *args)
            ).fetchone()
        if row is None:
            raise KeyError(name)
        try:
            flows = pd.DataFrame(json.loads(row[0])) if row[0] is not None else None
            deal = json.loads(row[1]) if row[1] is not None else None
            if deal is not None and not isinstance(deal, dict):
                raise TypeError("deal is not an object")
        except (ValueError, TypeError, RecursionError) as exc:  # a row changed outside the app
            raise self._error("store_damaged", exc) from exc
        return flows, deal

    def info(self, name: str) -> dict[str, Any]:
        """name, saved_at, year, kind and input_sha256 of a saved scenario this user may read."""
        where, args = self._visible()
        with self._reading() as con:
            row = con.execute(
                "SELECT name, saved_at, year, kind, input_sha256 FROM scenario "
                f"WHERE name = ? AND {where}",
                (name, *args),
            ).fetchone()
        if row is None:
            raise KeyError(name)
        return dict(zip(["name", "saved_at", "year", "kind", "input_sha256"], row, strict=True))

    def flows(self, name: str) -> pd.DataFrame | None:
        """The patient flows saved with a scenario this user may read (None: saved without
        them; FLOW_FIELDS)."""
        flows, _ = self.details(name)
        if flows is None:
            return None
        try:
            frame = flows.reindex(columns=FLOW_FIELDS)
            if frame[FLOW_FIELDS[:3]].isna().any().any():
                raise KeyError("flows without their hospitals or care form")
            return frame.assign(cases=frame["cases"].astype(float))
        except (ValueError, TypeError, KeyError) as exc:  # a row changed outside the app
            raise self._error("store_damaged", exc) from exc

    def list(self) -> pd.DataFrame:
        """The scenarios this user may read: name, saved_at, year, kind, owner and shared."""
        where, args = self._visible()
        with self._reading() as con:
            rows = con.execute(
                "SELECT name, saved_at, year, kind, owner, shared FROM scenario "
                f"WHERE {where} ORDER BY saved_at, name",
                args,
            ).fetchall()
        listed = pd.DataFrame(rows, columns=["name", "saved_at", "year", "kind", "owner", "shared"])
        return listed.astype({"shared": bool})

    def load(self, name: str) -> pd.DataFrame:
        where, args = self._visible()
        with self._reading() as con:
            row = con.execute(
                f"SELECT per_hospital FROM scenario WHERE name = ? AND {where}", (name, *args)
            ).fetchone()
        if row is None:
            raise KeyError(name)
        try:
            records: list[dict[str, Any]] = json.loads(row[0])
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                raise TypeError("per_hospital is not a list of records")
            return pd.DataFrame(records)
        except (ValueError, TypeError, RecursionError) as exc:  # a row changed outside the app
            raise self._error("store_damaged", exc) from exc

    def may_delete(self, owner: str) -> bool:
        """Whether this user may delete a scenario of ``owner``."""
        return self.manages_all or owner == self.owner

    def delete(self, name: str) -> None:
        """Delete a scenario of this user's (any, for a user who manages all)."""
        with self._transaction() as con:
            row = con.execute("SELECT owner FROM scenario WHERE name = ?", (name,)).fetchone()
            if row is not None and not self.may_delete(row[0]):
                raise StoreError(Message("store_delete_not_yours", {"name": name}))
            con.execute("DELETE FROM scenario WHERE name = ?", (name,))
