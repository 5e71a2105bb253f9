"""Spreiding dashboard (SPEC §9): ``streamlit run app.py`` opens on the sample region.

Pages: Data, Uitgangssituatie, Scenario, Verrekening, Scenario's vergelijken. All labels come
from ``dashboard/labels.py``; heavy work is cached on the input's SHA-256.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import streamlit as st

from calculator.errors import SpreidingInputError
from calculator.settle import settle
from calculator.settlement_export import write_settlement
from calculator.template import write_template
from calculator.validate import load_bytes
from calculator.workbook import Workbook
from dashboard import charts
from dashboard.formatting import euro, number, percent
from dashboard.labels import label
from dashboard.store import ScenarioStore
from optimizer.capacity import baseline_flows, capacity, money
from optimizer.inputs import Options
from optimizer.scenario import manual_scenario
from optimizer.solve import optimize

SAMPLE = Path(__file__).parent / "sample_data" / "regio_voorbeeld.xlsx"
PAGES = ["page_data", "page_baseline", "page_scenario", "page_settlement", "page_compare"]

st.set_page_config(page_title="Spreiding", page_icon="🏥", layout="wide")


# --------------------------------------------------------------------------- data and caches


@st.cache_data(show_spinner=False, max_entries=8)
def load_input(data: bytes, name: str) -> tuple[str, object]:
    """("ok", Workbook) or ("invalid", findings as records)."""
    try:
        return "ok", load_bytes(data, name)
    except SpreidingInputError as exc:
        return "invalid", [f.to_dict() for f in exc.findings]


@st.cache_data(show_spinner=False)
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@st.cache_data(show_spinner=False, max_entries=16)
def baseline(_wb: Workbook, sha: str, year: int) -> tuple[pd.DataFrame, object, pd.DataFrame]:
    flows = baseline_flows(_wb, year)
    return flows, capacity(_wb, flows), money(_wb, flows, year)


@st.cache_data(show_spinner=False, max_entries=16)
def settlement(_wb: Workbook, sha: str, year: int, source: str):  # type: ignore[no-untyped-def]
    return settle(_wb, year, source)


@st.cache_data(show_spinner=False, max_entries=16)
def settlement_workbook(_wb: Workbook, sha: str, year: int, source: str) -> bytes:
    buffer = io.BytesIO()
    write_settlement(settlement(_wb, sha, year, source), buffer)
    return buffer.getvalue()


@st.cache_data(show_spinner=False)
def template_bytes() -> bytes:
    buffer = io.BytesIO()
    write_template(buffer)
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=32)
def manual(_wb: Workbook, sha: str, year: int, agreements_json: str):  # type: ignore[no-untyped-def]
    agreements = pd.read_json(io.StringIO(agreements_json), orient="split", dtype=False)
    merged = _wb.agreements.drop(columns=["share", "mode"]).merge(
        agreements[["agreement_id", "share", "mode"]], on="agreement_id", how="left"
    )
    return manual_scenario(_wb, year, merged)


def store() -> ScenarioStore:
    if "store" not in st.session_state:
        st.session_state["store"] = ScenarioStore()
    return st.session_state["store"]


def chart(target, figure, key: str) -> None:  # type: ignore[no-untyped-def]
    """Show an Altair chart in the chosen language's number notation."""
    target.altair_chart(charts.localised(figure, st.session_state.get("lang", "nl")), key=key)


def t(key: str, **values: object) -> str:
    return label(key, st.session_state.get("lang", "nl"), **values)


def current_book() -> Workbook:
    """The last valid workbook: the sample until a valid upload replaces it."""
    data, name = st.session_state.get("book", (None, None))
    if data is None:
        data, name = sample_bytes(), SAMPLE.name
    kind, payload = load_input(data, name)
    if kind != "ok":  # cannot happen: only valid uploads are kept
        kind, payload = load_input(sample_bytes(), SAMPLE.name)
    return payload  # type: ignore[return-value]


def hospitals_of(wb: Workbook) -> list[str]:
    return sorted(wb.hospitals["hospital_id"])


def money_view(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Rename and format cents columns as Dutch euros for display."""
    out = frame[list(columns)].rename(columns=columns).copy()
    for original, shown in columns.items():
        if original.endswith("_cents") or "_cents_" in original:
            out[shown] = out[shown].map(euro)
    return out


# --------------------------------------------------------------------------- pages


def page_data(wb: Workbook) -> None:
    st.header(t("page_data"))
    upload = st.file_uploader(t("upload"), type=["xlsx"], key="upload")
    if upload is not None:
        data = upload.getvalue()
        kind, payload = load_input(data, upload.name)
        if kind == "ok":
            if st.session_state.get("book", (None, None))[0] != data:
                st.session_state["book"] = (data, upload.name)
                st.rerun()  # every page and the sidebar now use the new data
            wb = payload  # type: ignore[assignment]
        else:
            findings = pd.DataFrame(payload)  # type: ignore[arg-type]
            st.error(t("invalid", n=len(findings), name=upload.name))
            per_sheet = (
                findings.assign(sheet=findings["sheet"].replace("", "(bestand)"))
                .groupby("sheet")
                .size()
                .rename(t("count"))
                .reset_index()
                .rename(columns={"sheet": t("sheet")})
            )
            st.subheader(t("per_sheet"))
            st.dataframe(per_sheet, hide_index=True)
            report = findings[["sheet", "row", "column", "value", "expected"]].rename(
                columns={
                    "sheet": t("sheet"),
                    "row": t("row"),
                    "column": t("column"),
                    "value": t("value"),
                    "expected": t("problem"),
                }
            )
            st.dataframe(report, hide_index=True, width="stretch")
    rows = ", ".join(f"{name} {len(getattr(wb, name))}" for name in sorted(wb.present))
    st.success(t("valid", rows=rows) + f" — {wb.source_name}")
    left, right = st.columns(2)
    if left.button(t("use_sample"), key="use_sample"):
        st.session_state.pop("book", None)
        st.rerun()
    right.download_button(
        t("template"),
        template_bytes(),
        file_name="spreiding_sjabloon.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="template",
    )
    if wb.source_name == SAMPLE.name:
        st.caption(t("sample_note"))
    st.subheader(t("hospitals"))
    st.dataframe(wb.hospitals.drop(columns=["excel_row"]), hide_index=True)


def show_capacity_and_norms(wb: Workbook, report, key: str) -> None:  # type: ignore[no-untyped-def]
    hospitals = hospitals_of(wb)
    chart(
        st,
        charts.utilisation_chart(
            report.hospitals, t("or_use"), hospitals, t("or_minutes"), t("available")
        ),
        key=f"or_{key}",
    )
    chart(
        st,
        charts.norm_matrix(report.norms, t("norms"), t("meets"), t("not_meets")),
        key=f"norms_{key}",
    )


def page_baseline(wb: Workbook, year: int) -> None:
    st.header(f"{t('page_baseline')} {year}")
    if year not in wb.years_in("volumes"):
        st.info(t("no_volumes_year", year=year))
        return
    flows, report, cash = baseline(wb, wb.sha256, year)
    totals = report.hospitals
    cols = st.columns(len(totals))
    for col, row in zip(cols, totals.itertuples(index=False), strict=True):
        col.metric(row.hospital_id, percent(row.or_utilisation), help=t("utilisation"))
    pivot = flows.pivot_table(
        index="performing", columns="care_form_id", values="cases", aggfunc="sum", fill_value=0
    ).rename_axis(index=t("hospital"))
    st.subheader(t("volumes"))
    st.dataframe(pivot.map(lambda v: number(v)), width="stretch")
    show_capacity_and_norms(wb, report, "baseline")
    st.subheader(t("money"))
    st.dataframe(
        money_view(
            cash,
            {
                "hospital_id": t("hospital"),
                "revenue_cents": t("revenue"),
                "settlement_cents": t("settlement"),
                "variable_cost_cents": t("variable_cost"),
                "margin_cents": t("margin"),
            },
        ),
        hide_index=True,
    )


def show_results(
    wb: Workbook,
    before_flows: pd.DataFrame,
    after_flows: pd.DataFrame,
    before,
    after,
    money_table: pd.DataFrame,
    key: str,
) -> None:  # type: ignore[no-untyped-def]
    hospitals = hospitals_of(wb)
    b, a = t("before"), t("after")
    st.caption(f"{t('utilisation')} ({a})")
    columns = st.columns(len(after.hospitals))
    was = before.hospitals.set_index("hospital_id")["or_utilisation"]
    for col, row in zip(columns, after.hospitals.itertuples(index=False), strict=True):
        change = row.or_utilisation - was.get(row.hospital_id, 0.0)
        col.metric(
            row.hospital_id,
            percent(row.or_utilisation),
            f"{number(100 * change, 1)} %-punt",
            delta_color="off",
        )
    per_h = pd.concat(
        [
            before_flows.groupby("performing")["cases"]
            .sum()
            .rename_axis("hospital_id")
            .reset_index()
            .assign(phase=b),
            after_flows.groupby("performing")["cases"]
            .sum()
            .rename_axis("hospital_id")
            .reset_index()
            .assign(phase=a),
        ]
    )
    left, right = st.columns(2)
    chart(
        left,
        charts.before_after_bars(per_h, "cases", t("cases_per_hospital"), hospitals, b, a),
        key=f"cases_{key}",
    )
    chart(
        right,
        charts.diverging_bars(
            money_table.assign(margin_change=money_table["margin_cents_change"] / 100),
            "margin_change",
            t("margin_change") + " (€)",
            hospitals,
        ),
        key=f"margin_{key}",
    )
    chart(
        st,
        charts.utilisation_chart(
            after.hospitals, f"{t('or_use')} ({a})", hospitals, t("or_minutes"), t("available")
        ),
        key=f"or_{key}",
    )
    chart(
        st,
        charts.norm_matrix(after.norms, f"{t('norms')} ({a})", t("meets"), t("not_meets")),
        key=f"norms_{key}",
    )
    chart(st, charts.flow_matrix(after_flows, t("flow_matrix")), key=f"flows_{key}")
    st.dataframe(
        money_view(
            money_table,
            {
                "hospital_id": t("hospital"),
                "margin_cents_before": f"{t('margin')} {b}",
                "margin_cents_after": f"{t('margin')} {a}",
                "margin_cents_change": t("margin_change"),
            },
        ),
        hide_index=True,
        key=f"money_{key}",
    )


def save_form(
    wb: Workbook, year: int, kind: str, after, money_table: pd.DataFrame, key: str
) -> None:  # type: ignore[no-untyped-def]
    with st.form(f"save_{key}"):
        name = st.text_input(t("save_name"), key=f"name_{key}")
        if st.form_submit_button(t("save")):
            norms = after.norms[after.norms["norm"] > 0]
            per_h = (
                after.hospitals[["hospital_id", "or_minutes_used", "or_utilisation"]]
                .merge(
                    norms.groupby("hospital_id")["meets_norm"]
                    .sum()
                    .rename("norms_met")
                    .reset_index(),
                    on="hospital_id",
                    how="left",
                )
                .merge(money_table[["hospital_id", "margin_cents_after"]], on="hospital_id")
            )
            try:
                store().save(name, year, kind, wb.sha256, per_h)
                st.success(t("saved", name=name.strip()))
            except ValueError as exc:
                st.error(t("save_failed", error=exc))


def page_scenario(wb: Workbook, year: int) -> None:
    st.header(f"{t('page_scenario')} {year}")
    if year not in wb.years_in("volumes"):
        st.info(t("no_volumes_year", year=year))
        return
    manual_tab, optimised_tab = st.tabs([t("manual"), t("optimised")])
    with manual_tab:
        from calculator.agreements import valid_in_year

        agreements = valid_in_year(wb.agreements, year)[
            [
                "agreement_id",
                "care_form_id",
                "sending_hospital",
                "performing_hospital",
                "mode",
                "share",
            ]
        ].copy()
        agreements["share"] = agreements["share"].fillna(0.0)
        st.caption(t("edit_shares"))
        edited = st.data_editor(
            agreements,
            hide_index=True,
            key="shares",
            disabled=["agreement_id", "care_form_id", "sending_hospital", "performing_hospital"],
            column_config={
                "share": st.column_config.NumberColumn(
                    t("share"), min_value=0.0, max_value=1.0, step=0.05, format="%.2f"
                ),
                "mode": st.column_config.SelectboxColumn(
                    t("mode"), options=["referral", "parallel", "odv"], required=True
                ),
                "agreement_id": t("agreement"),
                "care_form_id": t("care_form"),
                "sending_hospital": t("sending"),
                "performing_hospital": t("performing"),
            },
        )
        edits = edited[["agreement_id", "share", "mode"]].to_json(orient="split")
        result = manual(wb, wb.sha256, year, edits)
        show_results(
            wb,
            result.flows_before,
            result.flows_after,
            result.capacity_before,
            result.capacity_after,
            result.money,
            "manual",
        )
        save_form(wb, year, "manual", result.capacity_after, result.money, "manual")
    with optimised_tab:
        page_optimised(wb, year)


def page_optimised(wb: Workbook, year: int) -> None:
    left, right = st.columns(2)
    w_travel = left.number_input(t("w_travel"), min_value=0.0, value=1.0, step=0.5, key="wt")
    w_move = left.number_input(t("w_move"), min_value=0.0, value=0.0, step=1.0, key="wm")
    time_limit = left.number_input(t("time_limit"), min_value=1, value=60, step=10, key="tl")
    free = right.checkbox(t("free_moves"), key="free")
    integer = right.checkbox(t("integer"), key="int")
    norms = dict(
        zip(
            wb.care_forms["care_form_id"],
            wb.care_forms["volume_norm"].fillna(0).astype(int),
            strict=True,
        )
    )
    right.caption(t("norm_overrides"))
    care_form = right.selectbox(
        t("care_form"),
        sorted(norms),
        key="norm_cf",
        index=sorted(norms).index("rectumcarcinoom") if "rectumcarcinoom" in norms else 0,
    )
    value = right.number_input(
        t("norm"), min_value=0, value=norms[care_form], step=5, key=f"norm_value_{care_form}"
    )
    overrides = {care_form: int(value)} if int(value) != norms[care_form] else {}
    if st.button(t("run"), key="run", type="primary"):
        options = Options(
            w_travel=w_travel,
            w_move=w_move,
            time_limit=float(time_limit),
            free_moves=free,
            integer=integer,
            norms=overrides,
        )
        with st.status(t("running"), expanded=False) as status:
            result = optimize(wb, year, options)
            status.update(label=f"{t('status')}: {result.status}", state="complete")
        st.session_state["optimum"] = (wb.sha256, year, result)
    stored = st.session_state.get("optimum")
    if not stored or stored[0] != wb.sha256 or stored[1] != year:
        return
    result = stored[2]
    st.write(
        f"**{t('status')}:** {result.status}"
        + (f" — {t('objective')} {number(result.objective, 1)}" if result.objective else "")
    )
    if result.status == "infeasible":
        st.warning(t("infeasible"))
        for message in result.violations["message"]:
            st.markdown(f"- {message}")
        return
    if result.flows.empty:
        st.warning(t("time_limit_hit"))
        return
    after_flows = result.flows.rename(
        columns={"origin": "sending", "performing_hospital_id": "performing"}
    )
    show_results(
        wb,
        baseline_flows(wb, year),
        after_flows,
        result.capacity_before,
        result.capacity_after,
        result.money,
        "opt",
    )
    prices = result.shadow_prices[result.shadow_prices["constraint"] == "or_capacity"]
    st.subheader(t("shadow_prices"))
    st.dataframe(
        prices[["hospital_id", "dual"]].rename(
            columns={"hospital_id": t("hospital"), "dual": t("shadow_prices")}
        ),
        hide_index=True,
    )
    save_form(wb, year, "optimised", result.capacity_after, result.money, "opt")


def page_settlement(wb: Workbook, year: int) -> None:
    st.header(f"{t('page_settlement')} {year}")
    sources = [s for s in ("registrations", "volumes") if wb.has(s)]
    source = st.radio(
        t("source"),
        sources,
        horizontal=True,
        key="source",
        format_func=lambda s: t("registrations" if s == "registrations" else "volumes_src"),
    )
    try:
        result = settlement(wb, wb.sha256, year, source)
    except SpreidingInputError as exc:
        st.info(exc.findings[0].message())
        return
    if result.invariants_hold:
        st.success(t("invariants_ok"))
    else:
        broken = "; ".join(f"{k}: {v[0]}" for k, v in result.invariants.items() if v)
        st.error(t("invariants_bad", what=broken))
    st.download_button(
        t("download_settlement"),
        settlement_workbook(wb, wb.sha256, year, source),
        file_name=f"verrekening_{year}_{source}.xlsx",
        key="download_settlement",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    st.subheader(t("summary"))
    st.dataframe(
        money_view(
            result.hospitals,
            {
                "hospital_id": t("hospital"),
                "insurer_declared_cents": t("declared"),
                "insurer_paid_cents": t("paid"),
                "odv_receivable_cents": "ODV +",
                "odv_payable_cents": "ODV −",
                "secondment_receivable_cents": "Detachering +",
                "secondment_payable_cents": "Detachering −",
                "net_position_cents": t("net_position"),
            },
        ),
        hide_index=True,
        key="summary",
    )
    left, right = st.columns(2)
    left.subheader(t("pairs"))
    left.dataframe(
        money_view(
            result.pairs, {"payer": t("payer"), "payee": t("payee"), "net_cents": t("amount")}
        ),
        hide_index=True,
    )
    right.subheader(t("payments"))
    right.dataframe(
        money_view(
            result.payments, {"payer": t("payer"), "payee": t("payee"), "amount_cents": t("amount")}
        ),
        hide_index=True,
    )
    st.subheader(t("exceptions"))
    st.dataframe(
        result.exceptions[
            ["kind", "key", "hospital_id", "partner_hospital", "patient_id", "message"]
        ].rename(
            columns={
                "kind": t("kind"),
                "key": t("key"),
                "partner_hospital": t("partner"),
                "hospital_id": t("hospital"),
                "patient_id": t("patient"),
                "message": t("message"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.subheader(t("monitoring"))
    monitoring = result.monitoring.copy()
    for col in ("planned_cases", "realised_cases", "deviation_cases"):
        monitoring[col] = monitoring[col].map(number)  # "–" where not visible or not planned
    st.dataframe(
        monitoring[
            [
                "agreement_id",
                "care_form_id",
                "sending_hospital",
                "performing_hospital",
                "mode",
                "planned_cases",
                "realised_cases",
                "deviation_cases",
            ]
        ].rename(
            columns={
                "agreement_id": t("agreement"),
                "care_form_id": t("care_form"),
                "sending_hospital": t("sending"),
                "performing_hospital": t("performing"),
                "mode": t("mode"),
                "planned_cases": t("planned"),
                "realised_cases": t("realised"),
                "deviation_cases": t("deviation"),
            }
        ),
        hide_index=True,
        width="stretch",
    )


def page_compare() -> None:
    st.header(t("page_compare"))
    saved = store().list()
    if saved.empty:
        st.info(t("no_saved"))
        return
    names = st.multiselect(
        t("choose"), saved["name"].tolist(), default=saved["name"].tolist()[-3:], key="compare"
    )
    frames = []
    for name in names:
        frame = store().load(name).assign(scenario=name)
        frames.append(frame)
    if frames:
        data = pd.concat(frames, ignore_index=True)
        table = data.pivot_table(
            index="hospital_id",
            columns="scenario",
            values=["or_utilisation", "norms_met", "margin_cents_after"],
            aggfunc="first",
        )
        view = pd.DataFrame(index=table.index)
        for name in names:
            view[f"{t('utilisation')} — {name}"] = table[("or_utilisation", name)].map(percent)
            view[f"{t('norms_met')} — {name}"] = table[("norms_met", name)].map(number)
            view[f"{t('margin')} — {name}"] = table[("margin_cents_after", name)].map(euro)
        st.dataframe(view.rename_axis(t("hospital")), width="stretch")
        chart(
            st,
            charts.scenario_bars(
                data.assign(margin=data["margin_cents_after"] / 100),
                "margin",
                t("margin") + " (€)",
                names,
            ),
            key="compare_chart",
        )
    st.dataframe(
        saved.rename(
            columns={
                "name": t("scenario_name"),
                "saved_at": t("scenario_saved_at"),
                "year": t("year"),
                "kind": t("scenario_kind"),
            }
        ),
        hide_index=True,
    )
    victim = st.selectbox(t("delete"), [""] + saved["name"].tolist(), key="delete_name")
    if victim and st.button(t("delete"), key="delete"):
        store().delete(victim)
        st.rerun()


# --------------------------------------------------------------------------- layout


def main() -> None:
    with st.sidebar:
        st.radio(
            t("language"),
            ["nl", "en"],
            horizontal=True,
            key="lang",
            format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        )
        st.title(t("app_title"))
        st.caption(t("app_caption"))
    wb = current_book()
    with st.sidebar:
        st.markdown(
            f"**{t('data_source')}:** "
            + (t("sample_name") if wb.source_name == SAMPLE.name else wb.source_name)
        )
        years = wb.years
        default = years.index(2025) if 2025 in years else len(years) - 1
        year = st.selectbox(t("year"), years, index=default, key="year")
        page = st.radio(t("page"), PAGES, format_func=t, key="page")
    if page == "page_data":
        page_data(wb)
    elif page == "page_baseline":
        page_baseline(wb, year)
    elif page == "page_scenario":
        page_scenario(wb, year)
    elif page == "page_settlement":
        page_settlement(wb, year)
    else:
        page_compare()


main()
