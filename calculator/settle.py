"""The yearly settlement (docs/settlement.md): one call from a validated workbook to a checked
result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from calculator.audit import Audit
from calculator.consent import NO_CONSENTS, Consents, consent_notes
from calculator.errors import Finding, SpreidingInputError
from calculator.flows import (
    fallback_notes,
    flows_of_year,
    settle_flows,
    settle_referral_flows,
    split_notes,
)
from calculator.invariants import Problem, run_checks
from calculator.lines import LINE_COLUMNS, LINE_KINDS, empty, exception_rows, typed_lines
from calculator.monitoring import monitor, monitor_insurers
from calculator.netting import apply_caps, clearing, pair_statements, positions
from calculator.network_costs import cases_performed, compensation_lines, network_cost_lines
from calculator.registrations import settle_registrations
from calculator.secondments import secondment_lines
from calculator.sources import covered_pairs, reconcile
from calculator.tariffs import Tariffs
from calculator.workbook import Workbook
from messages import Message

SOURCES = ("combined", "registrations", "volumes")
YEAR_BASES = ("start", "end")


@dataclass(frozen=True)
class SettlementResult:
    """A settlement of one year.

    ``source`` is what was settled: ``combined`` (registrations, plus referral flows and their
    secondment from volumes), ``registrations`` or ``volumes``; ``year_basis`` says which date
    of a DBC decides its year (``start``: the schadelastjaar; ``end``); ``notes`` are messages
    about the run (e.g. that only one source had the year).

    Frames
    ------
    hospitals : per hospital: insurer_declared_cents, insurer_paid_cents, insurer_unpaid_cents,
        odv_/secondment_ receivable/payable _cents, net_position_cents [EUR cents]
    revenue : insurer revenue lines (hospital, insurer, product, price year, count, unit, amount)
    caps : declared, cap, paid and unpaid per hospital and insurer
    lines : money between hospitals, one row per source (kind odv, secondment,
        secondment_contract or network_costs), with its source_sheet, source_rows and
        source_keys
    secondments : per secondment contract in force: days, hours, hourly rate and amount
    network_costs : per network cost and hospital: the key's weight and the part [cents]
    pairs : pair statements per kind with the single net payment
    payments : clearing list (at most n − 1 payments)
    exceptions : listed, not settled (EXCEPTION_COLUMNS; patient_id only for the workbook)
    monitoring : planned vs realised cases per agreement and year
    monitoring_insurers : realised cases per agreement and insurer, with the insurer's consent
        to parallel declaration (given, withheld, partly, assumed; blank for other modes)
    prices : every benchmark price used, with the year it derives from
    invariants : check name → list of problems (empty = holds), each a catalogue message
    """

    year: int
    source: str
    hospitals: pd.DataFrame
    revenue: pd.DataFrame
    caps: pd.DataFrame
    lines: pd.DataFrame
    pairs: pd.DataFrame
    payments: pd.DataFrame
    exceptions: pd.DataFrame
    monitoring: pd.DataFrame
    prices: pd.DataFrame
    invariants: dict[str, list[Problem]]
    year_basis: str = "start"
    notes: tuple[Message, ...] = ()
    monitoring_insurers: pd.DataFrame = field(default_factory=pd.DataFrame)
    secondments: pd.DataFrame = field(default_factory=pd.DataFrame)
    network_costs: pd.DataFrame = field(default_factory=pd.DataFrame)
    input_name: str = ""
    input_sha256: str = ""
    run_at: str = field(default_factory=lambda: dt.datetime.now().isoformat(timespec="seconds"))
    audit: Audit | None = None

    @property
    def invariants_hold(self) -> bool:
        return not any(self.invariants.values())


def choose_source(
    wb: Workbook, year: int, source: str, year_basis: str
) -> tuple[str, tuple[Message, ...]]:
    """The source to settle ``year`` from, and a note when ``combined`` falls back to one sheet.

    ``combined`` needs both registrations and volumes of the year; with only one of them it
    settles that one and says so. ``registrations`` and ``volumes`` are taken as asked.
    """
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
    if year_basis not in YEAR_BASES:
        raise ValueError(f"year_basis must be one of {YEAR_BASES}, not {year_basis!r}")
    if source != "combined":
        if not wb.has(source):
            finding = Finding(
                source, None, "", "", code="settlement_source_sheet_empty", params={"sheet": source}
            )
            raise SpreidingInputError([finding])
        wb.require_year(source, year, year_basis)
        return source, ()
    present = [
        sheet
        for sheet in ("registrations", "volumes")
        if wb.has(sheet) and year in wb.years_in(sheet, year_basis)
    ]
    if len(present) == 2:
        return "combined", ()
    if not present:
        wb.require_year("registrations" if wb.has("registrations") else "volumes", year, year_basis)
    only = present[0]
    return only, (Message(f"settlement_note_only_{only}", {"year": str(year)}),)


# what the registrations give a settlement: revenue, lines, exceptions, realised moves per
# agreement and insurer (see calculator.registrations.settle_registrations)
RegistrationPart = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series]


def settle(
    wb: Workbook,
    year: int,
    source: str | None = None,
    strict: bool = False,
    year_basis: str = "start",
    registrations: Callable[[Tariffs, Consents, bool], RegistrationPart] | None = None,
) -> SettlementResult:
    """Settle ``year`` from ``source`` (default ``combined``) on ``year_basis`` (default
    ``start``, the schadelastjaar).

    ``registrations``: how the registrations are settled, given the run's tariffs, consents and
    whether they settle referral cases (default: all of them at once by
    :func:`calculator.registrations.settle_registrations`; the partitioned run passes the
    combined result of its buckets). Everything after it — volumes, caps, contracts, network
    costs, netting, clearing, invariants — is this one function for every way of running."""
    audit = Audit(
        "settle",
        wb.source_name,
        wb.sha256,
        {"year": year, "source": source or "combined", "year_basis": year_basis},
    )
    source, notes = choose_source(wb, year, source or "combined", year_basis)
    tariffs = Tariffs.build(wb)
    consents = Consents.of(wb.insurer_consents) if wb.has("insurer_consents") else NO_CONSENTS
    notes = (*notes, *consent_notes(wb, consents, year))
    parts = []
    if source in ("registrations", "combined"):
        referral_cases = source == "registrations"
        parts.append(
            registrations(tariffs, consents, referral_cases)
            if registrations is not None
            else settle_registrations(
                wb.registrations,
                wb.agreements,
                tariffs,
                year,
                year_basis,
                referral_cases=referral_cases,
                consents=consents,
            )
        )
    flows = flows_of_year(wb.volumes, year)
    if source != "registrations":
        notes = (
            *notes,
            *split_notes(flows, wb.agreements, year, referral_only=source == "combined"),
        )
    if source == "volumes":
        parts.append(settle_flows(flows, wb.agreements, tariffs, year, consents))
        notes = (*notes, *fallback_notes(flows, wb.agreements, tariffs, year, consents))
    if source == "combined":
        parts.append(settle_referral_flows(flows, wb.agreements, tariffs, year))
        reconciled = reconcile(
            flows,
            wb.agreements,
            tariffs,
            year,
            covered_pairs(wb.registrations, tariffs, year, year_basis),
            parts[0][3].groupby(level=0).sum(),
            consents,
        )
        if reconciled.settled is not None:
            parts.append(reconciled.settled)
        parts.append(
            (
                parts[0][0].iloc[0:0],
                empty(LINE_COLUMNS),
                reconciled.exceptions,
                pd.Series(dtype="float64"),
            )
        )
        notes = (*notes, *reconciled.notes)
    revenue = pd.concat([p[0] for p in parts if len(p[0])] or [parts[0][0]], ignore_index=True)
    lines = typed_lines(
        pd.concat([p[1] for p in parts if len(p[1])] or [empty(LINE_COLUMNS)], ignore_index=True)
    )
    exceptions = pd.concat(
        [*(p[2] for p in parts), contracts_missing(tariffs, year)], ignore_index=True
    )
    by_insurer = pd.concat([p[3] for p in parts if len(p[3])] or [parts[0][3]])
    by_insurer = by_insurer.groupby(level=[0, 1]).sum() if len(by_insurer) else by_insurer
    # per agreement: the insurers' parts are exact fractions shown as floats; 9 decimals
    realised = by_insurer.groupby(level=0).sum().round(9) if len(by_insurer) else by_insurer
    caps = apply_caps(revenue, tariffs, year)
    hospital_ids = sorted(wb.hospitals["hospital_id"])
    contract_lines, secondments = secondment_lines(wb.secondments, wb.indexation, year)
    cost_lines, network, cost_notes = network_cost_lines(
        wb.network_costs,
        wb.network_shares,
        hospital_ids,
        year,
        lambda: cases_performed(wb.volumes, wb.registrations, year, year_basis),
        caps.groupby("hospital_id")["declared_cents"].sum().to_dict(),
    )
    notes = (*notes, *cost_notes)
    agreed = compensation_lines(wb.compensation, year)
    extra = [f for f in (contract_lines, cost_lines, agreed) if len(f)]
    if extra:
        lines = typed_lines(pd.concat([lines, *extra], ignore_index=True))
    position = positions(lines, hospital_ids)
    summary = hospital_summary(hospital_ids, caps, lines, position)
    pairs = pair_statements(lines)
    payments = clearing(position)
    tables = {
        "hospitals": summary,
        "lines": lines,
        "pairs": pairs,
        "payments": payments,
        "caps": caps,
        "revenue": revenue,
    }
    invariants = run_checks(tables, strict=strict)
    return SettlementResult(
        year=year,
        source=source,
        hospitals=summary,
        revenue=revenue,
        caps=caps,
        lines=lines,
        pairs=pairs,
        payments=payments,
        exceptions=exceptions.reset_index(drop=True),
        monitoring=monitor(wb.agreements, year, realised, referrals_seen=source != "registrations"),
        monitoring_insurers=monitor_insurers(wb.agreements, year, by_insurer, consents),
        secondments=secondments,
        network_costs=network,
        prices=prices_used(tariffs, revenue, lines),
        invariants=invariants,
        year_basis=year_basis,
        notes=notes,
        input_name=wb.source_name,
        input_sha256=wb.sha256,
        run_at=audit.run_at,
        audit=audit,
    )


def prices_used(tariffs: Tariffs, revenue: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame:
    """Every benchmark price the settlement used: of the declared products and the ODV lines."""
    odv = lines[lines["kind"] == "odv"]
    pairs = pd.concat(
        [
            revenue[["product_code", "price_year"]],
            odv[["product_code", "price_year"]],
        ],
        ignore_index=True,
    ).rename(columns={"price_year": "year"})
    return tariffs.prices_of(pairs)


def contracts_missing(tariffs: Tariffs, year: int) -> pd.DataFrame:
    """One exception per hospital that has insurer contracts in other years but not in ``year``
    (it is settled at the implicit contract: factor 1, no cap)."""
    missing = tariffs.missing_contracts(year)
    return exception_rows(
        "contracts_missing",
        [
            {"hospital": h, "year": str(year), "years": ", ".join(map(str, years))}
            for h, years in missing
        ],
        key=[h for h, _ in missing],
        hospital_id=[h for h, _ in missing],
        partner_hospital=[None] * len(missing),
        care_form_id=[None] * len(missing),
        source_sheet="insurer_contracts",
        source_rows=[""] * len(missing),
    )


def hospital_summary(
    hospital_ids: list[str], caps: pd.DataFrame, lines: pd.DataFrame, position: pd.Series
) -> pd.DataFrame:
    """Per hospital: insurer declared/paid/unpaid, receivable and payable per kind, net position
    [cents]; every hospital listed, in the order given."""
    out = pd.DataFrame({"hospital_id": hospital_ids})
    per = caps.groupby("hospital_id")[["declared_cents", "paid_cents", "unpaid_cents"]].sum()
    for col, name in (
        ("declared_cents", "insurer_declared_cents"),
        ("paid_cents", "insurer_paid_cents"),
        ("unpaid_cents", "insurer_unpaid_cents"),
    ):
        out[name] = out["hospital_id"].map(per[col]).fillna(0).astype("int64")
    for kind in LINE_KINDS:
        k = lines[lines["kind"] == kind]
        out[f"{kind}_receivable_cents"] = (
            out["hospital_id"]
            .map(k.groupby("payee")["amount_cents"].sum())
            .fillna(0)
            .astype("int64")
        )
        out[f"{kind}_payable_cents"] = (
            out["hospital_id"]
            .map(k.groupby("payer")["amount_cents"].sum())
            .fillna(0)
            .astype("int64")
        )
    out["net_position_cents"] = out["hospital_id"].map(position).fillna(0).astype("int64")
    return out
