"""One spelling per id, and no silent default (issue 21, item 3): look-alike text and NaN in
an optional number change money, so each is normalised or is a finding."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from calculator.coerce import foreign_character, normalise_id
from calculator.errors import SpreidingInputError
from calculator.settle import settle
from calculator.validate import check, load_frames
from spreiding.cli import main
from tests.conftest import tiny_sheets, write_csv_folder, write_xlsx

FULL = "012345678"
ZWSP = "\u200b"
CYRILLIC_A = "\u0410"


def codes(sheets: dict[str, pd.DataFrame]) -> list[str]:
    try:
        load_frames(sheets)
    except SpreidingInputError as exc:
        return [f.code for f in exc.findings]
    return []


def findings(sheets: dict[str, pd.DataFrame]):
    with pytest.raises(SpreidingInputError) as exc:
        load_frames(sheets)
    return exc.value.findings


def with_hospital(hospital_id: str) -> dict[str, pd.DataFrame]:
    s = tiny_sheets()
    extra = s["hospitals"].iloc[:1].assign(hospital_id=hospital_id, name="Kopie")
    s["hospitals"] = pd.concat([s["hospitals"], extra], ignore_index=True)
    return s


def test_normalise_id_gives_one_spelling():
    assert normalise_id("\uff21\uff23\uff32") == "ACR"  # full-width
    assert normalise_id(f"A{ZWSP}CR\u00a0") == "ACR"
    assert normalise_id("Zilveren\u00a0 Kruis") == "Zilveren Kruis"
    assert normalise_id("\ufeffDSW\u200d") == "DSW"
    assert foreign_character(f"{CYRILLIC_A}CR").startswith(f"'{CYRILLIC_A}' (U+0410 CYRILLIC")
    assert foreign_character("Café-Zuid’s") == ""  # Latin accents and typographic quotes


@pytest.mark.parametrize(
    ("second", "code"),
    [
        ("aaa", "key_duplicate_case"),  # only the case differs
        ("\uff21\uff21\uff21", "key_duplicate"),  # full-width: NFKC makes it AAA
        (f"AAA{ZWSP}", "key_duplicate"),  # a zero-width space is removed
        (f"{CYRILLIC_A}AA", "id_foreign_character"),  # a Cyrillic look-alike
    ],
)
def test_a_hospital_spelt_twice_is_a_finding(second, code):
    assert code in codes(with_hospital(second))


def test_the_case_finding_names_both_rows_and_the_first_spelling():
    (f,) = findings(with_hospital("aaa"))
    assert (f.sheet, f.row, f.value) == ("hospitals", 4, "aaa")
    assert "rij 2 heeft dezelfde sleutel als 'AAA'" in f.render("nl")
    assert "only upper and lower case differ" in f.render("en")


def test_a_reference_in_another_case_says_which_spelling_exists():
    s = tiny_sheets()
    s["volumes"].loc[1, "performing_hospital_id"] = "bbb"
    (f,) = findings(s)
    assert f.code == "unknown_reference_case" and "staat 'BBB'" in f.render("nl")


def test_an_id_of_only_invisible_characters_is_not_a_silent_blank():
    s = tiny_sheets()
    s["volumes"].loc[1, "performing_hospital_id"] = ZWSP * 2
    assert codes(s)[0] == "control_characters"  # (then the row reads as its own: a duplicate)


def contract_region(insurer_in_registrations: str) -> dict[str, pd.DataFrame]:
    """AAA has one contract, insurer Alfa at 90 % of the benchmark (€ 1.000,00): one DBC."""
    s = tiny_sheets()
    s["volumes"] = s["volumes"].iloc[:1]
    s["insurer_contracts"] = pd.DataFrame(
        {"hospital_id": ["AAA"], "year": [2025], "insurer": ["Alfa"], "share": [1.0],
         "price_factor": [0.9]}
    )  # fmt: skip
    d = dt.date(2025, 3, 1)
    s["registrations"] = pd.DataFrame(
        [("D1", "P1", "AAA", FULL, insurer_in_registrations, d, d, "nee")],
        columns=["dbc_id", "patient_id", "hospital_id", "product_code", "insurer",
                 "start_date", "end_date", "odv"],
    )  # fmt: skip
    return s


def test_a_zero_width_space_in_an_insurer_keeps_its_contract():
    """The DBC of Alfa is declared at 0,9 × € 1.000,00 = € 900,00, with or without a zero-width
    space in the insurer's name (before, it fell outside the contract: € 1.000,00)."""
    plain = settle(load_frames(contract_region("Alfa")), 2025, "registrations", strict=True)
    hidden = settle(load_frames(contract_region(f"Al{ZWSP}fa")), 2025, "registrations")
    for result in (plain, hidden):
        caps = result.caps.set_index("insurer")["declared_cents"].to_dict()
        assert caps == {"Alfa": 90_000}


def test_a_cyrillic_letter_in_an_insurer_is_a_finding():
    (f,) = findings(contract_region(f"{CYRILLIC_A}lfa"))
    assert f.code == "id_foreign_character" and f.column == "insurer"
    assert "CYRILLIC CAPITAL LETTER A" in f.render("nl")


def test_dbc_ids_are_unique_regardless_of_case_and_stay_withheld():
    s = contract_region("Alfa")
    s["registrations"] = pd.concat(
        [s["registrations"], s["registrations"].assign(dbc_id="d1", patient_id="P2")],
        ignore_index=True,
    )
    (f,) = findings(s)
    assert f.code == "key_duplicate_case"
    shown = f.render("nl")
    assert "d1" not in shown and "D1" not in shown and "***" in shown


def test_a_duplicate_growth_row_with_a_blank_hospital_is_a_finding():
    s = tiny_sheets()
    s["growth"] = pd.DataFrame(
        {"care_form_id": ["lies", "lies"], "hospital_id": [None, None], "rate": [0.1, 0.2]}
    )
    assert codes(s) == ["key_duplicate"]


def test_absurd_magnitudes_are_out_of_range():
    s = tiny_sheets()
    s["service_costs"] = pd.DataFrame(
        {"hospital_id": ["AAA"], "care_form_id": ["lies"], "fixed_cost": [1e300]}
    )
    s["hospitals"] = s["hospitals"].assign(backfill_margin_per_minute=[1e12, 1.0])
    assert codes(s) == ["out_of_range", "out_of_range"]


def poked_workbook(path: Path, value: str) -> Path:
    """The tiny region with the ``variable_cost_share`` cell's XML value replaced by ``value``
    (``<v>NaN</v>``: a number cell no spreadsheet writes, which a reader returns as NaN)."""
    s = tiny_sheets()
    s["care_forms"]["variable_cost_share"] = [0.123456]
    write_xlsx(path, s)
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            data = src.read(member.filename).replace(b"<v>0.123456</v>", f"<v>{value}</v>".encode())
            dst.writestr(member, data)
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("value", ["NaN", "nan", "inf", "-Infinity"])
def test_nan_or_inf_in_an_optional_number_is_a_finding_not_the_default(tmp_path, value):
    book = poked_workbook(tmp_path / "nan.xlsx", value)
    assert [f.code for f in check(book)] == ["number_not_finite"]
    result = CliRunner().invoke(main, ["validate", str(book)])
    assert result.exit_code == 1 and "rij 2" in result.output


def test_nan_in_a_parquet_number_is_a_finding_but_a_null_is_blank(tmp_path):
    folder = write_csv_folder(tmp_path / "map", tiny_sheets())
    (folder / "care_forms.csv").unlink()
    care_forms = pa.Table.from_pandas(tiny_sheets()["care_forms"], preserve_index=False)
    share = care_forms.schema.get_field_index("variable_cost_share")
    nan = care_forms.set_column(
        share, "variable_cost_share", pa.array([np.nan], type=pa.float64(), from_pandas=False)
    )
    pq.write_table(nan, folder / "care_forms.parquet")
    assert [f.code for f in check(folder)] == ["number_not_finite"]
    null = care_forms.set_column(share, "variable_cost_share", pa.array([None], pa.float64()))
    pq.write_table(null, folder / "care_forms.parquet")
    assert check(folder) == []
