"""The board pack laid out on A4 with reportlab's Platypus: the sections in reading order and
a footer on every page with the workbook's SHA-256, the product version, the date and the page
number ("page 2 of 3": the page count is known once the document is laid out)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from boardpack.content import PackContent
from boardpack.layout import PAGE_MARGIN, RULE
from boardpack.pictures import Pictures
from boardpack.sections import SECTIONS, Section
from messages import text

FOOTER_SIZE = 7


def footer_canvas(content: PackContent) -> type[Canvas]:
    """A canvas that keeps its pages until the end, then draws each footer with the count."""
    lang = content.lang
    footer = text(
        "pack_footer", lang, sha256=content.sha256, version=content.version, date=content.date
    )

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                self._draw_footer(number, len(self._pages))
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, pages: int) -> None:
            width, _ = A4
            y = PAGE_MARGIN * 0.55
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(PAGE_MARGIN, y + 9, width - PAGE_MARGIN, y + 9)
            self.setFont("Helvetica", FOOTER_SIZE)
            self.drawString(PAGE_MARGIN, y, footer)
            page = text("pack_page", lang, page=str(number), pages=str(pages))
            self.drawRightString(width - PAGE_MARGIN, y, page)
            self.restoreState()

    return FooterCanvas


def story(
    content: PackContent, pictures: Pictures, sections: tuple[Section, ...]
) -> list[Flowable]:
    return [flowable for section in sections for flowable in section(content, pictures)]


@dataclass(frozen=True)
class Pack:
    """The PDF and its number of pages."""

    pdf: bytes
    pages: int


def write_pack(
    content: PackContent,
    pictures: Pictures,
    sections: tuple[Section, ...] = SECTIONS,
) -> Pack:
    """The PDF of ``sections`` (default: every section of the pack)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=text("pack_title", content.lang, year=str(content.year)),
        author="Spreiding",
        subject=content.book,
    )
    document.build(story(content, pictures, sections), canvasmaker=footer_canvas(content))
    return Pack(buffer.getvalue(), document.page)
