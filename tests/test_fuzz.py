"""The input path under random mutation of the sample workbook (fixed seed; see tests/fuzzing.py).

Every mutant ends in a valid workbook or located findings — never another exception; valid mutants
are settled and run as a scenario with their invariants and JSON checked. ``make fuzz`` runs a
larger campaign with every valid mutant settled.
"""

from __future__ import annotations

from tests.fuzzing import run

# ~0,15 s of CPU to validate a mutant, ~1,2 s to settle one: ~25 s in all (``make fuzz`` runs
# 2000 mutants from another seed and settles every valid one)
MUTANTS = 120
SETTLED = 6  # of 22 valid mutants
FILES_EVERY = 40  # 3 mutants go through a CSV folder with a Parquet file


def test_mutants_of_the_sample_never_reach_an_internal_error():
    outcomes = run(MUTANTS, seed=20251123, settle_at_most=SETTLED, files_every=FILES_EVERY)
    assert len(outcomes) == MUTANTS
    valid = [o for o in outcomes if o.valid]
    # the campaign must exercise both roads: rejected mutants and mutants that settle
    assert 0 < len(valid) < MUTANTS
    assert sum(o.settled for o in outcomes) == SETTLED
