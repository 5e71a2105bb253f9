"""The board pack of a plan in one call: gather, draw the charts, lay out."""

from __future__ import annotations

import datetime as dt

from boardpack.content import gather
from boardpack.pdf import Pack, write_pack
from boardpack.pictures import render
from calculator.workbook import Workbook
from optimizer.deal import Deal
from optimizer.optimize import OptimizeResult


def board_pack(
    wb: Workbook,
    result: OptimizeResult,
    deal: Deal | None,
    lang: str = "nl",
    day: dt.date | None = None,
) -> Pack:
    """The PDF of ``result``'s plan and ``deal`` for the board, in ``lang``."""
    content = gather(wb, result, deal, lang, day)
    return write_pack(content, render(wb, content))
