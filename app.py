"""Spreiding dashboard (README, Quick start): ``streamlit run app.py`` opens on the sample region.

This file holds the configuration, the sidebar and the navigation; every page is a module in
``app_pages/``, shared widgets and the cached state live in ``dashboard/``. Every text comes from
the message catalogue (``messages/dashboard.py``).
"""

from __future__ import annotations

import streamlit as st

from dashboard import login, state
from dashboard.store import StoreError
from dashboard.widgets import md, rendered_md, t

# The pages in navigation order: (file, title code, icon). A new page is one line here.
PAGES: list[tuple[str, str, str]] = [
    ("app_pages/regio.py", "ui_page_regio", ":material/map:"),
    ("app_pages/uitgangssituatie.py", "ui_page_baseline", ":material/monitoring:"),
    ("app_pages/scenario.py", "ui_page_scenario", ":material/alt_route:"),
    ("app_pages/verrekening.py", "ui_page_settlement", ":material/payments:"),
    ("app_pages/vergelijken.py", "ui_page_compare", ":material/compare_arrows:"),
    ("app_pages/meerjarig.py", "ui_page_multiyear", ":material/timeline:"),
    ("app_pages/data.py", "ui_page_data", ":material/upload_file:"),
]

# Widgets whose choice outlives a visit to another page (Streamlit forgets the state of a widget
# that a run does not draw; kept as session state it stays). Only widgets without a default
# value argument: giving both would make Streamlit warn on the page.
KEPT_WIDGETS = ["planned_shares", "free", "int"]

st.set_page_config(page_title="Spreiding", page_icon="🏥", layout="wide")
for kept in KEPT_WIDGETS:
    if kept in st.session_state:
        st.session_state[kept] = st.session_state[kept]


def sidebar() -> None:
    """Language, what data is in use, and the year every page shows."""
    state.restore_language()
    with st.sidebar:
        st.radio(
            t("ui_language"),
            ["nl", "en"],
            horizontal=True,
            key="lang",
            format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        )
        kept = state.restore_upload()
        wb = state.current_book()
        source = t("ui_sample_name") if state.is_sample(wb) else wb.source_name
        st.markdown(f"**{t('ui_data_source')}:** {md(source)}")
        years = wb.years
        if st.session_state.get("year") not in years:
            st.session_state["year"] = state.default_year(years)
        st.selectbox(t("ui_year"), years, key="year")
        if not state.has_login():
            st.caption(t("ui_local_mode", days=round(state.retention_seconds() / 86_400)))
        else:
            login.signed_in(state.user())
    if kept is None:
        st.warning(t("ui_upload_not_yours"))
    elif not kept:
        st.warning(t("ui_upload_gone"))


login.gate()  # with a login configured: nothing is drawn before a user with a role signs in
sidebar()
navigation = st.navigation(
    [
        st.Page(path, title=t(title), icon=icon, url_path=path.split("/")[-1][:-3], default=i == 0)
        for i, (path, title, icon) in enumerate(PAGES)
    ]
)
try:
    navigation.run()
except StoreError as problem:  # a damaged or unreachable store: words and what to do, no traceback
    st.error(rendered_md(problem.message))
