"""Spreiding dashboard (SPEC §9). Run with ``streamlit run app.py``; opens on the sample region."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from calculator.validate import load

SAMPLE = Path(__file__).parent / "sample_data" / "regio_voorbeeld.xlsx"


@st.cache_data(show_spinner=False)
def sample_frames(path: str) -> dict:
    wb = load(path)
    return {"hospitals": wb.hospitals, "care_forms": wb.care_forms, "volumes": wb.volumes}


st.set_page_config(page_title="Spreiding", layout="wide")
st.title("Spreiding — voorbeeldregio")
st.caption("Illustratieve gegevens van een fictieve regio; geen echte tarieven.")
frames = sample_frames(str(SAMPLE))
st.subheader("Ziekenhuizen")
st.dataframe(frames["hospitals"].drop(columns=["excel_row"]), hide_index=True)
st.subheader("Productie per ziekenhuis en zorgvorm")
volumes = frames["volumes"]
year = st.selectbox("Jaar", sorted(volumes["year"].unique()), index=1)
table = volumes[volumes["year"] == year].pivot_table(
    index="hospital_id", columns="care_form_id", values="cases", aggfunc="sum", fill_value=0
)
st.dataframe(table)
