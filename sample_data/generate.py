"""Regenerate the sample workbook: ``uv run python sample_data/generate.py``."""

from pathlib import Path

from calculator.sample_region import write_sample

if __name__ == "__main__":
    target = Path(__file__).with_name("regio_voorbeeld.xlsx")
    write_sample(target)
    print(f"wrote {target}")
