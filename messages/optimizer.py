"""Texts of the optimizer area, by code: {code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # what cannot hold
    "opt_short_or": {
        "nl": "OK-capaciteit van {hospital} schiet {minutes} minuten tekort "
        "(beschikbaar {available} binnen het planningsplafond van {ceiling} %)",
        "en": "OR capacity of {hospital} short by {minutes} minutes (available {available} "
        "within the planning ceiling of {ceiling} %)",
    },
    "opt_short_beds": {
        "nl": "beddagen van {hospital} schieten {days} tekort (beschikbaar {available} binnen "
        "het planningsplafond van {ceiling} %)",
        "en": "bed capacity of {hospital} short by {days} bed-days (available {available} "
        "within the planning ceiling of {ceiling} %)",
    },
    # the goals of a plan, in the order they count
    "opt_goals": {"nl": "Doelen, in volgorde: {goals}", "en": "Goals, in order: {goals}"},
    "opt_goal_feasible": {
        "nl": "(1) een haalbaar plan — normen, OK en bedden binnen het planningsplafond, "
        "toegestane typen ziekenhuizen, minimale aantallen — met zo min mogelijk nieuwe "
        "afspraken, en geen als de bestaande afspraken volstaan",
        "en": "(1) a feasible plan — norms, OR and beds within the planning ceiling, allowed "
        "hospital types, minimum numbers — with the fewest new agreements, and none where the "
        "agreements in force suffice",
    },
    "opt_goal_fewest_moves": {
        "nl": "(2) zo min mogelijk patiënten in een ander ziekenhuis dan vandaag",
        "en": "(2) the fewest patients treated in another hospital than today",
    },
    "opt_goal_least_travel": {
        "nl": "(3) zo weinig mogelijk extra reistijd voor hen, bij dezelfde ziekenhuizen per "
        "zorgvorm",
        "en": "(3) the least extra travel for them, with the same hospitals per care form",
    },
    "opt_goal_weighted": {
        "nl": "(2) zo weinig mogelijk reistijd plus {weight} minuten per patiënt in een ander "
        "ziekenhuis dan vandaag (afgewogen)",
        "en": "(2) the least travel plus {weight} minutes for each patient treated in another "
        "hospital than today (weighed against each other)",
    },
    "opt_goal_travel_first": {
        "nl": "(2) zo weinig mogelijk reistijd voor alle patiënten, ook als daarvoor bestaande "
        "stromen veranderen ({weight} minuten per verplaatste patiënt)",
        "en": "(2) the least travel for all patients, even where that changes today's flows "
        "({weight} minutes per moved patient)",
    },
    # why a patient moves
    "reason_norm_reached": {
        "nl": "{hospital} haalt zo de norm van {norm} voor {care_form}",
        "en": "{hospital} reaches the norm of {norm} for {care_form} with it",
    },
    "reason_norm_closed": {
        "nl": "{hospital} stopt met {care_form}: {cases} patiënten, onder de norm van {norm}",
        "en": "{hospital} stops {care_form}: {cases} cases, below the norm of {norm}",
    },
    "reason_ceiling_or": {
        "nl": "houdt {hospital} binnen het OK-plafond van {ceiling} (vandaag {today})",
        "en": "keeps {hospital} within its OR ceiling of {ceiling} (today {today})",
    },
    "reason_ceiling_beds": {
        "nl": "houdt {hospital} binnen het beddenplafond van {ceiling} (vandaag {today})",
        "en": "keeps {hospital} within its bed ceiling of {ceiling} (today {today})",
    },
    "reason_max_hospitals": {
        "nl": "{care_form} mag in ten hoogste {maximum} ziekenhuizen",
        "en": "{care_form} may be performed in at most {maximum} hospitals",
    },
    "reason_not_allowed": {
        "nl": "{hospital} mag {care_form} niet uitvoeren (type ziekenhuis)",
        "en": "{hospital} may not perform {care_form} (hospital type)",
    },
    "reason_keep": {
        "nl": "{hospital} houdt het minimum voor {care_form}",
        "en": "{hospital} keeps its minimum for {care_form}",
    },
    "reason_new_agreement": {
        "nl": "onder een voorgestelde nieuwe afspraak",
        "en": "under a proposed new agreement",
    },
    "reason_shorter_travel": {
        "nl": "kortere reistijd ({minutes} minuten minder)",
        "en": "shorter travel ({minutes} minutes less)",
    },
    "reason_agreement_share": {
        "nl": "aandeel van de afspraak in dit scenario",
        "en": "the agreement's share in this scenario",
    },
    "reason_other": {
        "nl": "nodig om alle regels te halen met zo min mogelijk verplaatsingen",
        "en": "needed to keep every rule with the fewest moves",
    },
    "opt_agreement_lowered": {
        "nl": "afspraak {agreement} ({care_form}, {sending} → {performing}): {before} → {after} "
        "patiënten; {reasons}",
        "en": "agreement {agreement} ({care_form}, {sending} → {performing}): {before} → "
        "{after} patients; {reasons}",
    },
    "opt_agreements_kept": {
        "nl": "Alle bestaande afspraken blijven zoals ze zijn.",
        "en": "Every agreement in force stays as it is.",
    },
    "opt_agreements_changed": {
        "nl": "Bestaande afspraken die het plan verandert:",
        "en": "Agreements in force that the plan changes:",
    },
    "opt_whole_patients": {
        "nl": "Hele patiënten.",
        "en": "Whole patients.",
    },
    "opt_fractional_patients": {
        "nl": "Aantallen met decimalen ({why}).",
        "en": "Fractional numbers ({why}).",
    },
    "opt_fractional_asked": {"nl": "gevraagd met --fractional", "en": "asked with --fractional"},
    "opt_fractional_input": {
        "nl": "de volumes van dit jaar hebben decimalen",
        "en": "this year's volumes have decimals",
    },
    "opt_short_norm": {
        "nl": "{care_form} bij {hospital}: {cases} patiënten, norm {norm}",
        "en": "{care_form} at {hospital}: {cases} cases, norm {norm}",
    },
    "opt_short_keep": {
        "nl": "{hospital} houdt {care_form}: {cases} patiënten te weinig voor het minimum",
        "en": "{hospital} keeps {care_form}: {cases} cases short of the minimum retention",
    },
    "opt_short_max_hospitals": {
        "nl": "{care_form} heeft {extra} ziekenhuizen meer nodig dan het maximum van {maximum}",
        "en": "{care_form} needs {extra} more hospitals than the maximum of {maximum}",
    },
    "opt_short_move_share": {
        "nl": "{hospital} moet {cases} patiënten meer verplaatsen dan het maximale aandeel "
        "toestaat",
        "en": "{hospital} must move {cases} cases more than the maximum move share allows",
    },
    "opt_short_margin": {
        "nl": "marge van {hospital} daalt {amount_cents} meer dan de grens toestaat",
        "en": "margin of {hospital} drops {amount_cents} more than the guardrail allows",
    },
    "opt_short_other": {
        "nl": "{constraint} geschonden met {amount}",
        "en": "{constraint} violated by {amount}",
    },
    "opt_unreachable": {
        "nl": "geen ziekenhuis mag {care_form} uitvoeren voor de {cases} patiënten van {hospital}: "
        "het zelf en de bereikbare partners zijn niet van een toegestaan type",
        "en": "no hospital may perform {care_form} for the {cases} cases of {hospital}: neither it "
        "nor the partners within reach is of an allowed type",
    },
    "opt_relaxed_unsolved": {
        "nl": "ook het model met toegestane overschrijdingen is binnen de tijdslimiet niet "
        "opgelost",
        "en": "the relaxed model could not be solved within the time limit either",
    },
    "opt_fractional_demand": {
        "nl": "hele patiënten voor --integer, maar de vraag is fractioneel ({pairs} combinaties "
        "van ziekenhuis en zorgvorm); rond de volumes af of laat --integer weg",
        "en": "whole cases for --integer, but the demand is fractional ({pairs} origin/care form "
        "pairs); round the volumes or drop --integer",
    },
    "opt_orlib_word": {
        "nl": "geen OR-Library-bestand (capNN.txt): een woord waar een getal hoort",
        "en": "not an OR-Library file (capNN.txt): a word where a number belongs",
    },
    "opt_orlib_header": {
        "nl": "geen OR-Library-bestand (capNN.txt): geen kopregel 'm n'",
        "en": "not an OR-Library file (capNN.txt): no 'm n' header",
    },
    "opt_orlib_count": {
        "nl": "geen OR-Library-bestand (capNN.txt): {found} getallen, waar m={m} en n={n} er "
        "{needed} nodig hebben",
        "en": "not an OR-Library file (capNN.txt): {found} numbers where m={m}, n={n} need "
        "{needed}",
    },
    "opt_orlib_demand": {
        "nl": "geen OR-Library-bestand (capNN.txt): klant {customer} heeft vraag {demand}",
        "en": "not an OR-Library file (capNN.txt): customer {customer} has demand {demand}",
    },
    "opt_no_travel_time": {
        "nl": "geen reistijd van {sending} naar {performing} en geen posities (lat, lon) om "
        "die af te leiden ({pairs} combinaties); zet de combinatie in 'reistijden' of de "
        "posities in 'ziekenhuizen'",
        "en": "no travel time from {sending} to {performing} and no positions (lat, lon) to "
        "derive it ({pairs} pairs); add the pair to 'travel' or positions to 'hospitals'",
    },
    "opt_unknown_solver": {
        "nl": "onbekende solver '{solver}'; kies highs of cbc",
        "en": "unknown solver '{solver}'; choose highs or cbc",
    },
    "opt_solver_missing": {
        "nl": "solver {solver} is niet beschikbaar op deze computer; kies highs",
        "en": "solver {solver} is not available on this machine; choose highs",
    },
    "opt_unbounded": {
        "nl": "het model is onbegrensd; dit hoort niet te gebeuren (meld het)",
        "en": "the model is unbounded; this should not happen (report it)",
    },
    "opt_worker_failed": {
        "nl": "een rekenproces kon het model niet opbouwen ({kind}: {detail})",
        "en": "a worker process could not build the model ({kind}: {detail})",
    },
    "opt_orlib_written": {
        "nl": "{path} geschreven: {warehouses} magazijnen, {customers} klanten",
        "en": "wrote {path}: {warehouses} warehouses, {customers} customers",
    },
    # what would have to change
    "opt_change_or": {
        "nl": "verhoog de OK-capaciteit van {hospital} met {minutes} minuten",
        "en": "raise OR capacity of {hospital} by {minutes} minutes",
    },
    "opt_change_beds": {
        "nl": "verhoog de beddagen van {hospital} met {days}",
        "en": "raise the bed-days of {hospital} by {days}",
    },
    "opt_change_norm": {
        "nl": "verlaag de norm voor {care_form} naar {norm}",
        "en": "lower the {care_form} norm to {norm}",
    },
    "opt_change_keep": {
        "nl": "verlaag het minimum van {hospital} voor {care_form} met {cases}",
        "en": "lower the minimum retention of {care_form} at {hospital} by {cases}",
    },
    "opt_change_max_hospitals": {
        "nl": "sta voor {care_form} {maximum} ziekenhuizen toe",
        "en": "allow {maximum} hospitals for {care_form}",
    },
    "opt_change_move_share": {
        "nl": "sta {hospital} toe {cases} patiënten meer te verplaatsen (hoger maximaal aandeel)",
        "en": "let {hospital} move {cases} cases more (a higher maximum move share)",
    },
    "opt_change_margin": {
        "nl": "sta meer margeverlies toe voor {hospital}",
        "en": "allow a larger margin loss for {hospital}",
    },
    "opt_change_other": {"nl": "versoepel {constraint}", "en": "relax {constraint}"},
    "opt_change_unreachable": {
        "nl": "maak een afspraak voor {care_form} van {hospital} met een ziekenhuis van een "
        "toegestaan type (of verhoog de maximale reistijd)",
        "en": "make an agreement for {care_form} of {hospital} with a hospital of an allowed type "
        "(or raise the maximum travel time)",
    },
    "opt_change_time": {
        "nl": "verhoog de tijdslimiet (--time-limit)",
        "en": "raise the time limit (--time-limit)",
    },
    "opt_advice": {"nl": "Nodig: {changes}.", "en": "Needed: {changes}."},
    "opt_advice_either": {
        "nl": "Nodig: {first}, of anders: {second}.",
        "en": "Needed: {first}, or else: {second}.",
    },
    "joined_and": {"nl": "{first} en {last}", "en": "{first} and {last}"},
    # the story, CLI and workbook
    "opt_cli_status_optimal": {
        "nl": "Optimalisatie {year}: optimaal, met de afspraken die er zijn",
        "en": "Optimisation {year}: optimal, with the agreements in force",
    },
    "opt_cli_status_optimal_with_proposals": {
        "nl": "Optimalisatie {year}: optimaal met {proposals} voorgestelde nieuwe "
        "afspraak/afspraken",
        "en": "Optimisation {year}: optimal with {proposals} proposed new agreement(s)",
    },
    "opt_cli_status_time_limit": {
        "nl": "Optimalisatie {year}: tijdslimiet bereikt ({proposals} voorgestelde afspraken)",
        "en": "Optimisation {year}: time limit reached ({proposals} proposed agreements)",
    },
    "opt_cli_status_infeasible": {
        "nl": "Optimalisatie {year}: geen oplossing, ook niet met nieuwe afspraken ({proposals})",
        "en": "Optimisation {year}: no solution, not even with new agreements ({proposals})",
    },
    "opt_cli_objective": {
        "nl": "Uitkomst: {moves} patiënten in een ander ziekenhuis dan vandaag, "
        "reistijd {travel} (gewogen minuten), vaste kosten {fixed}.",
        "en": "Outcome: {moves} patients in another hospital than today, travel {travel} "
        "(weighted minutes), fixed costs {fixed}.",
    },
    "opt_cli_proposals": {"nl": "Voorgestelde nieuwe afspraken:", "en": "Proposed new agreements:"},
    "opt_cli_proposal": {
        "nl": "{care_form}: {sending} → {performing}, {cases} patiënten, {minutes} min reistijd; "
        "marge {sending} {sending_money}, {performing} {performing_money}",
        "en": "{care_form}: {sending} → {performing}, {cases} cases, {minutes} min travel; "
        "margin {sending} {sending_money}, {performing} {performing_money}",
    },
    "opt_cli_proposal_terms": {
        "nl": "{care_form}: {sending} → {performing}, {cases} patiënten, {minutes} min reistijd "
        "(voorwaarden en marges hieronder)",
        "en": "{care_form}: {sending} → {performing}, {cases} cases, {minutes} min travel "
        "(terms and margins below)",
    },
    "opt_cli_moves": {"nl": "Verschuivingen per zorgvorm:", "en": "Moves per care form:"},
    "opt_cli_move": {
        "nl": "{sending} → {performing}: {cases} (uit {left}; {kind}) — {reasons}",
        "en": "{sending} → {performing}: {cases} (from {left}; {kind}) — {reasons}",
    },
    "opt_agreement_new": {"nl": "nieuwe afspraak", "en": "new agreement"},
    "opt_agreement_existing": {"nl": "bestaande afspraak", "en": "existing agreement"},
    "opt_agreement_status_quo": {"nl": "bestaande stroom", "en": "existing flow"},
    "opt_agreement_own": {"nl": "terug naar eigen huis", "en": "back home"},
    "opt_agreement_free": {"nl": "vrije verplaatsing", "en": "free move"},
    "opt_cli_hospitals": {
        "nl": "Per ziekenhuis (voor → na):",
        "en": "Per hospital (before → after):",
    },
    "opt_cli_hospital": {
        "nl": "{hospital}: patiënten {cases_before} → {cases_after}, OK-minuten {or_before} → "
        "{or_after}, beddagen {beds_before} → {beds_after}, normen gehaald {norms_before} → "
        "{norms_after}",
        "en": "{hospital}: cases {cases_before} → {cases_after}, OR minutes {or_before} → "
        "{or_after}, bed-days {beds_before} → {beds_after}, norms met {norms_before} → "
        "{norms_after}",
    },
    "opt_cli_hospital_money": {
        "nl": "omzet {revenue_before} → {revenue_after}, verrekening {settlement_before} → "
        "{settlement_after}, variabele kosten {cost_before} → {cost_after}, marge "
        "{margin_before} → {margin_after} ({change})",
        "en": "revenue {revenue_before} → {revenue_after}, settlement {settlement_before} → "
        "{settlement_after}, variable cost {cost_before} → {cost_after}, margin "
        "{margin_before} → {margin_after} ({change})",
    },
    "opt_cli_hospital_fixed": {
        "nl": "vaste dienstkosten {fixed_before} → {fixed_after}, waarde vrijgekomen OK-tijd "
        "{backfill}",
        "en": "fixed service costs {fixed_before} → {fixed_after}, value of freed OR time "
        "{backfill}",
    },
    "opt_cli_region": {
        "nl": "Regio: marge {change}, {cases} patiënten verplaatst, {new} nieuwe afspraken",
        "en": "Region: margin {change}, {cases} cases moved, {new} new agreements",
    },
    "opt_cli_care_forms": {
        "nl": "ziekenhuizen per zorgvorm (voor → na):",
        "en": "hospitals per care form (before → after):",
    },
    "opt_cli_travel": {
        "nl": "Reistijd van verplaatste patiënten: {further} reizen verder, gemiddeld {average} "
        "en hoogstens {maximum} minuten extra; {closer} komen dichter bij huis; {over_30} meer "
        "dan 30 en {over_60} meer dan 60 minuten extra",
        "en": "Travel of moved patients: {further} travel further, on average {average} and at "
        "most {maximum} extra minutes; {closer} come closer to home; {over_30} more than 30 "
        "and {over_60} more than 60 extra minutes",
    },
    "sheet_moves": {"nl": "Verschuivingen", "en": "Moves"},
    "sheet_hospitals": {"nl": "Ziekenhuizen", "en": "Hospitals"},
    "sheet_region": {"nl": "Regio", "en": "Region"},
    "sheet_care_forms": {"nl": "Zorgvormen", "en": "Care forms"},
    "col_item": {"nl": "onderdeel", "en": "item"},
    "col_value": {"nl": "waarde", "en": "value"},
    "col_care_form_id": {"nl": "zorgvorm", "en": "care form"},
    "col_sending_hospital": {"nl": "verwijzend ziekenhuis", "en": "sending hospital"},
    "col_performing_hospital": {"nl": "uitvoerend ziekenhuis", "en": "performing hospital"},
    "col_cases": {"nl": "patiënten", "en": "cases"},
    "col_cases_before": {"nl": "patiënten voor", "en": "cases before"},
    "col_cases_after": {"nl": "patiënten na", "en": "cases after"},
    "col_travel_minutes": {"nl": "reistijd (min)", "en": "travel (min)"},
    "col_extra_minutes": {"nl": "extra reistijd (min)", "en": "extra travel (min)"},
    "col_agreement": {"nl": "afspraak", "en": "agreement"},
    "col_margin_sending_cents": {"nl": "marge-effect verwijzer", "en": "margin effect sender"},
    "col_margin_performing_cents": {
        "nl": "marge-effect uitvoerder",
        "en": "margin effect performer",
    },
    "col_hospital_id": {"nl": "ziekenhuis", "en": "hospital"},
    "col_hospitals_before": {"nl": "ziekenhuizen voor", "en": "hospitals before"},
    "col_hospitals_after": {"nl": "ziekenhuizen na", "en": "hospitals after"},
    "col_cases_moved": {"nl": "patiënten verplaatst", "en": "cases moved"},
    "col_cases_moved_new": {
        "nl": "patiënten onder nieuwe afspraken",
        "en": "cases under new agreements",
    },
    "col_new_agreements": {"nl": "nieuwe afspraken", "en": "new agreements"},
    "col_margin_change_cents": {
        "nl": "margeverandering regio (€)",
        "en": "margin change of the region (€)",
    },
    "col_average_extra_minutes": {
        "nl": "gemiddelde extra reistijd (min)",
        "en": "average extra travel (min)",
    },
    "col_max_extra_minutes": {
        "nl": "maximale extra reistijd (min)",
        "en": "largest extra travel (min)",
    },
    "col_cases_over_30": {"nl": "patiënten > 30 min extra", "en": "cases > 30 min extra"},
    "col_cases_further": {"nl": "patiënten die verder reizen", "en": "patients travelling further"},
    "col_cases_closer": {"nl": "patiënten dichter bij huis", "en": "patients closer to home"},
    "col_left": {"nl": "uit ziekenhuis", "en": "from hospital"},
    "col_or_minutes_freed": {"nl": "OK-minuten vrij (van)", "en": "OR minutes freed (from)"},
    "col_or_minutes_used": {"nl": "OK-minuten nodig (naar)", "en": "OR minutes used (to)"},
    "col_efficiency_minutes": {"nl": "OK-minuten bespaard", "en": "OR minutes saved"},
    "col_efficiency_cents": {
        "nl": "variabele kosten bespaard (€)",
        "en": "variable cost saved (€)",
    },
    "opt_cli_efficiency": {
        "nl": "  doelmatigheid: {minutes} OK-minuten en {amount_cents} variabele kosten bespaard "
        "doordat patiënten naar een doelmatiger ziekenhuis gaan",
        "en": "  efficiency: {minutes} OR minutes and {amount_cents} variable cost saved by "
        "patients going to a more efficient hospital",
    },
    "col_reasons": {"nl": "waarom", "en": "why"},
    "col_or_ceiling": {"nl": "OK-plafond", "en": "OR ceiling"},
    "col_bed_ceiling": {"nl": "beddenplafond", "en": "bed ceiling"},
    "col_agreement_id": {"nl": "afspraak", "en": "agreement"},
    "sheet_changed_agreements": {"nl": "Gewijzigde afspraken", "en": "Changed agreements"},
    "col_cases_over_60": {"nl": "patiënten > 60 min extra", "en": "cases > 60 min extra"},
    "col_cases_change": {"nl": "patiënten verschil", "en": "cases change"},
    "col_or_minutes_before": {"nl": "OK-minuten voor", "en": "OR minutes before"},
    "col_or_minutes_after": {"nl": "OK-minuten na", "en": "OR minutes after"},
    "col_or_minutes_change": {"nl": "OK-minuten verschil", "en": "OR minutes change"},
    "col_bed_days_before": {"nl": "beddagen voor", "en": "bed-days before"},
    "col_bed_days_after": {"nl": "beddagen na", "en": "bed-days after"},
    "col_bed_days_change": {"nl": "beddagen verschil", "en": "bed-days change"},
    "col_norms_met_before": {"nl": "normen gehaald voor", "en": "norms met before"},
    "col_norms_met_after": {"nl": "normen gehaald na", "en": "norms met after"},
    "col_norms_met_change": {"nl": "normen gehaald verschil", "en": "norms met change"},
    "col_norms_short_before": {"nl": "normen niet gehaald voor", "en": "norms short before"},
    "col_norms_short_after": {"nl": "normen niet gehaald na", "en": "norms short after"},
    "col_norms_short_change": {"nl": "normen niet gehaald verschil", "en": "norms short change"},
    "col_revenue_cents_before": {"nl": "omzet voor", "en": "revenue before"},
    "col_revenue_cents_after": {"nl": "omzet na", "en": "revenue after"},
    "col_revenue_cents_change": {"nl": "omzet verschil", "en": "revenue change"},
    "col_settlement_cents_before": {"nl": "verrekening voor", "en": "settlement before"},
    "col_settlement_cents_after": {"nl": "verrekening na", "en": "settlement after"},
    "col_settlement_cents_change": {"nl": "verrekening verschil", "en": "settlement change"},
    "col_variable_cost_cents_before": {"nl": "variabele kosten voor", "en": "variable cost before"},
    "col_variable_cost_cents_after": {"nl": "variabele kosten na", "en": "variable cost after"},
    "col_variable_cost_cents_change": {
        "nl": "variabele kosten verschil",
        "en": "variable cost change",
    },
    "col_fixed_cost_cents_before": {
        "nl": "vaste dienstkosten voor",
        "en": "fixed service costs before",
    },
    "col_fixed_cost_cents_after": {
        "nl": "vaste dienstkosten na",
        "en": "fixed service costs after",
    },
    "col_fixed_cost_cents_change": {
        "nl": "vaste dienstkosten verschil",
        "en": "fixed service costs change",
    },
    "col_backfill_cents_before": {
        "nl": "waarde vrijgekomen OK-tijd voor",
        "en": "value of freed OR time before",
    },
    "col_backfill_cents_after": {
        "nl": "waarde vrijgekomen OK-tijd na",
        "en": "value of freed OR time after",
    },
    "col_backfill_cents_change": {
        "nl": "waarde vrijgekomen OK-tijd verschil",
        "en": "value of freed OR time change",
    },
    "col_margin_cents_before": {"nl": "marge voor", "en": "margin before"},
    "col_margin_cents_after": {"nl": "marge na", "en": "margin after"},
    "col_margin_cents_change": {"nl": "marge verschil", "en": "margin change"},
    # the optimizer's and scenario's workbooks: sheets, summary, headers and values
    "opt_sheet_summary": {"nl": "Samenvatting", "en": "Summary"},
    "opt_sheet_problems": {"nl": "Knelpunten", "en": "Problems"},
    "opt_sheet_proposals": {"nl": "Voorstellen", "en": "Proposals"},
    "opt_sheet_flows": {"nl": "Stromen", "en": "Flows"},
    "opt_sheet_capacity": {"nl": "Capaciteit", "en": "Capacity"},
    "opt_sheet_norms": {"nl": "Normen", "en": "Norms"},
    "opt_sheet_money": {"nl": "Geld", "en": "Money"},
    "opt_sheet_shadow_prices": {"nl": "Schaduwprijzen", "en": "Shadow prices"},
    "opt_summary_status": {"nl": "uitkomst", "en": "outcome"},
    "opt_summary_objective": {"nl": "doelfunctie", "en": "objective"},
    "opt_summary_gap": {"nl": "optimaliteitsmarge", "en": "optimality gap"},
    "opt_summary_solver": {"nl": "oplosser", "en": "solver"},
    "opt_summary_variables": {"nl": "variabelen", "en": "variables"},
    "opt_summary_constraints": {"nl": "restricties", "en": "constraints"},
    "opt_summary_build": {"nl": "bouwtijd (s)", "en": "build time (s)"},
    "opt_summary_solve": {"nl": "oplostijd (s)", "en": "solve time (s)"},
    "opt_status_optimal": {"nl": "optimaal", "en": "optimal"},
    "opt_status_optimal_with_proposals": {
        "nl": "optimaal met nieuwe afspraken",
        "en": "optimal with new agreements",
    },
    "opt_status_time_limit": {"nl": "tijdslimiet bereikt", "en": "time limit reached"},
    "opt_status_not_solved": {"nl": "niet opgelost", "en": "not solved"},
    "opt_status_infeasible": {"nl": "geen oplossing", "en": "no solution"},
    "opt_constraint_or_capacity": {"nl": "OK-capaciteit", "en": "OR capacity"},
    "opt_constraint_bed_capacity": {"nl": "beddagen", "en": "bed-days"},
    "opt_unit_or_capacity": {"nl": "per OK-minuut", "en": "per OR minute"},
    "opt_unit_bed_capacity": {"nl": "per beddag", "en": "per bed-day"},
    "col_new": {"nl": "onder nieuwe afspraak", "en": "under a new agreement"},
    "col_problem": {"nl": "knelpunt", "en": "problem"},
    "col_change": {"nl": "wat moet veranderen", "en": "what would have to change"},
    "col_constraint": {"nl": "restrictie", "en": "constraint"},
    "col_dual": {"nl": "schaduwprijs", "en": "shadow price"},
    "col_unit": {"nl": "eenheid", "en": "unit"},
    "col_norm": {"nl": "norm", "en": "norm"},
    "col_or_minutes_available": {"nl": "OK-minuten beschikbaar", "en": "OR minutes available"},
    "col_bed_days_available": {"nl": "beddagen beschikbaar", "en": "bed-days available"},
}
_STATES = {
    "": {"nl": "", "en": ""},
    "_before": {"nl": " voor", "en": " before"},
    "_after": {"nl": " na", "en": " after"},
    "_change": {"nl": " verschil", "en": " change"},
}
_MEASURES = {
    "or_minutes_used": {"nl": "OK-minuten gebruikt", "en": "OR minutes used"},
    "or_utilisation": {"nl": "OK-bezetting", "en": "OR utilisation"},
    "bed_days_used": {"nl": "beddagen gebruikt", "en": "bed-days used"},
    "bed_utilisation": {"nl": "beddenbezetting", "en": "bed utilisation"},
    "meets_norm": {"nl": "norm gehaald", "en": "norm met"},
    "odv_net_cents": {"nl": "ODV netto", "en": "ODV net"},
    "secondment_net_cents": {"nl": "detachering netto", "en": "secondment net"},
    "revenue_cents": {"nl": "omzet", "en": "revenue"},
    "settlement_cents": {"nl": "verrekening", "en": "settlement"},
    "variable_cost_cents": {"nl": "variabele kosten", "en": "variable cost"},
    "fixed_cost_cents": {"nl": "vaste dienstkosten", "en": "fixed service costs"},
    "backfill_cents": {"nl": "waarde vrijgekomen OK-tijd", "en": "value of freed OR time"},
    "margin_cents": {"nl": "marge", "en": "margin"},
}
# a measure before, after and its change (``or_utilisation_after``: "OK-bezetting na")
for _measure, _words in _MEASURES.items():
    for _suffix, _state in _STATES.items():
        TEXTS.setdefault(
            f"col_{_measure}{_suffix}",
            {lang: _words[lang] + _state[lang] for lang in ("nl", "en")},
        )
