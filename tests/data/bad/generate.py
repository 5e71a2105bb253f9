"""Generate the bad-input corpus: every file here must make ``spreiding validate`` exit 1 with a
located message, in bounded memory. Run ``python -m tests.data.bad.generate`` to rewrite it.

``EXPECTED`` names each case (file or CSV/Parquet folder) and the finding code it must produce;
hand-made cases (written by hand, not by this script) are listed too. Cases that would be large
in the repository are written at test time by :func:`write_large_cases` (small archives that
declare a huge range, or a long text).
"""

from __future__ import annotations

import io
import random
import shutil
import string
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook as XlsxBook

from tests.conftest import tiny_sheets, write_csv_folder, write_xlsx

HERE = Path(__file__).resolve().parent

# case → (finding code that must appear, codes that must not appear)
EXPECTED: dict[str, tuple[str, tuple[str, ...]]] = {
    # hand-made
    "hand_not_a_zip.xlsx": ("file_not_xlsx", ()),
    "hand_ragged_csv": ("csv_unreadable", ()),
    "hand_comma_thousands_csv": ("number_convention", ()),
    # generated below
    "empty.xlsx": ("file_empty", ()),
    "truncated.xlsx": ("file_damaged", ()),
    "zip_bomb.xlsx": ("file_zip_bomb", ()),
    "xml_entities.xlsx": ("file_xml_entities", ()),
    "xml_entities_after_comment.xlsx": ("file_xml_entities", ()),
    "macros.xlsm": ("file_macros", ()),
    "password.xlsx": ("file_password_or_xls", ()),
    "encrypted_zip.xlsx": ("file_encrypted", ()),
    "no_workbook_part.xlsx": ("file_no_workbook_part", ()),
    "hidden_sheet.xlsx": ("sheet_hidden", ()),
    "rows_1048576.xlsx": ("sheet_range_too_large", ()),
    "columns_16384.xlsx": ("sheet_range_too_large", ()),
    "cell_at_XFD1048576.xlsx": ("sheet_range_too_large", ()),
    "formulas_without_values.xlsx": ("formula_without_value", ()),
    "merged_header.xlsx": ("merged_cells", ()),
    "duplicate_sheet_alias.xlsx": ("sheet_twice", ()),
    "mixed_types.xlsx": ("cell_bad", ()),
    "ref_error_in_required_number.xlsx": ("cell_error", ()),
    "na_error_in_optional_text.xlsx": ("cell_error", ()),
    "value_error_in_optional_number.xlsx": ("cell_error", ()),
    "div0_error_in_date.xlsx": ("cell_error", ()),
    "inf_as_text.xlsx": ("number_not_finite", ()),
    "year_1e300.xlsx": ("cell_bad", ()),
    "year_1e10.xlsx": ("out_of_range", ()),
    "control_characters_in_id.xlsx": ("control_characters", ()),
    "ambiguous_number.xlsx": ("number_ambiguous", ()),
    "date_with_slashes.xlsx": ("date_with_slashes", ()),
    "euro_sign_in_year.xlsx": ("cell_bad", ()),
    "missing_required_column.xlsx": ("column_missing", ()),
    "missing_required_sheet.xlsx": ("sheet_missing", ()),
    "header_only.xlsx": ("sheet_no_rows", ()),
    "empty_sheet.xlsx": ("sheet_empty", ()),
    "duplicate_column.xlsx": ("column_twice", ()),
    "code_as_number.xlsx": ("code_stored_as_number", ()),
    "negative_cases.xlsx": ("out_of_range", ()),
    "headers_in_capitals_with_bad_cell.xlsx": ("cell_bad", ("column_missing",)),
    "swapped_patient_and_hospital_columns.xlsx": ("unknown_reference", ()),
    "csv_not_utf8": ("csv_not_utf8", ()),
    "csv_bom_with_bad_cell": ("cell_bad", ("column_missing",)),
    "csv_semicolon_point_decimal": ("number_convention", ()),
    "csv_ref_error": ("cell_error", ()),
    "csv_control_characters": ("control_characters", ()),
    "csv_empty_file": ("csv_empty", ()),
    "csv_text_40000_characters": ("text_too_long", ()),
    "parquet_wrong_dtypes": ("cell_bad", ()),
    "parquet_corrupt": ("parquet_unreadable", ()),
    "parquet_infinite": ("number_not_finite", ()),
}

# written at test time (see write_large_cases)
LARGE: dict[str, tuple[str, tuple[str, ...]]] = {
    "string_10MB.xlsx": ("text_too_long", ()),
    "zip_bomb_2GB_declared.xlsx": ("file_too_large", ()),
}


def book() -> dict[str, pd.DataFrame]:
    """The tiny valid workbook of the tests, with registrations and insurer contracts added."""
    sheets = tiny_sheets()
    sheets["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB"],
            "year": [2025, 2025],
            "insurer": ["VGZ", "VGZ"],
            "share": [1.0, 1.0],
            "price_factor": [1.0, 1.0],
            "revenue_cap": [None, 500000.0],
        }
    )
    sheets["registrations"] = pd.DataFrame(
        {
            "dbc_id": ["D1", "D2"],
            "patient_id": ["P-SECRET-1", "P-SECRET-2"],
            "hospital_id": ["AAA", "BBB"],
            "product_code": ["012345678", "012345678"],
            "insurer": ["VGZ", "VGZ"],
            "start_date": ["2025-02-01", "2025-03-01"],
            "end_date": ["2025-04-01", "2025-05-01"],
            "odv": ["nee", "nee"],
            "partner_hospital": [None, None],
        }
    )
    return sheets


def _rezip(source: Path, target: Path, change: dict[str, bytes | None]) -> None:
    """Copy an archive, replacing (bytes) or dropping (None) the named parts; add new ones."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename in change:
                if change[item.filename] is not None:
                    dst.writestr(item.filename, change[item.filename])  # type: ignore[arg-type]
                continue
            dst.writestr(item, src.read(item))
        for name, data in change.items():
            if data is not None and name not in src.namelist():
                dst.writestr(name, data)


def _sheet_part(path: Path, title: str) -> str:
    from calculator.xlsx_scan import sheet_parts as _sheet_parts

    with zipfile.ZipFile(path) as z:
        return _sheet_parts(z)[title]


def _patch(path: Path, title: str, old: bytes, new: bytes, target: Path) -> None:
    part = _sheet_part(path, title)
    with zipfile.ZipFile(path) as z:
        xml = z.read(part)
    assert old in xml, (title, old)
    _rezip(path, target, {part: xml.replace(old, new, 1)})


def _with(sheets: dict[str, pd.DataFrame], sheet: str, row: int, column: str, value: object):
    out = {k: v.copy() for k, v in sheets.items()}
    frame = out[sheet].astype({column: object})
    frame.loc[row, column] = value
    out[sheet] = frame
    return out


def _far_cell_xml(cells: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f'<row r="{ref[1]}"><c r="{ref[0]}{ref[1]}"><v>{v}</v></c></row>' for ref, v in cells
    )
    return (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><sheetData>{body}</sheetData></worksheet>'
    ).encode()


def generate(folder: Path = HERE) -> None:
    """Write every generated case into ``folder`` (hand-made cases are left alone)."""
    base = book()
    good = folder / "_good.xlsx"
    write_xlsx(good, base)
    good_bytes = good.read_bytes()

    def xlsx(name: str, sheets: dict[str, pd.DataFrame]) -> None:
        write_xlsx(folder / name, sheets)

    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "truncated.xlsx").write_bytes(good_bytes[: len(good_bytes) // 2])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 << 20))
    (folder / "zip_bomb.xlsx").write_bytes(buf.getvalue())
    with zipfile.ZipFile(good) as z:
        workbook_xml = z.read("xl/workbook.xml")
    body = workbook_xml.split(b"?>", 1)[-1]
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b"]>"
    )
    _rezip(good, folder / "xml_entities.xlsx", {"xl/workbook.xml": laughs + body})
    late = b'<?xml version="1.0"?><!--' + b" " * 8000 + b'--><!DOCTYPE x [<!ENTITY a "b">]>'
    _rezip(good, folder / "xml_entities_after_comment.xlsx", {"xl/workbook.xml": late + body})
    _rezip(good, folder / "macros.xlsm", {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0fake macros"})
    (folder / "password.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    encrypted = bytearray(good_bytes)
    at = encrypted.find(b"PK\x01\x02")
    while at >= 0:  # set the 'encrypted' flag of every central directory entry
        encrypted[at + 8] |= 0x1
        at = encrypted.find(b"PK\x01\x02", at + 4)
    (folder / "encrypted_zip.xlsx").write_bytes(bytes(encrypted))
    _rezip(good, folder / "no_workbook_part.xlsx", {"xl/workbook.xml": None})

    from openpyxl import load_workbook

    hidden = load_workbook(good)
    hidden["insurer_contracts"].sheet_state = "hidden"
    hidden.save(folder / "hidden_sheet.xlsx")

    for name, cells in {
        "rows_1048576.xlsx": [(("I", 1048576), "1")],
        "columns_16384.xlsx": [(("XFD", 1000), "1")],
        "cell_at_XFD1048576.xlsx": [(("XFD", 1048576), "1")],
    }.items():
        part = _sheet_part(good, "registrations")
        with zipfile.ZipFile(good) as z:
            xml = z.read(part)
        extra = "".join(
            f'<row r="{r}"><c r="{c}{r}"><v>{v}</v></c></row>' for (c, r), v in cells
        ).encode()
        _rezip(good, folder / name, {part: xml.replace(b"</sheetData>", extra + b"</sheetData>")})

    formulas = XlsxBook()
    formulas.remove(formulas.active)
    for title, frame in base.items():
        ws = formulas.create_sheet(title)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False, name=None):
            ws.append([None if pd.isna(v) else v for v in row])
    formulas["volumes"]["D2"] = "=2*5"  # openpyxl stores no result: the value is lost
    formulas.save(folder / "formulas_without_values.xlsx")
    merged = load_workbook(good)
    merged["hospitals"].merge_cells("A1:B1")
    merged.save(folder / "merged_header.xlsx")

    twice = dict(base) | {"ziekenhuizen": base["hospitals"]}
    xlsx("duplicate_sheet_alias.xlsx", twice)
    mixed = _with(base, "volumes", 0, "cases", "tien")
    mixed = _with(mixed, "volumes", 1, "cases", pd.Timestamp("2025-01-01").to_pydatetime())
    xlsx("mixed_types.xlsx", mixed)
    for name, (sheet, column, code) in {
        "ref_error_in_required_number.xlsx": ("volumes", "cases", "#REF!"),
        "na_error_in_optional_text.xlsx": ("care_forms", "norm_source", "#N/A"),
        "value_error_in_optional_number.xlsx": ("insurer_contracts", "price_factor", "#VALUE!"),
        "div0_error_in_date.xlsx": ("agreements", "valid_to", "#DIV/0!"),
    }.items():
        xlsx(name, _with(base, sheet, 0, column, code))  # openpyxl stores '#REF!' as an error cell
    xlsx("inf_as_text.xlsx", _with(base, "volumes", 0, "cases", "inf"))
    xlsx("year_1e300.xlsx", _with(base, "volumes", 0, "year", 1e300))
    xlsx("year_1e10.xlsx", _with(base, "prices", 0, "year", 1e10))
    xlsx("ambiguous_number.xlsx", _with(base, "volumes", 0, "cases", "1.234"))
    xlsx("date_with_slashes.xlsx", _with(base, "registrations", 0, "start_date", "04/12/2025"))
    xlsx("euro_sign_in_year.xlsx", _with(base, "prices", 0, "year", "€ 12"))
    write_xlsx(folder / "_ids.xlsx", _with(base, "hospitals", 0, "hospital_id", "AAAQQQ"))
    _patch(
        folder / "_ids.xlsx",
        "hospitals",
        b"AAAQQQ",
        b"AAA_x000B_",
        folder / "control_characters_in_id.xlsx",
    )
    (folder / "_ids.xlsx").unlink()
    xlsx(
        "missing_required_column.xlsx",
        base | {"registrations": base["registrations"].drop(columns=["patient_id"])},
    )
    xlsx("missing_required_sheet.xlsx", {k: v for k, v in base.items() if k != "prices"})
    xlsx("header_only.xlsx", base | {"hospitals": base["hospitals"].iloc[0:0]})
    xlsx("empty_sheet.xlsx", base | {"care_forms": pd.DataFrame()})
    dup = base["hospitals"].copy()
    dup.columns = [*dup.columns[:-1], "name"]
    xlsx("duplicate_column.xlsx", base | {"hospitals": dup})
    # a whole number is padded to a code (with a warning); one with decimals is no code
    xlsx("code_as_number.xlsx", _with(base, "products", 0, "product_code", 12345678.5))
    xlsx("negative_cases.xlsx", _with(base, "volumes", 0, "cases", -3))
    upper = _with(base, "hospitals", 0, "or_minutes", "veel")
    upper["hospitals"].columns = [c.upper() for c in upper["hospitals"].columns]
    xlsx("headers_in_capitals_with_bad_cell.xlsx", upper)
    swapped = base["registrations"].rename(
        columns={"patient_id": "hospital_id", "hospital_id": "patient_id"}
    )
    xlsx("swapped_patient_and_hospital_columns.xlsx", base | {"registrations": swapped})

    def csv_case(name: str, sheet: str, text: bytes | None) -> Path:
        target = folder / name
        shutil.rmtree(target, ignore_errors=True)
        write_csv_folder(target, base)
        if text is not None:
            (target / f"{sheet}.csv").write_bytes(text)
        return target

    hospitals_csv = base["hospitals"].to_csv(index=False)
    csv_case(
        "csv_not_utf8",
        "hospitals",
        hospitals_csv.replace("Ziekenhuis A", "Zïekenhuis A").encode("latin-1"),
    )
    csv_case(
        "csv_bom_with_bad_cell",
        "hospitals",
        b"\xef\xbb\xbf" + hospitals_csv.replace("10000", "veel").encode(),
    )
    csv_case(
        "csv_semicolon_point_decimal",
        "volumes",
        b"year;hospital_id;care_form_id;cases;performing_hospital_id\n"
        b"2025;AAA;lies;10;\n2025;AAA;lies;3.5;BBB\n",
    )
    csv_case(
        "csv_ref_error",
        "volumes",
        base["volumes"].to_csv(index=False).replace(",10,", ",#REF!,").encode(),
    )
    csv_case(
        "csv_control_characters", "hospitals", hospitals_csv.replace("BBB", "BB\x07B").encode()
    )
    csv_case("csv_empty_file", "keep", b"")
    csv_case(
        "csv_text_40000_characters",
        "hospitals",
        hospitals_csv.replace("Ziekenhuis A", "x" * 40_000).encode(),
    )
    target = csv_case("parquet_wrong_dtypes", "registrations", None)
    (target / "registrations.csv").unlink()
    regs = base["registrations"].copy()
    regs["odv"] = [0.5, 2.0]
    regs["start_date"] = [20250201, 20250301]
    regs.to_parquet(target / "registrations.parquet")
    target = csv_case("parquet_corrupt", "registrations", None)
    (target / "registrations.csv").unlink()
    (target / "registrations.parquet").write_bytes(b"PAR1 not really parquet PAR1")
    target = csv_case("parquet_infinite", "volumes", None)
    (target / "volumes.csv").unlink()
    vols = base["volumes"].copy()
    vols["cases"] = [float("inf"), 4.0]
    vols.to_parquet(target / "volumes.parquet")
    good.unlink()


def write_large_cases(folder: Path) -> dict[str, Path]:
    """Cases that would be large in the repository, written into ``folder`` at test time."""
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "_good.xlsx"
    write_xlsx(good, book())
    rng = random.Random(1)
    long_text = "".join(rng.choices(string.ascii_letters, k=10 << 20)).encode()
    out = {}
    target = folder / "string_10MB.xlsx"
    _patch(good, "hospitals", b"Ziekenhuis A", long_text, target)
    out["string_10MB.xlsx"] = target
    # a tiny archive whose directory declares 2 GB for one part (caught before inflating)
    target = folder / "zip_bomb_2GB_declared.xlsx"
    data = bytearray(good.read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 24 : at + 28] = (0x7FFFFFFF).to_bytes(4, "little")  # uncompressed size
    target.write_bytes(bytes(data))
    out["zip_bomb_2GB_declared.xlsx"] = target
    good.unlink()
    return out


if __name__ == "__main__":
    generate()
    print(f"wrote the bad-input corpus to {HERE}")
