"""Small statistics for repeated runs: medians, spreads and the Mann–Whitney U test."""

from __future__ import annotations

import math
from itertools import combinations
from statistics import median

EXACT_UP_TO = 18  # total samples up to which the p-value is computed exactly


def _u(a: list[float], b: list[float]) -> float:
    """U statistic of `a` against `b`, ties counting one half."""
    return sum(1.0 if x > y else 0.5 if x == y else 0.0 for x in a for y in b)


def mann_whitney_p(a: list[float], b: list[float]) -> float:
    """Two-sided p-value that `a` and `b` come from the same distribution.

    Exact (all relabellings of the pooled samples) for small samples, which is what a few
    CI runs give; the normal approximation with tie correction above that.
    """
    n1, n2 = len(a), len(b)
    if not n1 or not n2:
        return 1.0
    observed = _u(a, b)
    centre = n1 * n2 / 2
    if n1 + n2 <= EXACT_UP_TO:
        pooled = a + b
        extreme = total = 0
        for picked in combinations(range(n1 + n2), n1):
            chosen = set(picked)
            first = [pooled[i] for i in picked]
            rest = [pooled[i] for i in range(n1 + n2) if i not in chosen]
            total += 1
            if abs(_u(first, rest) - centre) >= abs(observed - centre) - 1e-9:
                extreme += 1
        return extreme / total
    pooled = sorted(a + b)
    ties = sum(c ** 3 - c for c in (pooled.count(v) for v in set(pooled)))
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    if sigma == 0:
        return 1.0
    z = (abs(observed - centre) - 0.5) / sigma
    return math.erfc(max(z, 0) / math.sqrt(2))


def spread(values: list[float]) -> dict[str, float]:
    """Median, minimum and maximum, rounded for the report."""
    return {"median": round(median(values), 1), "min": round(min(values), 1),
            "max": round(max(values), 1)}
