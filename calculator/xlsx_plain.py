"""The usual spelling of a worksheet's cells, recognised whole by one regular expression.

The parser scan of :mod:`calculator.xlsx_scan` calls Python for every element: 1.5 million
cells cost seconds. Excel and the common writers spell a sheet's cells in one way
(``<row r="2"><c r="A2" s="1" t="s"><v>7</v></c>…</row>``); this module recognises that spelling
as a whole, in C, and gives the same scan — or ``None``, and then the parser scan decides.

Why the two agree. The sheet is cut at its ``<sheetData>`` element. What is outside it (a few
kilobytes) goes through the parser scan with the element left empty; that also proves the cut
is the real element (the parser reports its start tag exactly there). The content is accepted
only when it *fully* matches a grammar of plain rows and cells: tag and attribute names written
out, attributes double-quoted in a fixed order with no duplicates, no comment, CDATA,
processing instruction, entity other than the five predefined ones, control character, formula
or error cell (those go to the parser scan). In such content every ``<`` starts one of the
grammar's tags, so what the expression sees is what an XML parser sees, and the content is
well-formed by construction. Each cell's row must be its row's number (a back-reference) and
its column at most the widest column of the sheet's first and last rows (an expression built
for that column): so the used range is the largest row number times that column, found without
looking at each cell from Python. Text length is bounded the same way: every block of an
eighth of the limit holds a ``<``, so no text between two elements reaches the limit.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile

from calculator.xlsx_scan import (
    MAX_COLUMNS,
    MAX_ROWS,
    SheetScan,
    column_index,
    column_letters,
    scan_sheet,
    scan_stream,
)

PLAIN_FROM_BYTES = 1 << 16  # smaller sheets: the parser scan alone (it takes milliseconds)

_OPEN, _CLOSE = b"<sheetData>", b"</sheetData>"
# text of a value: no markup, no control character, only the predefined entities
_CHARS = rb"[^<&\x00-\x08\x0b\x0c\x0e-\x1f]*+"
_TEXT = _CHARS + rb"(?:&(?:amp|lt|gt|quot|apos);" + _CHARS + rb")*+"
_VALUE = rb'[^"<&\x00-\x1f]*+'
# a row's attributes in the schema's order (CT_Row), then Excel's row-height extension
_ROW_ATTRIBUTES = b"".join(
    rb"(?: " + name + rb'="' + _VALUE + rb'")?'
    for name in (
        b"spans",
        b"s",
        b"customFormat",
        b"ht",
        b"hidden",
        b"customHeight",
        b"outlineLevel",
        b"collapsed",
        b"thickTop",
        b"thickBot",
        b"ph",
        b"x14ac:dyDescent",
    )
)
_CONTENT = (
    rb"(?:<v>" + _TEXT + rb"</v>|<v ?/>"
    rb'|<is><t(?: xml:space="preserve")?>' + _TEXT + rb"</t></is>)?+"
)
_ROW_NUMBER = re.compile(rb'<row r="(\d{1,7})"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d')


def _columns_up_to(last: int) -> bytes:
    """An expression for the column letters ``A`` … ``column_letters(last)`` (base 26 without
    a zero: every shorter spelling is a smaller column)."""
    top = column_letters(last)
    choices = [f"[A-Z]{{1,{len(top) - 1}}}"] if len(top) > 1 else []
    for i, letter in enumerate(top):
        if letter > "A":
            rest = len(top) - i - 1
            choices.append(
                top[:i] + f"[A-{chr(ord(letter) - 1)}]" + (f"[A-Z]{{{rest}}}" * (rest > 0))
            )
    choices.append(top)
    return ("(?:" + "|".join(choices) + ")").encode()


@functools.lru_cache(maxsize=64)
def _grammar(last_column: int) -> re.Pattern[bytes]:
    """Plain rows whose cells lie in their row and at most in column ``last_column``."""
    cell = (
        rb'<c r="' + _columns_up_to(last_column) + rb'\1"'
        rb'(?: s="\d{1,9}")?(?: t="(?:s|n|b|str|d|inlineStr)")?'
        rb"(?: ?/>|>" + _CONTENT + rb"</c>)"
    )
    row = (
        rb'<row r="(\d{1,7})"' + _ROW_ATTRIBUTES + rb"(?: ?/>|>(?:" + cell + rb"){0,%d}+</row>)"
    ) % MAX_COLUMNS
    return re.compile(rb"(?:" + row + rb")*+")


def _widest(data: bytes, start: int, end: int) -> int:
    """The widest column named in ``data[start:end]`` (0 when none)."""
    letters = _CELL_COLUMN.findall(data, start, end)
    return max((column_index(x.decode()) for x in letters), default=0)


def scan_worksheet(archive: zipfile.ZipFile, part: str, max_cells: int, max_text: int) -> SheetScan:
    """:func:`calculator.xlsx_scan.scan_sheet` of a worksheet part: the same scan, recognised
    whole when the part is large and spelt plainly, else by the parser."""
    try:
        size = archive.getinfo(part).file_size
    except KeyError:
        return SheetScan()
    if size < PLAIN_FROM_BYTES:
        return scan_sheet(archive, part, max_cells, max_text)
    data = archive.read(part)
    plain = plain_scan(data, max_cells, max_text)
    if plain is not None:
        return plain
    scan = SheetScan()
    scan_stream(io.BytesIO(data), scan, max_cells, max_text)
    return scan


def plain_scan(data: bytes, max_cells: int, max_text: int) -> SheetScan | None:
    """The scan of a worksheet part ``data`` when its cells are spelt plainly; None when they
    are not (or the sheet is refused): then the parser scan decides and says why."""
    start = data.find(_OPEN)
    end = data.rfind(_CLOSE)
    if start < 0 or end < start + len(_OPEN):
        return None
    start += len(_OPEN)
    # no run of text as long as the limit: every whole block of max_text / 8 bytes holds a "<"
    # (a run of two blocks' length would cover one of them)
    step = max(max_text // 8, 64)
    if any(data.find(b"<", i, i + step) < 0 for i in range(0, len(data) - step + 1, step)):
        return None
    if not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if "\ufffe" in text or "\uffff" in text:
            return None
        del text
    if data.find(b"]]>", start, end) >= 0:
        return None
    outside = SheetScan()
    marks: list[int] = []
    scan_stream(io.BytesIO(data[:start] + data[end:]), outside, max_cells, max_text, marks)
    if outside.problem or marks != [start - len(_OPEN)]:
        return None
    # the first and the last row give the widest column the grammar will allow
    first_end = data.find(b"</row>", start, end)
    last_start = data.rfind(b"<row ", start, end)
    widest = 0
    if first_end >= 0:
        widest = max(_widest(data, start, first_end), _widest(data, last_start, end))
    if widest == 0 and data.find(b"<c ", start, end) >= 0:
        return None  # cells in the middle rows only: their widest column is not known here
    if widest > MAX_COLUMNS or _grammar(max(widest, 1)).fullmatch(data, start, end) is None:
        return None
    rows = _ROW_NUMBER.findall(data, start, end)
    top = max(map(int, rows), default=0)
    scan = SheetScan(
        max_row=max(top, outside.max_row),
        max_col=max(widest, outside.max_col),
        errors=outside.errors,
        lost_formulas=outside.lost_formulas,
    )
    if scan.max_row > MAX_ROWS or scan.cells > max_cells:
        return None  # refused: the parser scan says where, as it always has
    return scan
