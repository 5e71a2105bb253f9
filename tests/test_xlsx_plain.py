"""A large sheet spelt plainly is scanned whole by one expression (calculator/xlsx_plain.py):
it gives exactly the parser's scan, and every other spelling — hostile or merely unusual — is
left to the parser, which refuses the corner cell as before (issue 23, item 4)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import xlsx_plain
from calculator.xlsx_plain import plain_scan
from calculator.xlsx_scan import SheetScan, scan_stream, sheet_parts
from spreiding.cli import main
from tests.corner_cells import ROWS, SPELLINGS, corner_workbook

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "regio_voorbeeld.xlsx"
CELLS, TEXT = 5_000_000, 1 << 20

HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = b"</sheetData></worksheet>"
ROW1 = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s"><v>0</v></c></row>'
)
ROW2 = b'<row r="2" spans="1:2"><c r="A2" s="1" t="n"><v>2</v></c><c r="B2" s="2" t="n" /></row>'


def parsed(data: bytes) -> SheetScan:
    scan = SheetScan()
    scan_stream(io.BytesIO(data), scan, CELLS, TEXT)
    return scan


def test_every_sheet_of_the_sample_is_plain_and_scans_as_the_parser_does():
    with zipfile.ZipFile(SAMPLE) as archive:
        for name, part in sheet_parts(archive).items():
            data = archive.read(part)
            assert plain_scan(data, CELLS, TEXT) == parsed(data), name


def test_a_plain_sheet_gives_its_range():
    data = HEAD + ROW1 + ROW2 + TAIL
    assert plain_scan(data, CELLS, TEXT) == parsed(data) == SheetScan(max_row=2, max_col=2)
    # white space after the last element, as some writers leave it: still plain
    spaced = data + b"\n" * 200
    assert plain_scan(spaced, CELLS, 1000) == parsed(spaced) == SheetScan(max_row=2, max_col=2)


def test_cells_only_in_the_middle_rows_are_left_to_the_parser():
    middle = b'<row r="2"><c r="B2"><v>1</v></c></row>'
    data = HEAD + b'<row r="1"></row>' + middle + b'<row r="3"></row>' + TAIL
    assert plain_scan(data, CELLS, TEXT) is None
    assert parsed(data) == SheetScan(max_row=3, max_col=2)
    # an empty first row written short: the first closing tag is the middle row's
    short = HEAD + b'<row r="1"/>' + middle + b'<row r="3"/>' + TAIL
    assert plain_scan(short, CELLS, TEXT) == parsed(short) == SheetScan(max_row=3, max_col=2)


@pytest.mark.parametrize(
    "rows",
    [
        # the corner cell in its row, and a cell outside its row
        ROW1 + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        ROW1 + b'<row r="2"><c r="A1048576"><v>1</v></c></row>',
        # a middle row wider than the first and the last
        ROW1 + b'<row r="2"><c r="XFD2"><v>1</v></c></row>' + ROW2.replace(b"2", b"3"),
        # other spellings of a position or a tag
        ROW1 + b"<row r='2'><c r='A2'><v>1</v></c></row>",
        ROW1 + b'<row r="2"><c r="a2"><v>1</v></c></row>',
        ROW1 + b'<row r="2"><c r="&#65;2"><v>1</v></c></row>',
        ROW1 + b'<row r="2"><c t="n" r="A2"><v>1</v></c></row>',
        ROW1 + b'<row r="2"><c r="A2" r="XFD2"><v>1</v></c></row>',
        ROW1 + b'<row r="2"><x:c r="A2"><v>1</v></x:c></row>',
        ROW1 + b'<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c></row>',
        ROW1 + b'<row r="2" x:r="1048576"><c r="A2"><v>1</v></c></row>',
        # markup the expression does not read: comments, CDATA, instructions, entities
        ROW1 + b'<!-- <row r="2"><c r="XFD2"/></row> -->',
        ROW1 + b'<row r="2"><c r="A2"><v><![CDATA[1]]></v></c></row>',
        ROW1 + b"<?pi x?>",
        ROW1 + b'<row r="2"><c r="A2" t="inlineStr"><is><t>&#10;</t></is></c></row>',
        ROW1 + b'<row r="2"><c r="A2" t="inlineStr"><is><t>&x;</t></is></c></row>',
        # error cells and formulas: the parser records them
        ROW1 + b'<row r="2"><c r="A2" t="e"><v>#REF!</v></c></row>',
        ROW1 + b'<row r="2"><c r="A2"><f>1+1</f><v></v></c></row>',
        # not well-formed
        ROW1 + b'<row r="2"><c r="A2"><v>1</c></v></row>',
        ROW1 + b'<row r="2"><c r="A2" t="inlineStr"><is><t>\x01</t></is></c></row>',
        ROW1 + b'<row r="2"><c r="A2" t="inlineStr"><is><t>\xff</t></is></c></row>',
        ROW1 + b'<row r="2"><c r="A2" t="inlineStr"><is><t>a]]>b</t></is></c></row>',
        ROW1 + b'<row r="2"><c r="A2"><v>1</v></c>',
    ],
)
def test_anything_but_the_plain_spelling_is_left_to_the_parser(rows):
    assert plain_scan(HEAD + rows + TAIL, CELLS, TEXT) is None


def test_a_cell_outside_the_sheet_data_or_a_second_sheet_data_is_left_to_the_parser():
    outside = HEAD.replace(b"<sheetData>", b'<c r="XFD1048576"/><sheetData>') + ROW1 + TAIL
    assert plain_scan(outside, CELLS, TEXT) is None
    in_comment = HEAD.replace(b"<sheetData>", b"<!-- <sheetData> -->") + ROW1 + TAIL
    assert plain_scan(in_comment, CELLS, TEXT) is None


def test_a_row_of_more_cells_than_excel_has_columns_is_left_to_the_parser():
    cells = b'<c r="A2"><v>1</v></c>' * 16_385
    data = HEAD + ROW1 + b'<row r="2">' + cells + b"</row>" + TAIL
    assert plain_scan(data, CELLS, TEXT) is None
    assert parsed(data).problem == "row_too_many_cells"


def test_a_text_longer_than_the_limit_is_left_to_the_parser():
    long = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"x" * 2000 + b"</t></is></c></row>"
    assert plain_scan(HEAD + ROW1 + long + TAIL, CELLS, 1000) is None
    assert plain_scan(HEAD + ROW1 + long + TAIL, CELLS, 100_000) is not None


@pytest.mark.parametrize("spelling", [*SPELLINGS, *ROWS])
def test_the_corner_cell_is_refused_when_every_sheet_takes_the_plain_path(
    tmp_path, monkeypatch, spelling
):
    monkeypatch.setattr(xlsx_plain, "PLAIN_FROM_BYTES", 0)
    book = corner_workbook(tmp_path, spelling)
    result = CliRunner().invoke(main, ["--lang", "en", "validate", str(book), "--json"])
    assert result.exit_code == 1, result.output
    assert '"code": "sheet_range_too_large"' in result.output
    assert "1048576" in result.output


PLAIN_CELL = st.tuples(
    st.sampled_from(["A", "B", "C", "Z", "AA", "XFD"]),
    st.sampled_from(["", ' s="1"', ' t="n"', ' t="inlineStr"', ' s="2" t="s"']),
    st.sampled_from(["<v>1</v>", "", "<v/>", "<is><t>x &amp; y</t></is>"]),
    st.just(0),
)
ODD_CELL = st.tuples(
    st.sampled_from(["A", "a", "A A", "XFE"]),
    st.sampled_from(["", ' t="e"', " t='n'"]),
    st.sampled_from(["<v>1</v>", "<f>1</f><v></v>", "<v>&#65;</v>"]),
    st.sampled_from([0, 1, -1]),  # the cell's row: its own, or one off
)


def sheet_rows(cell, attributes):
    row = st.tuples(st.integers(1, 1_100_000), attributes, st.lists(cell, max_size=4))
    return st.lists(row, max_size=5)


rows = st.one_of(
    sheet_rows(PLAIN_CELL, st.sampled_from(["", ' spans="1:3"'])),
    sheet_rows(st.one_of(PLAIN_CELL, ODD_CELL), st.sampled_from(["", " x:r='9'", ' r="2"'])),
)


@given(rows)
@settings(max_examples=150, deadline=None)
def test_the_plain_scan_is_the_parser_scan_or_leaves_it_to_the_parser(sheet_rows):
    body = b""
    for number, attributes, row_cells in sheet_rows:
        body += f'<row r="{number}"{attributes}>'.encode()
        for column, more, content, off in row_cells:
            body += f'<c r="{column}{number + off}"{more}>{content}</c>'.encode()
        body += b"</row>"
    data = HEAD + body + TAIL
    plain = plain_scan(data, CELLS, TEXT)
    assert plain is None or plain == parsed(data)
