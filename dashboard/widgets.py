"""Widgets shared by the dashboard's pages: texts in the reader's language, charts, tables."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from calculator.errors import Finding
from calculator.schema import SHEETS_BY_NAME
from calculator.workbook import Workbook
from dashboard import charts
from dashboard.formatting import escape_markdown, formula_safe
from dashboard.state import lang
from messages import escaping, text
from messages.numbers import euro, number, percent
from optimizer.capacity import CapacityReport


def t(code: str, **params: object) -> str:
    """The catalogue's text for ``code`` in the reader's language (plain text: for tables,
    charts, file names and widget options, which Streamlit shows as they are)."""
    return text(code, lang(), **params)


def tm(code: str, **params: object) -> str:
    """:func:`t` for a place that renders Markdown (``st.markdown``, ``st.success``, a header,
    a label): every parameter — an id, a name, a file name from the data — is escaped, so it
    shows as it is and never becomes a link, an image or a format."""
    with escaping(escape_markdown):
        return text(code, lang(), **params)


def md(value: object) -> str:
    """Text from data (an id, a name, a file name) escaped for Markdown."""
    return escape_markdown(str(value))


def rendered_md(message: object) -> str:
    """:func:`rendered` for a place that renders Markdown: a message's parameters escaped, or
    plain text escaped whole."""
    render = getattr(message, "render", None)
    if not callable(render):
        return md(message)
    with escaping(escape_markdown):
        return str(render(lang()))


def finding_md(finding: Finding) -> str:
    """A finding in one line (where, the value found, what was expected) for Markdown."""
    with escaping(escape_markdown):
        return finding.message(lang())


def fmt_euro(cents: float | int | None) -> str:
    return euro(cents, lang=lang())


def fmt_number(value: float | None, decimals: int = 0) -> str:
    return number(value, decimals, lang=lang())


def fmt_percent(share: float | None, decimals: int = 1) -> str:
    return percent(share, decimals, lang=lang())


def chart(target: Any, figure: alt.TopLevelMixin, key: str) -> None:
    """Show an Altair chart in the reader's number notation, as wide as its container."""
    target.altair_chart(charts.localised(figure, lang()), key=key)


def dataframe(target: Any, frame: pd.DataFrame, **kwargs: Any) -> Any:
    """``target.dataframe(frame)`` with text that a spreadsheet would run as a formula made
    text (see :func:`~dashboard.formatting.formula_safe`): the table's CSV download is as safe
    as the workbooks."""
    return target.dataframe(formula_safe(frame), **kwargs)


def money_view(
    frame: pd.DataFrame, columns: dict[str, str], cents: bool = False, total: str | None = None
) -> pd.DataFrame:
    """Rename and format cents columns as euros for display (``columns``: name → header);
    ``cents`` shows the cents as the workbooks do, ``total`` adds a totals row of that name
    below (the sum of every money column)."""
    out = frame[list(columns)].rename(columns=columns).copy()
    money = [c for c in columns if c.endswith("_cents") or "_cents_" in c]
    if total is not None and len(out):
        sums = {columns[c]: int(frame[c].sum()) for c in money}
        first = columns[next(iter(columns))]
        row = {shown: "" for shown in out.columns} | sums | {first: total}
        out = pd.concat([out, pd.DataFrame([row])], ignore_index=True)
    for original in money:
        shown = columns[original]
        out[shown] = out[shown].map(lambda v: euro(v, with_cents=cents, lang=lang()))
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
            with_norm_labels(report.norms, names or {}),
            t("ui_norms") + suffix,
            t("ui_meets"),
            t("ui_not_meets"),
            lang(),
        ),
        key=f"norms_{key}",
    )


def with_norm_labels(norms: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The norm rows with each care form's name and ``norm_label``: ``Rectumcarcinoom (norm
    20)`` — the lowest norm of its rows with one (the same for every hospital unless a norm
    was set for the run)."""
    norm = norms[norms["norm"] > 0].groupby("care_form_id")["norm"].min()
    shown = norms["care_form_id"].map(lambda c: names.get(c, c))
    labels = [
        t("ui_norm_label", care_form=name, norm=fmt_number(float(norm[c])))
        if c in norm.index
        else name
        for c, name in zip(norms["care_form_id"], shown, strict=True)
    ]
    return norms.assign(care_form_id=shown, norm_label=labels)


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
