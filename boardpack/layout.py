"""The pack's typography: styles, paragraphs and tables of reportlab's Platypus, in the
standard PDF fonts (Helvetica: €, ë and the other Dutch letters; Symbol: arrows), so no font
is embedded or downloaded."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

PAGE_MARGIN = 18 * mm
INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef2f6")

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12.5, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10)
HEAD = ParagraphStyle("head", parent=CELL, fontName="Helvetica-Bold")
NUMBER = ParagraphStyle("number", parent=CELL, alignment=TA_RIGHT)
NUMBER_HEAD = ParagraphStyle("number_head", parent=HEAD, alignment=TA_RIGHT)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=17, leading=21, spaceAfter=3
)
H1 = ParagraphStyle(
    "h1",
    parent=BODY,
    fontName="Helvetica-Bold",
    fontSize=13,
    leading=16,
    spaceBefore=10,
    spaceAfter=5,
    keepWithNext=1,
)
H2 = ParagraphStyle(
    "h2",
    parent=BODY,
    fontName="Helvetica-Bold",
    fontSize=10.5,
    leading=13,
    spaceBefore=7,
    spaceAfter=3,
    keepWithNext=1,
)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=10, bulletIndent=0, spaceAfter=1.5)
INDENTED = ParagraphStyle("indented", parent=BODY, fontSize=8.5, leading=11, leftIndent=12)

# characters outside Helvetica's encoding, set in the standard Symbol font instead
_SYMBOLS = re.compile("([→≥≤])")


def markup(plain: str) -> str:
    """Text from data or the catalogue as Paragraph markup: ``<``, ``>`` and ``&`` escaped (a
    hospital named ``A&B <x>`` prints as it is), arrows in the Symbol font."""
    return _SYMBOLS.sub(r'<font face="Symbol">\1</font>', escape(plain))


def para(plain: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(markup(plain), style)


def bold(plain: str) -> str:
    """Markup of ``plain`` in bold (to combine in one paragraph)."""
    return f"<b>{markup(plain)}</b>"


def bullets(lines: list[str], style: ParagraphStyle = ITEM) -> list[Flowable]:
    return [Paragraph(markup(line), style, bulletText="•") for line in lines]


def table(
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    numbers: set[int] | None = None,
    total: bool = False,
) -> Table:
    """A table with a shaded header row; columns in ``numbers`` right-aligned; ``total``: the
    last row is a totals row, in bold above a rule."""
    right = numbers or set()
    cells = [
        [para(h, NUMBER_HEAD if i in right else HEAD) for i, h in enumerate(header)],
        *[[para(v, NUMBER if i in right else CELL) for i, v in enumerate(row)] for row in rows],
    ]
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total and rows:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, RULE))
        for i in range(len(header)):
            cells[-1][i] = Paragraph(bold(rows[-1][i]), NUMBER_HEAD if i in right else HEAD)
    out = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
    out.setStyle(TableStyle(style))
    return out


def picture(png: bytes, width: float) -> Image:
    """A PNG at ``width`` points wide, its proportions kept."""
    pixels_wide, pixels_high = ImageReader(io.BytesIO(png)).getSize()
    image = Image(io.BytesIO(png), width=width, height=width * pixels_high / pixels_wide)
    image.hAlign = "LEFT"
    return image


def beside(left: Flowable, right: list[Flowable], widths: list[float]) -> Table:
    """``left`` (a picture) with ``right`` (its caption) in the column beside it."""
    out = Table([[left, right]], colWidths=widths, hAlign="LEFT")
    out.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return out
