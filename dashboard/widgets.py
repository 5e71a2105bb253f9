"""Widgets shared by the dashboard's pages: texts in the reader's language, charts, tables."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.state import lang
from messages import text
from messages.numbers import euro, number, percent
from optimizer.capacity import CapacityReport


def t(code: str, **params: object) -> str:
    """The catalogue's text for ``code`` in the reader's language."""
    return text(code, lang(), **params)


def fmt_euro(cents: float | int | None) -> str:
    return euro(cents, lang=lang())


def fmt_number(value: float | None, decimals: int = 0) -> str:
    return number(value, decimals, lang=lang())


def fmt_percent(share: float | None, decimals: int = 1) -> str:
    return percent(share, decimals, lang=lang())


def chart(target: Any, figure: alt.TopLevelMixin, key: str) -> None:
    """Show an Altair chart in the reader's number notation, as wide as its container."""
    target.altair_chart(charts.localised(figure, lang()), key=key)


def money_view(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Rename and format cents columns as euros for display (``columns``: name → header)."""
    out = frame[list(columns)].rename(columns=columns).copy()
    for original, shown in columns.items():
        if original.endswith("_cents") or "_cents_" in original:
            out[shown] = out[shown].map(fmt_euro)
    return out


def hospitals_of(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["hospital_id"])


def capacity_and_norms(
    report: CapacityReport, hospitals: list[str], key: str, suffix: str = ""
) -> None:
    """OR minutes against capacity and the norm matrix of one set of flows."""
    chart(
        st,
        charts.utilisation_chart(
            report.hospitals,
            t("ui_or_use") + suffix,
            hospitals,
            t("ui_or_minutes"),
            t("ui_available"),
        ),
        key=f"or_{key}",
    )
    chart(
        st,
        charts.norm_matrix(report.norms, t("ui_norms") + suffix, t("ui_meets"), t("ui_not_meets")),
        key=f"norms_{key}",
    )


def type_label(kind: object) -> str:
    """A hospital type (umc, topklinisch, algemeen) in words."""
    return t(f"ui_type_{kind}")
