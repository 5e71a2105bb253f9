"""The registration settlement written in DuckDB SQL: the reference ``make bench`` measures the
product against (same folder, same year, same totals to the cent).

It reads the CSV sheets and ``registrations.parquet`` of a benchmark region and computes what
``calculator.settle`` computes from registrations (docs/settlement.md, Registrations to
Netting): insurer revenue of the declared DBCs of the year (benchmark of the start year,
indexed where missing, × the insurer's price factor, rounded half-up once per unit; an insurer
without a contract, or none, = the hospital's share-weighted factor), caps, ODV rows matched
one-to-one to the partner's declared DBC whose period holds the ODV start (earliest ODV first),
ODV and secondment lines of the agreement valid on that date, the secondment of pairs of
overlapping DBCs at two hospitals (the performer holds the intervention; a parallel agreement, or
a referral with diagnostics at the sending hospital; one case per performer DBC), and the net
position per hospital. The settlement year of a registration is that of its start date (the
schadelastjaar).
Input validation is not repeated: the region is known to be valid.

It runs as a process of its own that imports only DuckDB and the standard library
(``python -m benchmarks.duckdb_process FOLDER YEAR THREADS``), so the benchmark compares whole
processes fairly; ``settle_sql`` reports how its time splits (reading the files into tables, the
settlement itself).

The few ODV rows that compete for one declared DBC are matched by the sequential rule in Python,
as the product does; every other step is SQL.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

# Columns read as exact decimals, as the product reads them into Decimal (EUR, factors).
TYPES = {
    "products": {"product_code": "VARCHAR"},
    "prices": {"product_code": "VARCHAR", "year": "INTEGER", "benchmark_price": "DECIMAL(18,2)"},
    "indexation": {"year": "INTEGER", "rate": "DECIMAL(18,9)"},
    "insurer_contracts": {
        "year": "INTEGER",
        "share": "DECIMAL(18,9)",
        "price_factor": "DECIMAL(18,9)",
        "revenue_cap": "DECIMAL(18,2)",
        "overcap_rate": "DECIMAL(18,9)",
    },
    "agreements": {
        "odv_price_share": "DECIMAL(18,9)",
        "odv_fixed_price": "DECIMAL(18,2)",
        "secondment_hours_per_case": "DECIMAL(18,9)",
        "secondment_rate": "DECIMAL(18,2)",
        "valid_from": "DATE",
        "valid_to": "DATE",
    },
    "hospitals": {},
}

REGISTRATIONS = """
CREATE TABLE regs AS
SELECT row_number() OVER () - 1 AS pos, r.dbc_id, r.patient_id, r.hospital_id, r.product_code,
       nullif(r.insurer, '') AS insurer, CAST(r.start_date AS DATE) AS start_date,
       CAST(r.end_date AS DATE) AS end_date, coalesce(r.odv, false) AS odv,
       r.partner_hospital, p.care_form_id, p.component,
       year(r.start_date) AS settlement_year, year(r.start_date) AS price_year
FROM read_parquet(?) r LEFT JOIN products p USING (product_code)
"""

# Benchmark price of every (product, year) asked for: the year's own price, else the last earlier
# price indexed year by year (rounded half-up to cents each year).
PRICES = """
CREATE TABLE price AS
WITH RECURSIVE idx(product_code, year, price) AS (
    SELECT product_code, year, benchmark_price FROM prices
    UNION ALL
    SELECT i.product_code, i.year + 1,
           CAST(round(i.price * (1 + x.rate), 2) AS DECIMAL(18,2))
    FROM idx i JOIN indexation x ON x.year = i.year + 1
    WHERE i.year + 1 <= (SELECT max(price_year) FROM regs)
      AND NOT EXISTS (SELECT 1 FROM prices p
                      WHERE p.product_code = i.product_code AND p.year = i.year + 1)
)
SELECT product_code, year, price FROM idx
"""

CONTRACTS = """
CREATE TABLE contracts AS
SELECT hospital_id, insurer, share, price_factor, revenue_cap, coalesce(overcap_rate, 0) AS rate
FROM insurer_contracts WHERE year = $year
UNION ALL
SELECT hospital_id, '(all)', 1, 1, NULL, 0 FROM hospitals
WHERE hospital_id NOT IN (SELECT hospital_id FROM insurer_contracts WHERE year = $year)
"""

# Insurer revenue of the DBCs closed in the year, priced once per (product, price year, factor).
# A DBC of a contracted insurer pays benchmark × its factor; one of an insurer without a contract,
# or without an insurer at a hospital with several contracts, pays benchmark × the hospital's
# share-weighted factor under (overig); a blank insurer at a hospital with one contract is that
# contract's. Shares are normalised to 1 in the product; the benchmark region's sum to exactly 1.
REVENUE = """
CREATE TABLE declared AS
WITH weighted AS (
    SELECT hospital_id, sum(share * price_factor) AS factor, count(*) AS contracts,
           any_value(insurer) AS only_insurer
    FROM contracts GROUP BY 1
),
items AS (
    SELECT r.hospital_id, r.product_code, r.price_year,
           CASE WHEN r.insurer IS NULL AND w.contracts = 1 THEN w.only_insurer
                ELSE r.insurer END AS insurer,
           count(*) AS n
    FROM regs r JOIN weighted w USING (hospital_id)
    WHERE NOT r.odv AND r.settlement_year = $year GROUP BY ALL
),
priced AS (
    SELECT i.hospital_id, coalesce(c.insurer, '(overig)') AS insurer, i.n,
           round(p.price * 100 * coalesce(c.price_factor, w.factor), 0) AS unit
    FROM items i JOIN weighted w USING (hospital_id)
    LEFT JOIN contracts c USING (hospital_id, insurer)
    JOIN price p ON p.product_code = i.product_code AND p.year = i.price_year
)
SELECT hospital_id, insurer, sum(n * unit) AS declared_cents FROM priced GROUP BY 1, 2
"""

CAPS = """
SELECT d.hospital_id, sum(d.declared_cents) AS declared,
       sum(CASE WHEN c.revenue_cap IS NULL OR d.declared_cents <= c.revenue_cap * 100
                THEN d.declared_cents
                ELSE c.revenue_cap * 100
                     + round((d.declared_cents - c.revenue_cap * 100) * c.rate, 0) END) AS paid
FROM declared d LEFT JOIN contracts c USING (hospital_id, insurer) GROUP BY 1
"""

CANDIDATES = """
CREATE TABLE cand AS
SELECT o.pos AS odv, d.pos AS declared, o.start_date AS odv_start, o.dbc_id AS odv_dbc,
       d.start_date, d.dbc_id
FROM regs o JOIN regs d
  ON d.patient_id = o.patient_id AND d.care_form_id = o.care_form_id
 AND d.hospital_id = o.partner_hospital
WHERE o.odv AND NOT d.odv AND d.start_date <= o.start_date AND o.start_date <= d.end_date
"""

UNCONTESTED = """
CREATE TABLE matched AS
WITH wanted AS (SELECT declared, count(*) AS n FROM cand GROUP BY 1),
contested AS (SELECT DISTINCT odv FROM cand JOIN wanted USING (declared) WHERE n > 1)
SELECT odv, arg_min(declared, (start_date, dbc_id)) AS declared FROM cand
WHERE odv NOT IN (SELECT odv FROM contested) GROUP BY odv
"""

CONTESTED = """
SELECT odv, declared FROM cand
WHERE odv IN (SELECT c.odv FROM cand c JOIN (SELECT declared FROM cand GROUP BY 1
                                             HAVING count(*) > 1) w USING (declared))
ORDER BY odv_start, odv_dbc, start_date, dbc_id
"""

VALID = """(a.valid_from <= {date} AND (a.valid_to IS NULL OR a.valid_to >= {date}))"""

LINES = f"""
CREATE TABLE lines AS
WITH m AS (
    SELECT r.* FROM regs r JOIN matched USING (pos) WHERE r.settlement_year = $year
),
odv AS (
    SELECT m.partner_hospital AS payer, m.hospital_id AS payee,
           coalesce(a.odv_fixed_price * 100,
                    round(p.price * coalesce(a.odv_price_share, 1) * 100, 0)) AS odv_unit,
           round(a.secondment_hours_per_case * a.secondment_rate * 100, 0) AS sec_unit
    FROM m JOIN agreements a
      ON a.care_form_id = m.care_form_id AND a.sending_hospital = m.partner_hospital
     AND a.performing_hospital = m.hospital_id AND {VALID.format(date="m.start_date")}
     AND a.mode = 'odv'
    JOIN price p ON p.product_code = m.product_code AND p.year = m.price_year
),
d AS (
    SELECT *, CASE component WHEN 'intervention' THEN 3 WHEN 'full' THEN 2 ELSE 1 END AS rank
    FROM regs WHERE NOT odv
),
pairs AS (  -- declared DBCs of one patient and care form at two hospitals, overlapping
    SELECT a.dbc_id AS dbc_a, b.dbc_id AS dbc_b, a.rank AS rank_a, b.rank AS rank_b,
           a.hospital_id AS ha, b.hospital_id AS hb, a.component AS ca, b.component AS cb,
           a.care_form_id, greatest(a.start_date, b.start_date) AS date,
           a.settlement_year AS ya, b.settlement_year AS yb
    FROM d a JOIN d b USING (patient_id, care_form_id)
    WHERE a.hospital_id <> b.hospital_id AND a.dbc_id < b.dbc_id
      AND a.start_date <= b.end_date AND b.start_date <= a.end_date
),
oriented AS (  -- the performer holds the higher-ranked DBC (intervention > full > the rest)
    SELECT care_form_id, date,
           CASE WHEN rank_a > rank_b THEN hb ELSE ha END AS s_hospital,
           CASE WHEN rank_a > rank_b THEN ha ELSE hb END AS p_hospital,
           CASE WHEN rank_a > rank_b THEN dbc_b ELSE dbc_a END AS s_dbc,
           CASE WHEN rank_a > rank_b THEN dbc_a ELSE dbc_b END AS p_dbc,
           CASE WHEN rank_a > rank_b THEN cb ELSE ca END AS s_component,
           CASE WHEN rank_a > rank_b THEN ca ELSE cb END AS p_component
    FROM pairs
    WHERE rank_a <> rank_b
      AND CASE WHEN rank_a > rank_b THEN ya ELSE yb END = $year
),
moved AS (  -- a parallel case (not both full) or a referral with diagnostics at S
    SELECT o.*, a.agreement_id,
           round(a.secondment_hours_per_case * a.secondment_rate * 100, 0) AS unit,
           row_number() OVER (PARTITION BY o.p_dbc ORDER BY o.s_dbc) AS nth
    FROM oriented o JOIN agreements a
      ON a.care_form_id = o.care_form_id AND a.sending_hospital = o.s_hospital
     AND a.performing_hospital = o.p_hospital AND {VALID.format(date="o.date")}
    WHERE (a.mode = 'parallel' AND NOT (o.s_component = 'full' AND o.p_component = 'full'))
       OR (a.mode = 'referral' AND o.s_component = 'diagnostics')
),
parallel AS (  -- one moved case per performer DBC; the performer pays the secondment
    SELECT p_hospital AS payer, s_hospital AS payee, unit FROM moved WHERE nth = 1
)
SELECT 'odv' AS kind, payer, payee, odv_unit AS amount FROM odv
UNION ALL SELECT 'secondment', payee, payer, sec_unit FROM odv WHERE sec_unit > 0
UNION ALL SELECT 'secondment', payer, payee, unit FROM parallel WHERE unit > 0
"""

SUMMARY = f"""
WITH caps AS ({CAPS}),
flows AS (
    SELECT payee AS hospital_id, kind, amount AS receivable, 0 AS payable FROM lines
    UNION ALL SELECT payer, kind, 0, amount FROM lines
)
SELECT h.hospital_id,
       CAST(coalesce(c.declared, 0) AS BIGINT) AS insurer_declared_cents,
       CAST(coalesce(c.paid, 0) AS BIGINT) AS insurer_paid_cents,
       CAST(coalesce(sum(f.receivable) FILTER (kind = 'odv'), 0) AS BIGINT)
           AS odv_receivable_cents,
       CAST(coalesce(sum(f.payable) FILTER (kind = 'odv'), 0) AS BIGINT) AS odv_payable_cents,
       CAST(coalesce(sum(f.receivable) FILTER (kind = 'secondment'), 0) AS BIGINT)
           AS secondment_receivable_cents,
       CAST(coalesce(sum(f.payable) FILTER (kind = 'secondment'), 0) AS BIGINT)
           AS secondment_payable_cents,
       CAST(coalesce(sum(f.receivable), 0) - coalesce(sum(f.payable), 0) AS BIGINT)
           AS net_position_cents
FROM hospitals h LEFT JOIN caps c USING (hospital_id) LEFT JOIN flows f USING (hospital_id)
GROUP BY ALL ORDER BY h.hospital_id
"""


def settle_sql(
    folder: Path, year: int, threads: int | None = None, seconds: dict[str, float] | None = None
) -> list[dict[str, object]]:
    """Per hospital (sorted): insurer declared and paid, ODV and secondment receivable and
    payable, net position [EUR cents] — the columns of the product's hospital summary.

    ``threads`` sets DuckDB's worker threads (default: DuckDB's own, one per core); ``seconds``,
    when given, receives ``read`` (the CSV sheets and the Parquet registrations loaded into
    tables) and ``settle`` (everything after) [s].
    """
    t0 = time.perf_counter()
    con = duckdb.connect(config={"threads": threads} if threads else {})
    for sheet, types in TYPES.items():
        typed = f", types = {types!r}" if types else ""
        con.execute(
            f"CREATE TABLE {sheet} AS SELECT * FROM read_csv(?, header = true{typed})",
            [str(folder / f"{sheet}.csv")],
        )
    con.execute(REGISTRATIONS, [str(folder / "registrations.parquet")])
    t1 = time.perf_counter()
    params = {"year": year}
    con.execute(PRICES)
    con.execute(CONTRACTS, params)
    uneven = con.execute("SELECT hospital_id FROM contracts GROUP BY 1 HAVING sum(share) <> 1")
    if uneven.fetchall():
        raise ValueError("the reference expects each hospital's insurer shares to sum to 1")
    con.execute(REVENUE, params)
    con.execute(CANDIDATES)
    con.execute(UNCONTESTED)
    taken: set[int] = set()
    done: set[int] = set()
    chosen = []
    for odv, declared in con.execute(CONTESTED).fetchall():  # the sequential rule
        if odv in done or declared in taken:
            continue
        taken.add(declared)
        done.add(odv)
        chosen.append((odv, declared))
    if chosen:
        con.executemany("INSERT INTO matched VALUES (?, ?)", chosen)
    con.execute("ALTER TABLE matched RENAME COLUMN odv TO pos")
    con.execute(LINES, params)
    cur = con.execute(SUMMARY)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    if seconds is not None:
        seconds.update(read=t1 - t0, settle=time.perf_counter() - t1)
    return rows
