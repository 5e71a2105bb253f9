"""The board pack as a reader meets it: ``spreiding report`` writes a PDF of 2-4 pages whose
text (``pdftotext``) holds the region's margin gain, a proposal's pair and the workbook's
SHA-256 in the footer, in Dutch and English."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from boardpack.layout import markup
from spreiding.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "regio_voorbeeld.xlsx"

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="needs poppler's pdftotext and pdfinfo",
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


@pytest.mark.parametrize(
    ("lang", "gain", "heading", "pair", "today"),
    [
        # the sample's plan: the region gains € 118.514 a year (optimize prints the same), and
        # MOG → RSZ is one of its proposals (aortic aneurysm); today the six hospitals treat
        # 767 + 747 + 600 + 419 + 530 + 506 = 3.569 patients
        ("nl", "+€ 118.514", "Wie wint en wie verliest", "MOG → RSZ", "3.569 patiënten"),
        ("en", "+€ 118,514", "Who gains and who loses", "MOG → RSZ", "3,569 patients"),
    ],
)
def test_report_writes_the_board_pack(
    tmp_path: Path, lang: str, gain: str, heading: str, pair: str, today: str
) -> None:
    out = tmp_path / "bestuur.pdf"
    run = CliRunner().invoke(
        main,
        ["report", str(SAMPLE), "--year", "2025", "--out", str(out), "--lang", lang],
    )
    assert run.exit_code == 0, run.output
    assert 2 <= pages(out) <= 4
    words = pdf_text(out)
    assert gain in words
    assert heading in words
    assert pair in words
    assert today in " ".join(words.split())  # the key figure, wherever the line breaks
    sha256 = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    # the footer on every page: the workbook's SHA-256 and the page of the count; the run's
    # audit record (run id, SHA-256, version, command) closes the assumptions
    assert words.count(sha256) == pages(out) + 1
    run_id = run.stdout.strip().splitlines()[-1].split(";")[0].split()[-1]
    assert len(run_id) == 32 and run_id in words
    last = "pagina {n} van {n}" if lang == "nl" else "page {n} of {n}"
    assert last.format(n=pages(out)) in words


def test_report_refuses_integer_with_fractional(tmp_path: Path) -> None:
    run = CliRunner().invoke(
        main,
        [
            "report",
            str(SAMPLE),
            "--year",
            "2025",
            "--out",
            str(tmp_path / "x.pdf"),
            "--integer",
            "--fractional",
        ],
    )
    assert run.exit_code == 64
    assert not (tmp_path / "x.pdf").exists()


def test_report_without_a_plan_writes_no_pdf(tmp_path: Path) -> None:
    """A norm of 40 for rectal surgery without proposals cannot hold in 2026 (as for
    ``optimize``): the reasons are printed, exit 2, and no PDF."""
    out = tmp_path / "bestuur.pdf"
    run = CliRunner().invoke(
        main,
        [
            "report",
            str(SAMPLE),
            "--year",
            "2026",
            "--norm",
            "rectumcarcinoom=40",
            "--no-propose",
            "--out",
            str(out),
        ],
    )
    assert run.exit_code == 2, run.output
    assert "Geen bestuursdocument geschreven" in run.output
    assert "rectumcarcinoom" in run.output
    assert not out.exists()


def test_markup_escapes_data() -> None:
    """A hospital named with markup characters prints as it is; arrows in the Symbol font."""
    assert markup("A&B <i>") == "A&amp;B &lt;i&gt;"
    assert markup("KZH → MOG") == 'KZH <font face="Symbol">→</font> MOG'


def test_report_of_a_saved_scenario_with_its_business_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_book, sample_optimised
) -> None:
    """``--scenario NAME``: the optimised plan saved on the dashboard is the pack's plan —
    the same region gain as optimising (+€ 118.514) and the same business case as
    ``spreiding business-case --from 2025 --to 2029 --split proportional`` (region NPV
    € 438.103,55 → +€ 438.104); ACR and ZDL, which the plan leaves as they are, read "geen
    verandering" rather than a break-even year."""
    from dashboard.store import ScenarioStore

    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "s.sqlite3"))
    wb = sample_book
    flows = sample_optimised.flows
    ScenarioStore().save("Plan oktober", 2025, "optimised", wb.sha256, pd.DataFrame(), flows)
    out = tmp_path / "bestuur.pdf"
    run = CliRunner().invoke(
        main,
        ["report", str(SAMPLE), "--year", "2025", "--scenario", "Plan oktober", "--out", str(out)],
    )
    assert run.exit_code == 0, run.output
    assert 2 <= pages(out) <= 4
    words = " ".join(pdf_text(out).split())
    assert "Het plan: • het scenario 'Plan oktober'" in words
    assert "+€ 118.514" in words
    assert "Businesscase 2025–2029" in words
    assert "Regio in 2025 +€ 438.104" in words
    assert "ACR geen verandering" in words and "ZDL geen verandering" in words
    unknown = CliRunner().invoke(
        main, ["report", str(SAMPLE), "--year", "2025", "--scenario", "nergens", "--out", str(out)]
    )
    assert unknown.exit_code == 64, unknown.output
