"""Geometry for the emotion lane and the score history: plain numbers the template draws."""

from __future__ import annotations

from typing import Any

from auditor.model import EMOTIONS, StepResult

LANE_LEVEL = 100 / len(EMOTIONS)  # the emotion lane's height, in % of its cell, per level


def lane(steps: list[StepResult]) -> list[dict[str, Any]]:
    """The emotion lane drawn inside the map's own columns: for each step, where her face
    sits (% from the top of the cell) and the half-lines to the middle of the cell
    boundary with each neighbour, for what she felt and for the ideal journey; a step
    measured after she left has no line."""
    def y(emotion: str) -> float:
        return round(LANE_LEVEL * (len(EMOTIONS) - 1 - EMOTIONS.index(emotion) + 0.5), 1)

    felt = [None if s.after_dropoff else y(s.emotion) for s in steps]
    ideal = [y(s.evidence.expected) for s in steps]
    out = []
    for i, here in enumerate(felt):
        before = felt[i - 1] if i > 0 else None
        after = felt[i + 1] if i + 1 < len(felt) else None
        out.append({
            "y": here, "ideal": ideal[i],
            "left": None if here is None or before is None else round((before + here) / 2, 1),
            "right": None if here is None or after is None else round((after + here) / 2, 1),
            "ideal_left": round((ideal[i - 1] + ideal[i]) / 2, 1) if i > 0 else None,
            "ideal_right": (round((ideal[i + 1] + ideal[i]) / 2, 1)
                            if i + 1 < len(ideal) else None),
        })
    return out


SPARK_PAD = 16


def sparkline(runs: list[dict[str, Any]], width: int, height: int) -> list[dict[str, Any]]:
    """Each run as a point: x by its place, y by its score (0 at the bottom, 100 at the top)."""
    step = (width - 2 * SPARK_PAD) / max(1, len(runs) - 1)
    tall = height - 2 * SPARK_PAD
    return [{"x": round(SPARK_PAD + step * i, 1),
             "y": round(SPARK_PAD + tall * (1 - (r["score"] or 0) / 100), 1), **r}
            for i, r in enumerate(runs)]
