"""What an xlsx archive's XML holds, found with a real XML parser before any reader builds it.

The reader (calamine) allocates a dense grid from ``A1`` to the largest cell position a sheet
names, so one cell written as ``XFD1048576`` asks for 17 billion cells. Every check here parses
the XML with :mod:`defusedxml` (expat underneath: a DTD or entity declaration is refused, never
expanded) and streams it: each element is dropped from the tree as soon as it ends, so memory
stays at the depth of the document, not its size. A position is what the parser reports —
however the attribute is quoted, ordered, cased or escaped (``r='xfd1048576'``,
``r="&#88;FD1048576"``) — and a cell without a position takes the one after its neighbour, as a
reader does. The scan stops at the first cell that takes the sheet over the cell limit.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import iterparse

MAX_COLUMNS = 16_384  # XFD, Excel's last column
MAX_ROWS = 1_048_576  # Excel's last row
MAX_RECORDED = 10_000  # error cells or lost formulas recorded per sheet

XML_ERRORS = (ParseError, DefusedXmlException, ValueError)


def column_index(letters: str) -> int:
    """``A`` → 1, ``XFD`` → 16384 (case-insensitive)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index


def column_letters(index: int) -> str:
    """1 → ``A``, 16384 → ``XFD``."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _local(name: str) -> str:
    """A tag or attribute without its namespace (``{ns}c`` → ``c``, ``x:r`` → ``r``)."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _attribute(elem: Element, name: str) -> str | None:
    """The attribute ``name`` by its local name, whatever its prefix or namespace."""
    value = elem.attrib.get(name)
    if value is not None:
        return value
    for key, found in elem.attrib.items():
        if _local(key) == name:
            return found
    return None


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_REFERENCE = re.compile(r"\s*([A-Za-z]{1,12})\$?(\d{1,12})\s*")


@functools.lru_cache(maxsize=4096)
def _column_of(letters: str) -> int:
    return column_index(letters)


def _split_reference(ref: str) -> tuple[int, int] | None:
    """``"XFD1048576"`` → (row 1048576, column 16384): the attribute's value as the parser
    gives it (quotes, escapes and attribute order are the parser's work), in any case, with
    spaces around; None when it is no cell reference (longer than 12 letters or digits too)."""
    digits = ref.lstrip(_LETTERS)
    letters = ref[: len(ref) - len(digits)]
    if 0 < len(letters) <= 3 and 0 < len(digits) <= 7 and digits.isdigit() and digits.isascii():
        return int(digits), _column_of(letters)  # the usual spelling, without a regex
    match = _REFERENCE.fullmatch(ref)
    if match is None:
        return None
    return int(match.group(2)), _column_of(match.group(1))


def parse_events(fh: IO[bytes]) -> Iterator[tuple[str, Element, Element | None]]:
    """(event, element, parent) for a streamed XML part; each element leaves the tree when it
    ends (after its ``end`` event), so the parsed tree never grows beyond one path."""
    stack: list[Element] = []
    for event, elem in iterparse(fh, events=("start", "end"), forbid_dtd=True):
        if event == "start":
            parent = stack[-1] if stack else None
            stack.append(elem)
            yield event, elem, parent
            continue
        stack.pop()
        parent = stack[-1] if stack else None
        yield event, elem, parent
        if parent is not None and len(parent) and parent[-1] is elem:
            del parent[-1]


def refuses_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> str:
    """``""`` when the part parses to its root element without a DTD or entity declaration;
    else the parser's complaint (a DTD, an entity, or no XML at all)."""
    try:
        with archive.open(member) as fh:
            for _ in parse_events(fh):
                return ""  # the root element: a DTD can only come before it
    except XML_ERRORS as exc:
        return type(exc).__name__ + (f": {exc}" if str(exc) else "")
    return ""


@dataclass
class SheetScan:
    """What a sheet's XML holds, found without building it: range, errors, lost formulas."""

    max_row: int = 0
    max_col: int = 0
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, #REF! …)
    lost_formulas: list[tuple[int, int]] = field(default_factory=list)  # (row, col)
    # a code that refuses the whole sheet: "row_too_many_cells", "text_too_long",
    # "sheet_range_too_large", "sheet_xml_damaged"
    problem: str = ""
    detail: str = ""

    @property
    def cells(self) -> int:
        return self.max_row * self.max_col


def scan_sheet(archive: zipfile.ZipFile, part: str, max_cells: int, max_text: int) -> SheetScan:
    """Stream one worksheet part through expat and record its used range, error cells and
    formulas without a value; stop at the first cell that takes the range over ``max_cells``
    or a text over ``max_text`` characters (the scan's ``problem`` says which)."""
    scan = SheetScan()
    try:
        fh = archive.open(part)
    except KeyError:
        return scan
    with fh:
        scan_stream(fh, scan, max_cells, max_text)
    return scan


def scan_stream(
    fh: IO[bytes], scan: SheetScan, max_cells: int, max_text: int, marks: list[int] | None = None
) -> None:
    """:func:`scan_sheet` of a stream, into ``scan``; the byte offset of each ``sheetData``
    start tag is added to ``marks`` when given."""
    try:
        _SheetParser(scan, max_cells, max_text, marks).run(fh)
    except _Stop:
        pass
    except (expat.ExpatError, *XML_ERRORS) as exc:
        scan.problem, scan.detail = "sheet_xml_damaged", f"{type(exc).__name__}: {exc}"[:200]


class _Stop(Exception):
    """The scan has found what refuses the sheet; parsing stops."""


class _SheetParser:
    """One streamed pass of expat over a worksheet part, with handlers for element starts only
    (an end handler for each of millions of cells would double the cost): a cell is complete
    when the next cell or row starts, or the part ends. Character data is collected only for
    the value of an error cell or a formula cell. Text length is bounded by the bytes between
    two element starts (a text of more than ``max_text`` characters has at least that many)."""

    def __init__(
        self, scan: SheetScan, max_cells: int, max_text: int, marks: list[int] | None = None
    ) -> None:
        self.scan, self.max_cells, self.max_text, self.marks = scan, max_cells, max_text, marks
        self.parser = expat_parser()
        self.parser.StartElementHandler = self.start
        self.row = 0  # the current row number
        self.col = 0  # the column of the last cell of the current row
        self.in_row = 0  # cells seen in the current row
        self.last_start = 0  # byte offset of the last element start
        self.cell: tuple[int, int, bool] | None = None  # (row, col, is an error) of an open cell
        self.formula = False
        self.value: list[str] | None = None  # the open cell's <v> text, when collected

    def run(self, fh: IO[bytes]) -> None:
        self.parser.ParseFile(fh)
        self.finish_cell()
        self.check_gap(self.parser.CurrentByteIndex)

    def stop(self, problem: str, detail: str = "") -> None:
        self.scan.problem, self.scan.detail = problem, detail
        raise _Stop

    def check_gap(self, position: int) -> None:
        if position - self.last_start > self.max_text:
            self.stop("text_too_long")
        self.last_start = position

    def start(self, name: str, attrs: dict[str, str]) -> None:
        position = self.parser.CurrentByteIndex
        if position - self.last_start > self.max_text:
            self.stop("text_too_long")
        self.last_start = position
        if self.value is not None:
            self.parser.CharacterDataHandler = None
        tag = name if ":" not in name else name.rpartition(":")[2]
        if tag == "c":
            self.start_cell(attrs)
        elif tag == "row":
            self.start_row(attrs)
        elif tag == "sheetData" and self.marks is not None:
            self.marks.append(position)
        elif self.cell is not None:
            if tag == "f":
                self.formula = True
            elif tag == "v" and (self.formula or self.cell[2]):
                self.value = []
                self.parser.CharacterDataHandler = self.value.append

    def start_row(self, attrs: dict[str, str]) -> None:
        self.finish_cell()
        position = _attr(attrs, "r")
        if position is None:
            self.row += 1
        elif position.strip().isdigit() and len(position.strip()) <= 12:
            self.row = int(position)
        else:
            self.stop("sheet_xml_damaged", f"<row r={position[:20]!r}>")
        self.col, self.in_row = 0, 0
        if self.row > self.scan.max_row:
            self.scan.max_row = self.row
            self.check_range()

    def start_cell(self, attrs: dict[str, str]) -> None:
        if self.cell is not None:
            self.finish_cell()
        ref = attrs.get("r") if "r" in attrs or not attrs else _attr(attrs, "r")
        where = (self.row, self.col + 1) if ref is None else _split_reference(ref)
        if where is None:
            self.stop("sheet_xml_damaged", f"<c r={str(ref)[:20]!r}>")
            return
        row, self.col = where
        self.in_row += 1
        kind = attrs.get("t") if "t" in attrs or len(attrs) < 2 else _attr(attrs, "t")
        self.cell = (row, self.col, kind is not None and kind.strip().lower() == "e")
        scan = self.scan
        if row > scan.max_row or self.col > scan.max_col:
            scan.max_row, scan.max_col = max(scan.max_row, row), max(scan.max_col, self.col)
            self.check_range()
        if self.in_row > MAX_COLUMNS:
            self.stop("row_too_many_cells")

    def check_range(self) -> None:
        scan = self.scan
        if scan.cells > self.max_cells or scan.max_col > MAX_COLUMNS or scan.max_row > MAX_ROWS:
            self.stop("sheet_range_too_large")

    def finish_cell(self) -> None:
        if self.cell is None:
            return
        row, col, error = self.cell
        value = "".join(self.value).strip() if self.value is not None else ""
        scan = self.scan
        if error:
            if len(scan.errors) < MAX_RECORDED:
                scan.errors.append((row, col, value or "#N/A"))
        elif self.formula and not value and len(scan.lost_formulas) < MAX_RECORDED:
            scan.lost_formulas.append((row, col))
        self.cell, self.formula, self.value = None, False, None


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, whatever prefix it was written with."""
    value = attrs.get(name)
    if value is not None:
        return value
    for key, found in attrs.items():
        if key.rpartition(":")[2] == name:
            return found
    return None


def _refuse_dtd(*_: object) -> None:
    raise DTDForbidden(None, None, None)


def _refuse_entity(*_: object) -> Any:
    raise EntitiesForbidden(None, None, None, None, None, None)


def expat_parser() -> Any:
    """An expat parser that refuses a DTD, any entity declaration and external references (as
    :mod:`defusedxml` does), without namespace processing: a tag is the name as written."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity
    return parser


def longest_text_over(archive: zipfile.ZipFile, part: str, limit: int) -> bool:
    """True when a text node of ``part`` (e.g. the shared strings) is longer than ``limit``."""
    try:
        fh = archive.open(part)
    except KeyError:
        return False
    with fh:
        for event, elem, _ in parse_events(fh):
            if event == "end" and elem.text is not None and len(elem.text) > limit:
                return True
    return False


_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet's name (as in the file) to its XML part, from the workbook and its
    relationships (parsed, so no quoting or attribute order hides a sheet from the scan)."""
    targets: dict[str, str] = {}
    try:
        with archive.open("xl/_rels/workbook.xml.rels") as fh:
            for event, elem, _ in parse_events(fh):
                if event == "start" and _local(elem.tag) == "Relationship":
                    ident, target = _attribute(elem, "Id"), _attribute(elem, "Target")
                    if ident is not None and target is not None:
                        if ident in targets:  # readers differ on which one wins: refused
                            raise ValueError(f"relationship {ident[:40]!r} is declared twice")
                        targets[ident] = target
    except KeyError:
        pass
    parts: dict[str, str] = {}
    with archive.open("xl/workbook.xml") as fh:
        for event, elem, _ in parse_events(fh):
            if event == "start" and _local(elem.tag) == "sheet":
                name = _attribute(elem, "name") or ""
                ident = elem.attrib.get(f"{{{_RELATIONSHIPS}}}id") or _attribute(elem, "id")
                target = targets.get(ident or "", "")
                parts[name] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return parts
