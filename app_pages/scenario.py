"""Scenario: edit agreement shares (manual) or optimise, then follow the story — what moves,
the region's totals, who gains and who loses, the flows before and after — and save it."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import IO, Any

import pandas as pd
import streamlit as st

from calculator.agreements import valid_in_year
from calculator.audit import Audit, audit_sheet
from calculator.workbook import Workbook
from dashboard import audit, charts, geo, state
from dashboard.deal_view import show_compensation, show_terms
from dashboard.pack_view import pack_download
from dashboard.summaries import scenario_summary
from dashboard.widgets import (
    capacity_and_norms,
    care_form_names,
    chart,
    dataframe,
    escape_markdown,
    fmt_euro,
    fmt_number,
    fmt_percent,
    hospitals_of,
    map_texts,
    md,
    money_view,
    rendered_md,
    t,
    tm,
)
from optimizer.capacity import CapacityReport
from optimizer.deal import Deal
from optimizer.deal_report import deal_document, deal_sheets
from optimizer.inputs import Options
from optimizer.optimize import OptimizeResult
from optimizer.report import (
    changed_agreement_lines,
    named,
    whole_words,
    write_optimize,
    write_scenario,
)
from optimizer.story import Story, tell

MODES = ["referral", "parallel", "odv"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AGREEMENT_KINDS = ["existing", "new", "own", "status_quo", "free"]


# --------------------------------------------------------------------------- the story


def totals(story: Story) -> None:
    margin, moved, further, closer = st.columns(4)
    change = story.region["margin_change_cents"]
    travel = story.travel
    margin.metric(t("ui_tot_margin"), fmt_euro(change), help=t("ui_money_source_volumes"))
    moved.metric(t("ui_tot_cases_moved"), fmt_number(story.region["cases_moved"]))
    further.metric(
        t("ui_tot_further"),
        t(
            "ui_tot_further_value",
            n=fmt_number(travel["cases_further"]),
            minutes=fmt_number(travel["average_extra_minutes"]),
        ),
        help=t("ui_tot_further_help", largest=fmt_number(travel["max_extra_minutes"])),
    )
    closer.metric(t("ui_tot_closer"), fmt_number(travel["cases_closer"]))


def goals_in_words(result: OptimizeResult) -> None:
    """The goals of the run, in the order they count."""
    st.markdown(t("ui_goals"))
    st.markdown("\n".join(f"- {rendered_md(goal)}" for goal in result.goals))
    st.caption(whole_words(result, state.lang()))


def changed_agreements(wb: Workbook, story: Story) -> None:
    """The agreements in force the plan lowers, with why; or that every agreement stays."""
    lines = changed_agreement_lines(story, state.lang(), care_form_names(wb))
    if len(lines) == 1:
        st.success(escape_markdown(lines[0]))
        return
    st.warning(escape_markdown(lines[0]))
    st.markdown("\n".join(f"- {escape_markdown(line.strip())}" for line in lines[1:]))


def what_moves(wb: Workbook, story: Story, key: str) -> None:
    st.subheader(t("ui_what_moves"))
    names = care_form_names(wb)
    kinds = {kind: t(f"ui_agreement_{kind}") for kind in AGREEMENT_KINDS}
    moves = story.moves.sort_values("cases", ascending=False)
    cases = moves["cases"].astype(float)
    decimals = 0 if bool((cases.round() == cases).all()) else 1  # whole patients as such
    # the reasons in full in the list below the table: a column of them would push the
    # table's last columns out of sight
    table = pd.DataFrame(
        {
            t("ui_care_form"): moves["care_form_id"].map(names),
            t("ui_from"): moves["sending_hospital"],
            t("ui_to"): moves["performing_hospital"],
            t("ui_cases_moved"): cases.map(lambda v: fmt_number(v, decimals)),
            t("ui_left"): [", ".join(left) for left in moves["left"]],
            t("ui_agreement_kind"): moves["agreement"].map(kinds),
            t("ui_extra_travel"): moves["extra_minutes"].map(
                lambda v: t("ui_minutes", value=fmt_number(v))
            ),
        }
    )
    dataframe(
        st,
        table,
        hide_index=True,
        key=f"moves_{key}",
        width="stretch",
    )
    # why the patients move is what a board reads first: in full, one line a move
    st.markdown(t("ui_why_moves"))
    st.markdown(
        "\n".join(
            "- "
            + t(
                "ui_why_move",
                care_form=escape_markdown(names.get(m.care_form_id, m.care_form_id)),
                sending=escape_markdown(m.sending_hospital),
                performing=escape_markdown(m.performing_hospital),
                cases=fmt_number(m.cases, decimals),
                reasons="; ".join(rendered_md(named(r, names)) for r in m.reasons),
            )
            for m in moves.itertuples(index=False)
        )
    )
    labelled = moves.drop(columns=["left", "reasons"]).assign(
        label=moves["sending_hospital"]
        + " → "
        + moves["performing_hospital"]
        + " · "
        + moves["care_form_id"].map(names)
    )
    chart(
        st,
        charts.moves_chart(
            labelled, t("ui_moves_chart_title"), t("ui_cases_moved"), kinds, state.lang()
        ),
        key=f"moves_chart_{key}",
    )


def gains_and_losses(wb: Workbook, money_table: pd.DataFrame, key: str) -> None:
    st.subheader(t("ui_gains_losses"))
    st.caption(t("ui_money_source_volumes"))
    left, right = st.columns([1, 1], gap="large")
    chart(
        left,
        charts.gains_and_losses(
            money_table.assign(change=money_table["margin_cents_change"] / 100),
            t("ui_margin_change"),
            hospitals_of(wb.hospitals),
            state.lang(),
        ),
        key=f"margin_{key}",
    )
    b, a = t("ui_before"), t("ui_after")
    dataframe(
        right,
        money_view(
            money_table,
            {
                "hospital_id": t("ui_hospital"),
                "margin_cents_before": f"{t('ui_margin')} {b}",
                "margin_cents_after": f"{t('ui_margin')} {a}",
                "margin_cents_change": t("ui_margin_change"),
            },
        ),
        hide_index=True,
        key=f"money_{key}",
    )


def flow_maps(
    wb: Workbook,
    before_flows: pd.DataFrame,
    after_flows: pd.DataFrame,
    before: CapacityReport,
    after: CapacityReport,
    key: str,
) -> None:
    st.subheader(t("ui_flows_before_after"))
    points = geo.hospital_points(wb.hospitals, before_flows, before.hospitals)
    if points.empty:
        st.info(t("ui_map_no_positions"))
        return
    box, words = geo.view_box(points), map_texts()
    columns = st.columns(2)
    for column, title, flows, report in (
        (columns[0], t("ui_map_before"), before_flows, before),
        (columns[1], t("ui_map_after"), after_flows, after),
    ):
        column.markdown(f"**{title}**")
        chart(
            column,
            charts.region_map(
                geo.outline(),
                box,
                geo.hospital_points(wb.hospitals, flows, report.hospitals),
                geo.flow_lines(flows, wb.hospitals),
                words,
                height=380,
            ),
            key=f"map_{title}_{key}",
        )


def details(
    wb: Workbook,
    before_flows: pd.DataFrame,
    after_flows: pd.DataFrame,
    before: CapacityReport,
    after: CapacityReport,
    key: str,
) -> None:
    """OR use per hospital, norms and the flow matrix after the scenario."""
    with st.expander(t("ui_details")):
        hospitals = hospitals_of(wb.hospitals)
        b, a = t("ui_before"), t("ui_after")
        st.caption(f"{t('ui_utilisation')} ({a})")
        was = before.hospitals.set_index("hospital_id")["or_utilisation"]
        columns = st.columns(len(after.hospitals))
        for col, row in zip(columns, after.hospitals.itertuples(index=False), strict=True):
            change = row.or_utilisation - was.get(row.hospital_id, 0.0)
            col.metric(
                md(row.hospital_id),
                fmt_percent(row.or_utilisation),
                t("ui_points", value=fmt_number(100 * change, 1)),
                delta_color="off",
            )
        st.space("small")  # the chart's title below the metrics' deltas, not under them
        per_h = pd.concat(
            [
                flows.groupby("performing_hospital")["cases"]
                .sum()
                .rename_axis("hospital_id")
                .reset_index()
                .assign(phase=phase)
                for flows, phase in ((before_flows, b), (after_flows, a))
            ]
        )
        chart(
            st,
            charts.before_after_bars(
                per_h, "cases", t("ui_cases_per_hospital"), hospitals, b, a, state.lang()
            ),
            key=f"cases_{key}",
        )
        capacity_and_norms(after, hospitals, key, f" ({a})", care_form_names(wb))
        chart(
            st,
            charts.flow_matrix(after_flows, t("ui_flow_matrix"), state.lang()),
            key=f"flows_{key}",
        )


def story_of(
    wb: Workbook,
    year: int,
    before_flows: pd.DataFrame,
    after_flows: pd.DataFrame,
    before: CapacityReport,
    after: CapacityReport,
    money_table: pd.DataFrame,
    key: str,
    proposals: pd.DataFrame | None = None,
    objective: str | None = None,
    after_gains: Callable[[], None] | None = None,
) -> bool:
    """The whole story; False (with a sentence) when nothing moves. ``objective`` of an
    optimised plan (None: a manual scenario); ``after_gains`` draws what follows who gains
    and who loses (the compensation)."""
    story = tell(
        wb, year, before_flows, after_flows, before, after, money_table, proposals, objective
    )
    if story.moves.empty:
        st.info(t("ui_nothing_moves"))
        return False
    totals(story)
    what_moves(wb, story, key)
    if objective is not None:
        changed_agreements(wb, story)
    gains_and_losses(wb, money_table, key)
    if after_gains is not None:
        after_gains()
    flow_maps(wb, before_flows, after_flows, before, after, key)
    details(wb, before_flows, after_flows, before, after, key)
    return True


# --------------------------------------------------------------------------- saving


def save_form(
    wb: Workbook,
    year: int,
    kind: str,
    after: CapacityReport,
    money_table: pd.DataFrame,
    key: str,
    flows: pd.DataFrame | None = None,
    deal: Deal | None = None,
) -> None:
    """Save under a name (with the flows and the deal's terms and compensation where there
    are): an empty name gets a message, an existing one asks to overwrite."""
    pending = f"overwrite_{key}"
    with st.form(f"save_{key}"):
        name = st.text_input(t("ui_save_name"), key=f"name_{key}").strip()
        shared = state.has_login() and st.checkbox(t("ui_share_region"), key=f"share_{key}")
        submitted = st.form_submit_button(t("ui_save"))
    summary = scenario_summary(after, money_table)
    document = deal_document(deal, state.lang()) if deal is not None else None
    store = state.store()
    if submitted:
        st.session_state.pop(pending, None)
        if not name:
            st.warning(t("ui_name_empty"))
            return
        if name in set(store.list()["name"]):
            st.session_state[pending] = name
        else:
            store.save(name, year, kind, wb.sha256, summary, flows, document, shared)
            st.success(tm("ui_saved", name=name))
    if st.session_state.get(pending):
        name = st.session_state[pending]
        st.warning(tm("ui_overwrite_ask", name=name))
        yes, no = st.columns([1, 4])
        if yes.button(t("ui_overwrite"), key=f"overwrite_yes_{key}", type="primary"):
            store.save(name, year, kind, wb.sha256, summary, flows, document, shared)
            st.session_state.pop(pending)
            st.success(tm("ui_saved", name=name))
        elif no.button(t("ui_cancel"), key=f"overwrite_no_{key}"):
            st.session_state.pop(pending)
            st.rerun()


def download(
    write: Callable[[Any, IO[bytes], str, dict[str, str]], None],
    result: Any,
    names: dict[str, str],
    name: str,
    key: str,
) -> None:
    """The scenario as the house-style workbook in the reader's language, written only when the
    button is pressed."""

    def workbook() -> bytes:
        buffer = io.BytesIO()
        write(result, buffer, state.lang(), names)
        return buffer.getvalue()

    st.download_button(
        t("ui_download_scenario"),
        workbook,
        file_name=name,
        mime=XLSX,
        key=key,
        on_click=audit.record,
        args=("download", f"scenario {name}"),
    )


# --------------------------------------------------------------------------- the two tabs


def manual_tab(wb: Workbook, year: int) -> None:
    st.markdown(t("ui_shares_explained"))
    planned = st.toggle(t("ui_start_planned"), key="planned_shares")
    if planned:
        st.caption(t("ui_planned_explained"))
    agreements = valid_in_year(wb.agreements, year)[
        ["agreement_id", "care_form_id", "sending_hospital", "performing_hospital", "mode", "share"]
    ].copy()
    agreements["care_form_id"] = agreements["care_form_id"].map(care_form_names(wb))
    agreements["share"] = (100 * agreements["share"].fillna(0.0)).round() if planned else 0.0
    edited = st.data_editor(
        agreements,
        hide_index=True,
        key=f"shares_{planned}",
        disabled=["agreement_id", "care_form_id", "sending_hospital", "performing_hospital"],
        column_config={
            "share": st.column_config.NumberColumn(
                t("ui_share"), min_value=0, max_value=100, step=5, format="%d %%"
            ),
            "mode": st.column_config.SelectboxColumn(
                t("ui_mode"),
                options=MODES,
                required=True,
                format_func=lambda mode: t(f"ui_mode_{mode}"),
            ),
            "agreement_id": t("ui_agreement"),
            "care_form_id": t("ui_care_form"),
            "sending_hospital": t("ui_sending"),
            "performing_hospital": t("ui_performing"),
        },
    )
    edits = edited.assign(share=edited["share"].astype(float) / 100)
    result = state.manual(
        wb, wb.sha256, year, edits[["agreement_id", "share", "mode"]].to_json(orient="split")
    )
    moved = story_of(
        wb,
        year,
        result.flows_before,
        result.flows_after,
        result.capacity_before,
        result.capacity_after,
        result.money,
        "manual",
    )
    if moved:
        download(
            write_scenario, result, care_form_names(wb), f"scenario_{year}.xlsx", "download_manual"
        )
        save_form(
            wb, year, "manual", result.capacity_after, result.money, "manual", result.flows_after
        )
        business_case_of_manual(wb, year, result.flows_after)


def optimiser_options(wb: Workbook) -> Options:
    left, right = st.columns(2)
    goals = {
        "order": t("ui_objective_order"),
        "weighted": t("ui_objective_weighted"),
        "travel": t("ui_objective_travel"),
    }
    choice = left.radio(
        t("ui_objective"), list(goals), format_func=goals.get, key="objective", index=0
    )
    # whole numbers: Streamlit's number inputs cannot show a Dutch decimal comma
    w_travel = left.number_input(t("ui_w_travel"), min_value=0, value=1, step=1, key="wt")
    w_move = left.number_input(
        t("ui_w_move"),
        min_value=0,
        value=60,
        step=10,
        key="wm",
        disabled=choice != "weighted",
        help=t("ui_w_move_help"),
    )
    ceiling = left.number_input(
        t("ui_max_utilisation"),
        min_value=0,
        max_value=100,
        value=0,
        step=1,
        key="ceiling",
        help=t("ui_max_utilisation_help"),
    )
    time_limit = left.number_input(
        t("ui_time_limit"), min_value=1, max_value=3600, value=60, step=10, key="tl"
    )
    free = right.checkbox(t("ui_free_moves"), key="free")
    fractional = right.checkbox(t("ui_fractional"), key="fractional")
    follow = right.checkbox(t("ui_caps_follow"), key="caps_follow", help=t("ui_caps_follow_help"))
    norms = dict(
        zip(
            wb.care_forms["care_form_id"],
            wb.care_forms["volume_norm"].fillna(0).astype(int),
            strict=True,
        )
    )
    right.caption(t("ui_norm_overrides"))
    care_forms = sorted(norms)
    names = care_form_names(wb)
    care_form = right.selectbox(
        t("ui_care_form"),
        care_forms,
        key="norm_cf",
        index=care_forms.index("rectumcarcinoom") if "rectumcarcinoom" in norms else 0,
        format_func=lambda c: names.get(c, c),
    )
    value = right.number_input(
        t("ui_norm"), min_value=0, value=norms[care_form], step=5, key=f"norm_value_{care_form}"
    )
    return Options(
        objective="travel" if choice == "travel" else "moves",
        w_travel=float(w_travel),
        w_move=float(w_move) if choice == "weighted" else None,
        max_utilisation=int(ceiling) / 100 if int(ceiling) > 0 else None,
        time_limit=float(time_limit),
        free_moves=free,
        fractional=fractional,
        norms={care_form: int(value)} if int(value) != norms[care_form] else {},
        caps="follow" if follow else "fixed",
    )


def shadow_prices(result: OptimizeResult, options: Options) -> None:
    """What one more OR hour would be worth, in travel minutes saved."""
    prices = result.shadow_prices
    prices = prices[(prices["constraint"] == "or_capacity") & (prices["dual"].abs() > 1e-6)]
    st.subheader(t("ui_shadow_prices"))
    if prices.empty:
        st.markdown(t("ui_shadow_none"))
        return
    lines = []
    for row in prices.sort_values("dual").itertuples(index=False):
        saved = abs(float(row.dual)) * 60
        if (options.lexicographic or options.move_weight == 0) and options.w_travel > 0:
            value = fmt_number(saved / options.w_travel)
            lines.append(tm("ui_shadow_line", hospital=row.hospital_id, minutes=value))
        else:
            lines.append(
                tm("ui_shadow_line_weighted", hospital=row.hospital_id, points=fmt_number(saved))
            )
    st.markdown("\n".join(f"- {line}" for line in lines))


def optimiser_tab(wb: Workbook, year: int) -> Deal | None:
    """The optimised plan of the year with its terms and compensation; the deal on screen
    (None without a plan)."""
    st.markdown(t("ui_optimiser_explained"))
    options = optimiser_options(wb)
    if st.button(t("ui_run"), key="run", type="primary"):
        with st.status(t("ui_running"), expanded=False) as status:
            result = state.optimize_isolated(wb, year, options)
            solved = result.status != "infeasible"
            status.update(
                label=t("ui_solved") if solved else t("ui_not_solved"),
                state="complete" if solved else "error",
            )
        st.session_state["optimum"] = (wb.sha256, year, options, result)
    stored = st.session_state.get("optimum")
    if not stored or stored[0] != wb.sha256 or stored[1] != year:
        return None
    _, _, options, result = stored
    proposals = getattr(result, "proposals", None)
    status_text = t(f"ui_status_{result.status}", n=0 if proposals is None else len(proposals))
    if result.status == "infeasible":
        st.error(status_text)
        names = care_form_names(wb)  # care forms by name, as the CLI shows them
        st.markdown(
            "\n".join(f"- {rendered_md(named(m, names))}" for m in result.violations["message"])
        )
        for advice in getattr(result, "advice", []):
            st.markdown(rendered_md(named(advice, names)))
        st.info(t("ui_what_to_change"))
        return None
    if result.flows.empty or result.capacity_after is None or result.money is None:
        st.warning(t("ui_status_time_limit_empty"))
        return None
    (st.warning if result.status == "time_limit" else st.success)(status_text)
    goals_in_words(result)
    if proposals is not None and len(proposals):
        proposals_table(wb, proposals)
    show_terms(wb, result)
    after_flows = result.flows
    before_flows, _, _ = state.baseline(wb, wb.sha256, year)
    deals: list[Deal | None] = []
    moved = story_of(
        wb,
        year,
        before_flows,
        after_flows,
        result.capacity_before,
        result.capacity_after,
        result.money,
        "opt",
        proposals,
        options.objective,
        after_gains=lambda: deals.append(show_compensation(wb, result)),
    )
    deal = deals[0] if deals else None
    shadow_prices(result, options)

    def write_with_deal(
        result: OptimizeResult, target: IO[bytes], lang: str, names: dict[str, str]
    ) -> None:
        extra = deal_sheets(deal, lang, names) if deal is not None else []
        given = {"year": year, **dataclasses.asdict(options)}
        given["split"] = deal.split.rule if deal is not None else None
        basis = audit_sheet(Audit("optimize", wb.source_name, wb.sha256, given), lang)
        write_optimize(result, target, lang, names, deal=extra, basis=basis)

    download(
        write_with_deal, result, care_form_names(wb), f"optimalisatie_{year}.xlsx", "download_opt"
    )
    if moved:
        save_form(
            wb,
            year,
            "optimised",
            result.capacity_after,
            result.money,
            "opt",
            flows=result.flows,
            deal=deal,
        )
    pack_download(wb, result, deal)
    return deal


def proposals_table(wb: Workbook, proposals: pd.DataFrame) -> None:
    st.subheader(t("ui_proposals"))
    names = care_form_names(wb)
    dataframe(
        st,
        pd.DataFrame(
            {
                t("ui_care_form"): proposals["care_form_id"].map(names),
                t("ui_from"): proposals["sending_hospital"],
                t("ui_to"): proposals["performing_hospital"],
                t("ui_cases_moved"): proposals["cases"].map(lambda v: fmt_number(v, 1)),
                t("ui_travel"): proposals["travel_minutes"].map(
                    lambda v: t("ui_minutes", value=fmt_number(v))
                ),
            }
        ),
        hide_index=True,
        key="proposals",
    )


def main() -> None:
    wb, year = state.current_book(), state.year()
    st.header(t("ui_page_scenario_year", year=str(year)))
    if year not in wb.years_in("volumes"):
        st.info(t("ui_no_volumes_year", year=str(year)))
        return
    manual, optimised = st.tabs([t("ui_manual"), t("ui_optimised")])
    with manual:
        manual_tab(wb, year)
    with optimised:
        deal = optimiser_tab(wb, year)
        business_case_of_optimum(wb, year, deal)


# --------------------------------------------------------------------------- the business case
# (issue 18, item 3): the optimised plan over the years, below everything else of its tab


def business_case_of_manual(wb: Workbook, year: int, flows: pd.DataFrame) -> None:
    """The business case of the manual scenario on screen (the shares as edited)."""
    from dashboard.business_case_view import business_case_section
    from messages import Message

    plan = Message("bc_plan_manual", {"year": str(year)})
    business_case_section(wb, year, flows, plan, "manual")


def business_case_of_optimum(wb: Workbook, year: int, deal: Deal | None) -> None:
    """The business case of the optimised plan of this session, when there is one."""
    from dashboard.business_case_view import business_case_section
    from messages import Message

    stored = st.session_state.get("optimum")
    if not stored or stored[0] != wb.sha256 or stored[1] != year:
        return
    _, _, options, result = stored
    if result.flows.empty:
        return
    plan = Message("bc_plan_optimised", {"year": str(year)})
    shapley = deal.split.shapley if deal is not None else None  # a Shapley split's values
    business_case_section(wb, year, result.flows, plan, "opt", shapley=shapley, caps=options.caps)


main()
