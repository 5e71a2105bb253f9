"""The board pack of a plan in one call: gather, draw the charts, lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from boardpack.content import gather
from boardpack.pdf import Pack, write_pack
from boardpack.pictures import render
from calculator.audit import Audit
from calculator.workbook import Workbook
from optimizer.deal import Deal
from optimizer.optimize import OptimizeResult


def board_pack(
    wb: Workbook,
    result: OptimizeResult,
    deal: Deal | None,
    lang: str = "nl",
    day: dt.date | None = None,
    audit: Audit | None = None,
) -> Pack:
    """The PDF of ``result``'s plan and ``deal`` for the board, in ``lang``; ``audit`` (the
    run's record) closes the assumptions."""
    content = gather(wb, result, deal, lang, day)
    if audit is not None:
        content = replace(content, run_line=audit.line(lang))
    return write_pack(content, render(wb, content))
