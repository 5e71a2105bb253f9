"""Widgets shared by the dashboard's pages: texts in the reader's language, charts, tables."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from calculator.schema import SHEETS_BY_NAME
from calculator.workbook import Workbook
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
    report: CapacityReport,
    hospitals: list[str],
    key: str,
    suffix: str = "",
    names: dict[str, str] | None = None,
) -> None:
    """OR minutes against capacity and the norm matrix of one set of flows (care forms shown
    by ``names`` when given)."""
    chart(
        st,
        charts.utilisation_chart(
            report.hospitals,
            t("ui_or_use") + suffix,
            hospitals,
            t("ui_or_minutes"),
            lang(),
        ),
        key=f"or_{key}",
    )
    chart(
        st,
        charts.norm_matrix(
            report.norms.assign(care_form_id=report.norms["care_form_id"].replace(names or {})),
            t("ui_norms") + suffix,
            t("ui_meets"),
            t("ui_not_meets"),
            lang(),
        ),
        key=f"norms_{key}",
    )


def type_label(kind: object) -> str:
    """A hospital type (umc, topklinisch, algemeen) in words."""
    return t(f"ui_type_{kind}")


def care_form_names(wb: Workbook) -> dict[str, str]:
    """Care form id → its name as the workbook gives it."""
    return dict(zip(wb.care_forms["care_form_id"], wb.care_forms["name"], strict=True))


def map_texts() -> charts.MapTexts:
    return charts.MapTexts(
        hospital=t("ui_hospital"),
        cases=t("ui_map_cases"),
        utilisation=t("ui_map_utilisation"),
        moved=t("ui_map_moved"),
        flow=t("ui_map_flow"),
        kind=t("ui_hospital_type"),
        ceiling=t("ui_map_ceiling"),
        states=(t("ui_map_within"), t("ui_map_near"), t("ui_map_above")),
    )


def rendered(message: object) -> str:
    """A message of the catalogue in the reader's language (plain text passes as it is)."""
    render = getattr(message, "render", None)
    return str(render(lang())) if callable(render) else str(message)


def sheet_label(sheet: str) -> str:
    """A workbook sheet as the reader knows it: in Dutch its Dutch name with the canonical one
    beside it (both are accepted in a workbook), in English the canonical name."""
    declared = SHEETS_BY_NAME.get(sheet)
    if lang() == "nl" and declared is not None and declared.alias:
        return f"{declared.alias} ({sheet})"
    return sheet


# what gives text a meaning in Streamlit's Markdown (links and images need "[", HTML "<",
# colour and icon directives "[" too); lines shown here never start with a data value
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|~$"})


def escape_markdown(value: object) -> str:
    """Text from data (ids, names) shown in Markdown as it is: every character Markdown gives
    a meaning escaped."""
    return str(value).translate(_MARKDOWN)
