"""Small statistics for repeated runs: medians, spreads and the Mann–Whitney U test.

With n runs a side the exact test's smallest p-values are, two-sided / one-sided: 3 against
3: 0.1 / 0.05; 4 against 4: 0.029 / 0.014. So from TESTABLE_RUNS a side a change can be
told from noise at 5 %; below that no test can, and the medians decide alone.
"""

from __future__ import annotations

import math
from itertools import combinations
from statistics import median

EXACT_UP_TO = 18  # total samples up to which the p-value is computed exactly
SIGNIFICANT = 0.05  # p-value below which a difference between repeated runs is real
TESTABLE_RUNS = 4  # runs a side from which the exact test can reach SIGNIFICANT


def _u(a: list[float], b: list[float]) -> float:
    """U statistic of `a` against `b`, ties counting one half."""
    return sum(1.0 if x > y else 0.5 if x == y else 0.0 for x in a for y in b)


def mann_whitney_p(a: list[float], b: list[float], lower: bool = False) -> float:
    """p-value that `a` and `b` come from the same distribution: two-sided, or with
    `lower` one-sided, against `a` being lower than `b` (the question a regression asks).

    Exact (all relabellings of the pooled samples) for small samples, which is what a few
    CI runs give; the normal approximation with tie correction above that.
    """
    n1, n2 = len(a), len(b)
    if not n1 or not n2:
        return 1.0
    observed = _u(a, b)
    centre = n1 * n2 / 2

    def as_extreme(u: float) -> bool:
        if lower:
            return u <= observed + 1e-9
        return abs(u - centre) >= abs(observed - centre) - 1e-9

    if n1 + n2 <= EXACT_UP_TO:
        pooled = a + b
        extreme = total = 0
        for picked in combinations(range(n1 + n2), n1):
            chosen = set(picked)
            first = [pooled[i] for i in picked]
            rest = [pooled[i] for i in range(n1 + n2) if i not in chosen]
            total += 1
            extreme += as_extreme(_u(first, rest))
        return extreme / total
    pooled = sorted(a + b)
    ties = sum(c ** 3 - c for c in (pooled.count(v) for v in set(pooled)))
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    if sigma == 0:
        return 1.0
    if lower:
        z = (centre - observed - 0.5) / sigma
        return 0.5 * math.erfc(z / math.sqrt(2))
    z = (abs(observed - centre) - 0.5) / sigma
    return math.erfc(max(z, 0) / math.sqrt(2))


def spread(values: list[float]) -> dict[str, float]:
    """Median, minimum and maximum, rounded for the report."""
    return {"median": round(median(values), 1), "min": round(min(values), 1),
            "max": round(max(values), 1)}
