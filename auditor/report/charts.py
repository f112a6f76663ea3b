"""Geometry for the emotion curves: plain numbers that the template draws as SVG."""

from __future__ import annotations

from typing import Any

from auditor.model import EMOTIONS, StepResult

ROW = 34  # vertical distance between two emotion levels
PAD_X, PAD_TOP, LABEL_W = 36, 24, 70


def curve(steps: list[StepResult], abandoned_at: int | None, spacing: int = 84) -> dict[str, Any]:
    """Points for one persona's curve, the emotion levels as rows, and the drop-off line."""
    n = max(1, len(steps))
    width = LABEL_W + PAD_X * 2 + spacing * (n - 1)
    height = PAD_TOP * 2 + ROW * (len(EMOTIONS) - 1) + 20
    points = []
    for i, step in enumerate(steps):
        x = LABEL_W + PAD_X + spacing * i
        # A step measured after the persona left was not felt: it sits below the levels.
        y = _y(EMOTIONS[0]) + ROW // 2 if step.after_dropoff else _y(step.emotion)
        points.append({"x": x, "y": y, "emotion": step.emotion,
                       "name": step.evidence.name, "number": i + 1,
                       "after": step.after_dropoff, "failed": step.evidence.status == "failed"})
    dropoff = None
    if abandoned_at is not None and abandoned_at < len(steps):
        dropoff = LABEL_W + PAD_X + spacing * abandoned_at + spacing // 2
    return {"width": width, "height": height, "points": points, "dropoff": dropoff,
            "levels": [{"y": _y(e), "emotion": e} for e in EMOTIONS],
            "before": " ".join(f"{p['x']},{p['y']}" for p in points if not p["after"]),
            # The ideal journey: the emotion the team expects at each step, as a dashed line.
            "ideal": " ".join(f"{p['x']},{_y(s.evidence.expected)}"
                              for p, s in zip(points, steps, strict=True)),
            "bottom": height - 8}


def overlay(series: list[tuple[str, list[StepResult]]], spacing: int = 84) -> dict[str, Any]:
    """Several curves on one chart, for side-by-side comparison."""
    n = max((len(steps) for _, steps in series), default=1)
    base = curve([], None, spacing)
    width = LABEL_W + PAD_X * 2 + spacing * (max(n, 1) - 1)
    lines = []
    for k, (label, steps) in enumerate(series):
        pts = [(LABEL_W + PAD_X + spacing * i, _y(s.emotion) + (k * 4 - 2)) for i, s in
               enumerate(steps)]
        lines.append({"label": label, "index": k,
                      "polyline": " ".join(f"{x},{y}" for x, y in pts),
                      "points": [{"x": x, "y": y, "emotion": s.emotion}
                                 for (x, y), s in zip(pts, steps, strict=True)]})
    return {**base, "width": width, "lines": lines}


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


def _y(emotion: str) -> int:
    return PAD_TOP + ROW * (len(EMOTIONS) - 1 - EMOTIONS.index(emotion))


SPARK_PAD = 16


def sparkline(runs: list[dict[str, Any]], width: int, height: int) -> list[dict[str, Any]]:
    """Each run as a point: x by its place, y by its score (0 at the bottom, 100 at the top)."""
    step = (width - 2 * SPARK_PAD) / max(1, len(runs) - 1)
    tall = height - 2 * SPARK_PAD
    return [{"x": round(SPARK_PAD + step * i, 1),
             "y": round(SPARK_PAD + tall * (1 - (r["score"] or 0) / 100), 1), **r}
            for i, r in enumerate(runs)]
