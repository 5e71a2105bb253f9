"""Workbooks whose volumes sheet names the corner cell XFD1048576 in every spelling a reader
accepts (issue 21): a reader would allocate 1,048,576 × 16,384 cells for each of them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.conftest import tiny_sheets, write_xlsx

# the cell appended to the last row of the volumes sheet, spelt in each way
SPELLINGS: dict[str, bytes] = {
    "plain": b'<c r="XFD1048576" t="n"><v>1</v></c>',
    "attribute_order": b'<c t="n" r="XFD1048576"><v>1</v></c>',
    "single_quotes": b"<c r='XFD1048576'><v>1</v></c>",
    "lower_case": b'<c r="xfd1048576"><v>1</v></c>',
    "character_reference": b'<c r="&#88;FD1048576"><v>1</v></c>',
    "spaces_around_equals": b'<c r = "XFD1048576" ><v>1</v></c>',
    "newline_in_tag": b'<c\nr="XFD1048576"\n><v>1</v></c>',
}
# whole rows instead of one cell: a row far down, and a cell without a position after it
ROWS: dict[str, bytes] = {
    "row_far_down": b'<row r="1048576"><c><v>1</v></c></row>',
    "row_far_down_single_quotes": b"<row r='1048576' spans='1:1'><c t='n'><v>1</v></c></row>",
}


def corner_workbook(folder: Path, spelling: str) -> Path:
    """The tiny region with the volumes sheet stretched to the corner cell in ``spelling``."""
    path = folder / f"hoek_{spelling}.xlsx"
    sheets = tiny_sheets()
    write_xlsx(path, {"volumes": sheets.pop("volumes"), **sheets})  # volumes is sheet1
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member in src.infolist():
            data = src.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                if spelling in SPELLINGS:
                    cell = SPELLINGS[spelling]
                    data = data.replace(b"</row></sheetData>", cell + b"</row></sheetData>")
                else:
                    data = data.replace(b"</sheetData>", ROWS[spelling] + b"</sheetData>")
                assert SPELLINGS.get(spelling, ROWS.get(spelling)) in data
            dst.writestr(member.filename, data)
    path.write_bytes(out.getvalue())
    return path
