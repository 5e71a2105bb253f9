"""Dutch notation for the dashboard: € 1.234.567, 85,3 %, 1.234 (see :mod:`messages.numbers`),
and text from data made safe for Markdown."""

from __future__ import annotations

import re

import pandas as pd

from calculator.xlsx_writer import looks_like_formula
from messages.numbers import euro, number, percent

__all__ = ["escape_markdown", "euro", "formula_safe", "number", "percent"]

# the characters that make Markdown (or Streamlit's :colour[…] and $LaTeX$) into a link, an
# image, HTML, emphasis, a heading, a table, code or a formula; a backslash makes each literal
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~$])")
# a web address GitHub-flavoured Markdown would turn into a link by itself
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def escape_markdown(text: str) -> str:
    """``text`` shown as it is where Streamlit renders Markdown: no link, image, HTML,
    emphasis, heading, table, colour or formula can come from it, and no line break."""
    flat = _MARKDOWN.sub(r"\\\1", " ".join(str(text).splitlines()))
    return _AUTOLINK.sub(
        lambda m: "\\:\\/\\/" if m.group(1) == "://" else m.group(1)[:3] + "\\.", flat
    )


# a number as the dashboard shows it (-€ 1.235, -3,5, -5,0 %): no formula, left as it is
_SHOWN_NUMBER = re.compile(r"[-+]?\s?€?\s?[\d.,]+\s?%?")


def _safe_cell(value: object) -> object:
    if (
        isinstance(value, str)
        and looks_like_formula(value)
        and _SHOWN_NUMBER.fullmatch(value) is None
    ):
        return "'" + value  # the spreadsheet convention: a leading quote means text
    return value


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell, index label and header that a spreadsheet would run as
    a formula (``=HYPERLINK(…)``, ``@SUM(…)``) prefixed with a quote, as the workbooks store
    them as text: the table's own CSV download then carries no formula."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(_safe_cell).astype(object)
    out.index = out.index.map(_safe_cell)
    out.columns = out.columns.map(_safe_cell)
    return out
