"""The audit record every output of a run carries (issue 20, item 6: horizontal supervision):
a run id, the input's SHA-256 and name, the product version, the options used and the time."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import pandas as pd

from calculator.xlsx_writer import SheetOut
from messages import text


def product_version() -> str:
    try:
        return version("spreiding")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Audit:
    """Who-what-when of one run: ``options`` are the command's options as given."""

    command: str
    input_name: str
    input_sha256: str
    options: Mapping[str, object]
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    version: str = field(default_factory=product_version)
    run_at: str = field(default_factory=lambda: dt.datetime.now().isoformat(timespec="seconds"))

    def options_text(self) -> str:
        """``--year 2025 --source combined`` as the command was given: a flag that is on by
        its name alone, one that is off or empty left out, a mapping as ``k=v`` pairs."""
        parts = []
        for k, v in self.options.items():
            if v is None or v is False or (isinstance(v, Mapping | list | tuple) and not v):
                continue
            flag = f"--{k.replace('_', '-')}"
            if v is True:
                parts.append(flag)
            elif isinstance(v, Mapping):
                parts.append(f"{flag} {','.join(f'{a}={b}' for a, b in v.items())}")
            else:
                parts.append(f"{flag} {v}")
        return " ".join(parts)

    def document(self) -> dict[str, Any]:
        """The record as JSON values."""
        return {
            "run_id": self.run_id,
            "command": self.command,
            "input_name": self.input_name,
            "input_sha256": self.input_sha256,
            "version": self.version,
            "options": {k: (str(v) if v is not None else None) for k, v in self.options.items()},
            "run_at": self.run_at,
        }

    def rows(self, lang: str = "nl") -> list[tuple[str, str]]:
        """(item, value) rows for a workbook's basis sheet."""
        return [
            (text("audit_run_id", lang), self.run_id),
            (text("audit_command", lang), f"spreiding {self.command} {self.options_text()}"),
            (text("audit_input", lang), self.input_name),
            (text("audit_sha256", lang), self.input_sha256),
            (text("audit_version", lang), self.version),
            (text("audit_run_at", lang), self.run_at),
        ]

    def line(self, lang: str = "nl") -> str:
        """The record in one line, for a terminal."""
        return text(
            "audit_line",
            lang,
            run_id=self.run_id,
            sha256=self.input_sha256,
            version=self.version,
            command=f"spreiding {self.command} {self.options_text()}",
        )


def audit_sheet(
    audit: Audit, lang: str = "nl", more: list[tuple[str, str]] | None = None
) -> SheetOut:
    """The basis sheet of a workbook: the audit record, then ``more`` (item, value) rows."""
    rows = [*audit.rows(lang), *(more or [])]
    frame = pd.DataFrame(rows, columns=[text("audit_item", lang), text("audit_value", lang)])
    return SheetOut(text("audit_sheet", lang), frame)
