"""The sheet XML is read with a real XML parser before any reader builds a grid (issue 21,
item 1): no spelling of the corner cell escapes the used-range check, and no DTD passes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from calculator.reader import read_xlsx_bytes
from calculator.xlsx_scan import scan_sheet, sheet_parts
from spreiding.cli import main
from tests.conftest import tiny_sheets, write_xlsx
from tests.corner_cells import ROWS, SPELLINGS, corner_workbook


@pytest.mark.parametrize("spelling", [*SPELLINGS, *ROWS])
def test_the_corner_cell_in_every_spelling_is_refused_through_the_cli(tmp_path, spelling):
    book = corner_workbook(tmp_path, spelling)
    result = CliRunner().invoke(main, ["--lang", "en", "validate", str(book), "--json"])
    assert result.exit_code == 1, result.output
    assert '"code": "sheet_range_too_large"' in result.output
    assert "1048576" in result.output


def rewritten(tmp_path: Path, part: str, edit) -> bytes:
    book = write_xlsx(tmp_path / "b.xlsx", tiny_sheets())
    out = io.BytesIO()
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            data = src.read(member.filename)
            dst.writestr(member.filename, edit(data) if member.filename == part else data)
    return out.getvalue()


def test_a_sheet_declared_in_single_quotes_is_still_found_and_scanned(tmp_path):
    def quoted(xml: bytes) -> bytes:
        return xml.replace(b'name="volumes" sheetId', b"name='volumes' sheetId")

    data = rewritten(tmp_path, "xl/workbook.xml", quoted)
    assert b"name='volumes'" in data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sheet_parts(archive)["volumes"].startswith("xl/worksheets/")
    assert "volumes" in read_xlsx_bytes(data).tables


@pytest.mark.parametrize(
    "prolog",
    [
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
        b"<!doctype x>",
        b'<!DOCTYPE x SYSTEM "http://example.org/x.dtd">',
    ],
)
def test_a_dtd_in_any_part_is_refused(tmp_path, prolog):
    def with_dtd(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>")
        return head + b"?>" + prolog + rest if rest else prolog + xml

    data = rewritten(tmp_path, "xl/worksheets/sheet2.xml", with_dtd)
    raw = read_xlsx_bytes(data)
    assert [f.code for f in raw.findings] in (["file_xml_entities"], ["file_part_damaged"])
    assert not raw.tables


def test_the_scan_finds_error_cells_and_lost_formulas_in_any_prefix(tmp_path):
    sheet = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<x:sheetData><x:row r='1'><x:c r='A1' t='e'><x:v>#REF!</x:v></x:c>"
        b"<x:c><x:f>1+1</x:f><x:v/></x:c><x:c r='c1'><x:v>3</x:v></x:c></x:row>"
        b"<x:row><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("s.xml", sheet)
    with zipfile.ZipFile(out) as archive:
        scan = scan_sheet(archive, "s.xml", 100, 1000)
    assert (scan.max_row, scan.max_col, scan.problem) == (2, 3, "")
    assert scan.errors == [(1, 1, "#REF!")] and scan.lost_formulas == [(1, 2)]
