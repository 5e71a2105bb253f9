"""One test per validation rule (SPEC §3.10), each with a small malformed workbook."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from calculator.errors import SpreidingInputError
from calculator.settle import settle
from calculator.validate import check, load, load_frames
from tests.conftest import SAMPLE, write_csv_folder, write_xlsx


def findings_for(tmp_path: Path, sheets: dict[str, pd.DataFrame]) -> list:
    return check(write_xlsx(tmp_path / "book.xlsx", sheets))


def only(findings: list, **where: object):
    hits = [f for f in findings if all(getattr(f, k) == v for k, v in where.items())]
    assert hits, f"no finding with {where}; got {[f.message() for f in findings]}"
    return hits[0]


def test_tiny_book_is_clean(tmp_path, tiny):
    assert findings_for(tmp_path, tiny) == []


def test_sample_validates_clean():
    wb = load(SAMPLE)
    assert len(wb.registrations) > 4000
    assert wb.products["product_code"].str.fullmatch(r"\d{9}").all()
    assert wb.products["product_code"].str.startswith("0").all()


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("just text")
    assert "not an Excel workbook" in check(path)[0].expected


def test_empty_file(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"")
    assert "empty" in check(path)[0].expected


def test_password_protected_file(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "password" in check(path)[0].expected


def test_corrupt_zip(tmp_path, tiny):
    good = write_xlsx(tmp_path / "good.xlsx", tiny).read_bytes()
    path = tmp_path / "x.xlsx"
    path.write_bytes(good[: len(good) // 2])
    assert "damaged" in check(path)[0].expected


def test_zip_bomb_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 << 20))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buf.getvalue())
    assert "zip bomb" in check(path)[0].expected


def test_xml_entities_refused(tmp_path, tiny):
    good = write_xlsx(tmp_path / "good.xlsx", tiny)
    buf = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                body = data.split(b"?>", 1)[-1]
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + body
            dst.writestr(item, data)
    path = tmp_path / "lol.xlsx"
    path.write_bytes(buf.getvalue())
    assert "entities" in check(path)[0].expected


def test_missing_required_sheet(tmp_path, tiny):
    del tiny["prices"]
    only(findings_for(tmp_path, tiny), sheet="prices")


def test_needs_volumes_or_registrations(tmp_path, tiny):
    del tiny["volumes"]
    assert "volumes" in findings_for(tmp_path, tiny)[0].expected


def test_sheet_with_only_a_header(tmp_path, tiny):
    tiny["hospitals"] = tiny["hospitals"].iloc[0:0]
    f = only(findings_for(tmp_path, tiny), sheet="hospitals", row=None)
    assert "no rows" in f.expected


def test_missing_required_column(tmp_path, tiny):
    tiny["care_forms"] = tiny["care_forms"].drop(columns=["or_minutes_per_case"])
    f = only(findings_for(tmp_path, tiny), sheet="care_forms", column="or_minutes_per_case")
    assert f.row == 1


def test_code_stored_as_a_number_with_decimals(tmp_path, tiny):
    tiny["products"]["product_code"] = tiny["products"]["product_code"].astype(object)
    tiny["products"].loc[0, "product_code"] = 12345678.5
    f = only(findings_for(tmp_path, tiny), sheet="products", row=2, column="product_code")
    assert (
        f.value == "12345678.5" and "decimals" in f.expected and f.code == "code_stored_as_number"
    )


def test_code_of_wrong_length(tmp_path, tiny):
    tiny["prices"].loc[1, "product_code"] = "12345"
    only(findings_for(tmp_path, tiny), sheet="prices", row=3, column="product_code")


def test_required_cell_empty(tmp_path, tiny):
    tiny["hospitals"].loc[1, "name"] = None
    f = only(findings_for(tmp_path, tiny), sheet="hospitals", row=3, column="name")
    assert "empty" in f.expected


def test_type_error_names_value_and_expectation(tmp_path, tiny):
    tiny["hospitals"]["or_minutes"] = tiny["hospitals"]["or_minutes"].astype(object)
    tiny["hospitals"].loc[0, "or_minutes"] = "veel"
    f = only(findings_for(tmp_path, tiny), sheet="hospitals", row=2, column="or_minutes")
    assert f.value == "veel" and "a number" in f.expected


def test_decimal_comma_in_text_cell_is_accepted(tmp_path, tiny):
    tiny["volumes"]["cases"] = ["10,5", "1.004,25"]
    wb = load(write_xlsx(tmp_path / "b.xlsx", tiny))
    assert wb.volumes["cases"].tolist() == [10.5, 1004.25]


def test_negative_number(tmp_path, tiny):
    tiny["volumes"].loc[0, "cases"] = -3
    f = only(findings_for(tmp_path, tiny), sheet="volumes", row=2, column="cases")
    assert f.code == "out_of_range" and "from 0 to 10,000,000" in f.expected


def test_share_above_one(tmp_path, tiny):
    tiny["agreements"].loc[0, "share"] = 1.5
    only(findings_for(tmp_path, tiny), sheet="agreements", column="share")


def test_enumeration(tmp_path, tiny):
    tiny["hospitals"].loc[0, "type"] = "kliniek"
    f = only(findings_for(tmp_path, tiny), sheet="hospitals", row=2, column="type")
    assert "umc" in f.expected


def test_dutch_enum_words_and_aliases_are_accepted(tmp_path, tiny):
    tiny["products"]["component"] = ["volledig", "diagnostiek", "ingreep", "nazorg"]
    tiny["ziekenhuizen"] = tiny.pop("hospitals").rename(
        columns={"hospital_id": "Ziekenhuis_ID", "name": " Naam "}
    )
    wb = load(write_xlsx(tmp_path / "b.xlsx", tiny))
    assert wb.products["component"].tolist() == ["full", "diagnostics", "intervention", "aftercare"]
    assert wb.hospitals["hospital_id"].tolist() == ["AAA", "BBB"]


def test_unique_key(tmp_path, tiny):
    tiny["hospitals"].loc[1, "hospital_id"] = "AAA"
    f = only(findings_for(tmp_path, tiny), sheet="hospitals", row=3)
    assert "row 2" in f.expected


def test_duplicate_flow(tmp_path, tiny):
    tiny["volumes"].loc[1, "performing_hospital_id"] = "AAA"
    only(findings_for(tmp_path, tiny), sheet="volumes", row=3)


def test_unknown_references(tmp_path, tiny):
    tiny["volumes"].loc[1, "performing_hospital_id"] = "ZZZ"
    tiny["agreements"].loc[0, "care_form_id"] = "knie"
    found = findings_for(tmp_path, tiny)
    only(found, sheet="volumes", row=3, column="performing_hospital_id", value="ZZZ")
    only(found, sheet="agreements", row=2, column="care_form_id", value="knie")


def test_dutch_dates_accepted_and_ambiguous_refused(tmp_path, tiny):
    tiny["agreements"]["valid_from"] = ["01-02-2025"]
    wb = load(write_xlsx(tmp_path / "a.xlsx", tiny))
    assert wb.agreements["valid_from"].iloc[0] == pd.Timestamp(2025, 2, 1)
    tiny["agreements"]["valid_from"] = ["01/02/2025"]
    f = only(findings_for(tmp_path, tiny), sheet="agreements", column="valid_from")
    assert "ambiguous" in f.expected


def test_dates_in_wrong_order(tmp_path, tiny):
    tiny["agreements"]["valid_to"] = [dt.date(2024, 12, 31)]
    only(findings_for(tmp_path, tiny), sheet="agreements", column="valid_to")


def test_insurer_shares_must_sum_to_one(tmp_path, tiny):
    tiny["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "AAA"],
            "year": [2025, 2025],
            "insurer": ["X", "Y"],
            "share": [0.5, 0.4],
        }
    )
    f = only(findings_for(tmp_path, tiny), sheet="insurer_contracts", column="share")
    assert "sum to 1" in f.expected


def test_overlapping_agreements(tmp_path, tiny):
    second = tiny["agreements"].assign(
        agreement_id="AG2", valid_from=dt.date(2025, 6, 1), share=0.1
    )
    tiny["agreements"] = pd.concat([tiny["agreements"], second], ignore_index=True)
    f = only(findings_for(tmp_path, tiny), sheet="agreements", row=3, column="valid_from")
    assert "overlaps" in f.expected


def test_agreement_shares_sum_at_most_one(tmp_path, tiny):
    tiny["hospitals"] = pd.concat(
        [tiny["hospitals"], tiny["hospitals"].iloc[[1]].assign(hospital_id="CCC")],
        ignore_index=True,
    )
    other = tiny["agreements"].assign(agreement_id="AG2", performing_hospital="CCC", share=0.7)
    tiny["agreements"] = pd.concat([tiny["agreements"], other], ignore_index=True)
    f = only(findings_for(tmp_path, tiny), sheet="agreements", column="share")
    assert "more than 1" in f.expected


def test_care_form_needs_a_full_product(tmp_path, tiny):
    tiny["products"].loc[0, "component"] = "diagnostics"
    found = findings_for(tmp_path, tiny)
    only(found, sheet="care_forms", column="care_form_id", value="lies")
    only(found, sheet="products", column="component", value="diagnostics")


def test_prices_needed_by_the_data(tmp_path, tiny):
    tiny["volumes"]["year"] = [2026, 2026]
    f = only(findings_for(tmp_path, tiny), sheet="prices")
    assert "2026" in f.expected and "indexation" in f.expected
    tiny["indexation"] = pd.DataFrame({"year": [2026], "rate": [0.05]})
    assert findings_for(tmp_path, tiny) == []


def test_registration_rules(tmp_path, tiny):
    tiny["registrations"] = pd.DataFrame(
        {
            "dbc_id": ["D1", "D2", "D2"],
            "patient_id": ["P1", "P1", "P2"],
            "hospital_id": ["AAA", "BBB", "BBB"],
            "product_code": ["012345678", "012345680", "012345680"],
            "start_date": [dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 3, 1)],
            "end_date": [dt.date(2025, 3, 1), dt.date(2025, 1, 1), dt.date(2025, 3, 2)],
            "odv": ["nee", "ja", "misschien"],
            "partner_hospital": [None, None, "AAA"],
        }
    )
    found = findings_for(tmp_path, tiny)
    only(found, sheet="registrations", row=3, column="end_date")
    only(found, sheet="registrations", row=3, column="partner_hospital")
    only(found, sheet="registrations", row=4, column="odv", value="misschien")
    only(found, sheet="registrations", row=4, column="dbc_id")


def test_merged_cells_and_lost_formulas(tmp_path, tiny):
    path = write_xlsx(tmp_path / "book.xlsx", tiny)
    book = load_workbook(path)
    book["hospitals"].merge_cells("B2:B3")
    book["volumes"]["D2"] = "=2*5"
    book.save(path)
    found = check(path)
    only(found, sheet="hospitals", row=2, value="B2:B3")
    only(found, sheet="volumes", row=2, column="cases", value="D2")


def test_all_problems_reported_at_once(tmp_path, tiny):
    tiny["hospitals"].loc[0, "type"] = "kliniek"
    tiny["volumes"].loc[0, "cases"] = -1
    tiny["prices"].loc[0, "benchmark_price"] = -5
    assert len({f.sheet for f in findings_for(tmp_path, tiny)}) == 3


def test_xlsx_and_csv_folder_give_equal_frames(tmp_path):
    from calculator.sample_region import build_sample

    sheets = build_sample()
    from_xlsx = load(SAMPLE)
    folder = write_csv_folder(tmp_path / "csv", sheets)
    from_csv = load(folder)
    for name in sheets:
        a = getattr(from_xlsx, name).drop(columns="excel_row").reset_index(drop=True)
        b = getattr(from_csv, name).drop(columns="excel_row").reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, check_dtype=True, obj=name)


def test_csv_rows_are_located(tmp_path, tiny):
    tiny["volumes"]["cases"] = ["10", "twee"]
    found = check(write_csv_folder(tmp_path / "csv", tiny))
    only(found, sheet="volumes", row=3, column="cases", value="twee")


def test_parquet_registrations(tmp_path, tiny):
    folder = write_csv_folder(tmp_path / "pq", tiny)
    pd.DataFrame(
        {
            "dbc_id": ["D1"],
            "patient_id": ["P1"],
            "hospital_id": ["AAA"],
            "product_code": ["012345678"],
            "start_date": [pd.Timestamp(2025, 1, 1)],
            "end_date": [pd.Timestamp(2025, 2, 1)],
            "odv": [False],
            "partner_hospital": [None],
        }
    ).to_parquet(folder / "registrations.parquet")
    wb = load(folder)
    assert wb.registrations["product_code"].tolist() == ["012345678"]


def test_load_raises_with_findings(tmp_path, tiny):
    tiny["hospitals"].loc[0, "type"] = "x"
    with pytest.raises(SpreidingInputError) as info:
        load(write_xlsx(tmp_path / "b.xlsx", tiny))
    assert info.value.findings


def test_duplicate_column(tmp_path, tiny):
    tiny["hospitals"]["naam"] = tiny["hospitals"]["name"]  # 'naam' is the Dutch 'name'
    f = only(findings_for(tmp_path, tiny), sheet="hospitals", row=1, column="name")
    assert "twice" in f.expected


def test_parallel_agreement_needs_an_intervention_product(tmp_path, tiny):
    tiny["products"] = tiny["products"][tiny["products"]["component"] != "intervention"]
    tiny["prices"] = tiny["prices"][tiny["prices"]["product_code"] != "012345680"]
    tiny["agreements"]["mode"] = ["parallel"]
    only(findings_for(tmp_path, tiny), sheet="agreements", column="mode", value="parallel")


def test_specialism_and_allowed_types(tmp_path, tiny):
    tiny["care_forms"]["specialism"] = ["303"]
    tiny["care_forms"]["allowed_types"] = ["umc, kliniek"]
    found = findings_for(tmp_path, tiny)
    only(found, sheet="care_forms", column="specialism", value="303")
    only(found, sheet="care_forms", column="allowed_types")


def test_unknown_columns_and_sheets_are_kept_and_ignored(tmp_path, tiny):
    tiny["hospitals"]["opmerking"] = ["x", "y"]
    tiny["notities"] = pd.DataFrame({"a": [1]})
    wb = load(write_xlsx(tmp_path / "b.xlsx", tiny))
    assert wb.hospitals["opmerking"].tolist() == ["x", "y"]


def test_an_absent_optional_column_takes_its_default(tiny):
    """A contracts sheet without the price_factor column prices at factor 1 (its default)."""
    tiny["insurer_contracts"] = pd.DataFrame(
        {"hospital_id": ["AAA"], "year": [2025], "insurer": ["Alfa"], "share": [1.0]}
    )
    wb = load_frames(tiny)
    assert wb.insurer_contracts["price_factor"].tolist() == [1.0]
    assert wb.insurer_contracts["overcap_rate"].tolist() == [0.0]


def test_insurer_spelt_in_another_case_is_read_as_the_contracts_insurer_with_a_warning(
    tmp_path, tiny
):
    tiny["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB"],
            "year": [2025, 2025],
            "insurer": ["Zilveren Kruis", "Zilveren Kruis"],
            "share": [1.0, 1.0],
        }
    )
    tiny["registrations"] = pd.DataFrame(
        {
            "dbc_id": ["D1", "D2"],
            "patient_id": ["P1", "P2"],
            "hospital_id": ["AAA", "AAA"],
            "product_code": ["012345678", "012345678"],
            "insurer": ["zilveren  KRUIS", "Zilveren Kruis"],
            "start_date": ["2025-02-01", "2025-03-01"],
            "end_date": ["2025-04-01", "2025-05-01"],
            "odv": ["nee", "nee"],
        }
    )
    wb = load(write_xlsx(tmp_path / "b.xlsx", tiny))
    assert wb.registrations["insurer"].tolist() == ["Zilveren Kruis", "Zilveren Kruis"]
    (warning,) = wb.warnings
    assert warning.code == "insurer_spelling" and warning.row == 2
    # the double space is one space already (one spelling per id); the case is the warning
    assert "zilveren KRUIS" in warning.message("en") and warning.params["count"] == 1


def test_eight_thousand_unknown_columns_are_ignored(tmp_path, tiny):
    extra = pd.DataFrame({f"extra {i}": ["x", "y"] for i in range(8000)})
    tiny["hospitals"] = pd.concat([tiny["hospitals"], extra], axis=1)
    wb = load(write_xlsx(tmp_path / "b.xlsx", tiny))
    assert wb.hospitals["hospital_id"].tolist() == ["AAA", "BBB"]


@pytest.mark.parametrize(
    "sep, cells, expected",
    [
        (";", ["3.213", "1.234,5"], [3213.0, 1234.5]),  # Dutch: a point groups thousands
        (",", ["3.213", "1234.5"], [3.213, 1234.5]),  # English: a point is the decimal mark
    ],
)
def test_csv_numbers_follow_the_files_convention(tmp_path, tiny, sep, cells, expected):
    folder = write_csv_folder(tmp_path / "csv", tiny)
    volumes = tiny["volumes"].assign(cases=cells)
    volumes.to_csv(folder / "volumes.csv", index=False, sep=sep)
    assert load(folder).volumes["cases"].tolist() == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("1.234", "number_ambiguous"),
        ("1,234", "number_ambiguous"),
        ("inf", "number_not_finite"),
        ("#N/A", "cell_error"),
        ("1e300", "out_of_range"),
    ],
)
def test_numbers_in_text_cells_that_cannot_be_trusted(tmp_path, tiny, text, code):
    tiny["volumes"]["cases"] = [text, 4]
    f = only(findings_for(tmp_path, tiny), sheet="volumes", row=2, column="cases")
    assert f.code == code


def test_error_cell_in_an_optional_column_is_a_finding_not_a_blank(tmp_path, tiny):
    tiny["care_forms"]["variable_cost_share"] = tiny["care_forms"]["variable_cost_share"].astype(
        object
    )
    tiny["care_forms"].loc[0, "variable_cost_share"] = "#VALUE!"  # openpyxl: an error cell
    f = only(findings_for(tmp_path, tiny), sheet="care_forms", row=2)
    assert f.code == "cell_error" and f.params["error"] == "#VALUE!"


def test_swapped_pseudonym_column_is_never_echoed(tmp_path, tiny):
    tiny["registrations"] = pd.DataFrame(
        {
            "dbc_id": ["D1"],
            "patient_id": ["AAA"],
            "hospital_id": ["PSEUDO-123"],
            "product_code": ["012345678"],
            "start_date": ["2025-02-01"],
            "end_date": ["2025-04-01"],
            "odv": ["nee"],
        }
    )
    findings = findings_for(tmp_path, tiny)
    f = only(findings, sheet="registrations", column="hospital_id")
    assert f.code == "unknown_reference" and f.value == "***"
    assert not any("PSEUDO" in x.message(lang) for x in findings for lang in ("nl", "en"))


def test_one_pseudonym_on_very_many_dbcs_is_a_warning_without_the_pseudonym(tmp_path):
    """A placeholder pseudonym no longer refuses the workbook (matching is linear): a warning."""
    from calculator.checks import MAX_DBCS_PER_PATIENT
    from calculator.reader import RawBook, read_any
    from calculator.validate import _finish

    tables = dict(read_any(SAMPLE).tables)
    reg = tables["registrations"].copy()
    reg.loc[reg.index[: MAX_DBCS_PER_PATIENT + 1], "patient_id"] = "ONBEKEND"
    tables["registrations"] = reg
    wb = _finish(RawBook(tables, [], "x.xlsx"), "0")
    (f,) = [f for f in wb.warnings if f.code == "patient_too_many_dbcs"]
    assert f.row == 2 and f.value == "***" and "ONBEKEND" not in f.message("en")
    assert settle(wb, 2025).invariants_hold


def test_csv_and_parquet_larger_than_the_limits_are_refused_before_reading(
    tmp_path, tiny, monkeypatch
):
    import calculator.reader as reader

    folder = write_csv_folder(tmp_path / "csv", tiny)
    tiny["volumes"].to_parquet(folder / "volumes.parquet")
    (folder / "volumes.csv").unlink()
    monkeypatch.setattr(reader, "MAX_CSV_BYTES", 100)
    monkeypatch.setattr(reader, "MAX_PARQUET_CELLS", 5)
    codes = {(f.sheet, f.code) for f in check(folder)}
    assert ("volumes", "parquet_too_large") in codes
    assert ("hospitals", "csv_too_large") in codes
