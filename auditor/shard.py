"""CI shards: a run's work split over N machines and joined again into one run.

The work is its units, one walk each: store × persona × run. `--shard I/N` walks the units
that fall to shard I, each saved as a journey of its own (so no evidence is folded away),
with the plan every shard shares: who made it, the stores, the journeys' digest, the runs,
and which unit fell to which shard. `auditor merge` checks that the shards belong together
and that every unit is there exactly once, then folds and judges them as one run would:
gates and the baseline comparison over the whole. Units are shared out longest first, each
to the shard with the least work so far, by the journeys' last durations in the history
when it has them: deterministic, so shards that read the same history plan the same.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.errors import AuditorError
from auditor.judge import evidence_of
from auditor.model import Journey, JourneyEvidence, RunResult

STEP_GUESS_MS = 4000  # a step's time when no history knows the journey


@dataclass(frozen=True)
class Shard:
    number: int  # 1-based, as people count
    of: int

    def __str__(self) -> str:
        return f"{self.number}/{self.of}"


@dataclass(frozen=True, order=True)
class Unit:
    """One walk of a run's work: the plan's journey (store × persona) and its run, written
    "journey.run" in shard plans and the fleet's ledger."""

    journey: int
    run: int

    def __str__(self) -> str:
        return f"{self.journey}.{self.run}"

    @classmethod
    def parse(cls, text: str) -> Unit:
        journey, run = text.split(".")
        return cls(int(journey), int(run))


def grouped(walks: dict[str, JourneyEvidence]) -> list[list[JourneyEvidence]]:
    """Walks by unit → each journey's walks, journeys and runs in plan order."""
    by_journey: dict[int, list[JourneyEvidence]] = {}
    for unit in sorted(walks, key=Unit.parse):
        by_journey.setdefault(Unit.parse(unit).journey, []).append(walks[unit])
    return list(by_journey.values())


def parse_shard(text: str) -> Shard:
    """'2/3' → Shard(2, 3); a one-line error for anything else."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise AuditorError(f"--shard '{text}': give I/N with 1 ≤ I ≤ N, e.g. --shard 2/3")
    return Shard(int(match[1]), int(match[2]))


def journeys_digest(journeys: list[Journey]) -> str:
    """What the scenario files said, in one hash: two shards given other files differ."""
    return hashlib.sha256("\n".join(repr(j) for j in journeys).encode()).hexdigest()[:16]


def share_out(tasks: list[tuple[str, int]], runs: int, shards: int,
              durations: dict[str, float]) -> dict[str, int]:
    """Each unit ('task.run') → its shard (1-based). `tasks`: (journey key, steps) in plan
    order; a journey's expected time is its last recorded duration, else a guess by steps."""
    units = [(Unit(t, r), durations.get(key) or steps * STEP_GUESS_MS)
             for t, (key, steps) in enumerate(tasks) for r in range(runs)]
    load = [0.0] * shards
    owner: dict[Unit, int] = {}
    for unit, expected in sorted(units, key=lambda u: (-u[1], u[0])):
        lightest = min(range(shards), key=lambda s: (load[s], s))
        load[lightest] += expected
        owner[unit] = lightest + 1
    return {str(unit): owner[unit] for unit in sorted(owner)}


def plan_of(shard: Shard, identity: dict[str, Any], owner: dict[str, int]) -> dict[str, Any]:
    """What a shard's results.json says of the run it is part of."""
    return {"shard": str(shard), "of": shard.of, "number": shard.number,
            "identity": identity, "units": owner, "walked": []}


def merge_runs(saved: list[tuple[Path, RunResult]]
               ) -> tuple[list[list[JourneyEvidence]], dict[str, Any]]:
    """The walks of every unit, grouped by journey in plan order (screenshots re-pathed into
    shard-I/), from shards that belong together; the shared identity. One-line errors."""
    if not saved:
        raise AuditorError("auditor merge: give the results.json of every shard")
    plans = []
    for path, run in saved:
        if not run.shard:
            raise AuditorError(f"{path}: not a shard's result (made without --shard)")
        if run.incomplete:
            raise AuditorError(f"{path}: shard {run.shard['shard']} was interrupted; run it "
                               "again before merging")
        plans.append((path, run.shard))
    first_path, first = plans[0]
    for path, plan in plans[1:]:
        _same(first_path, first, path, plan)
    numbers = sorted(plan["number"] for _, plan in plans)
    missing = sorted(set(range(1, first["of"] + 1)) - set(numbers))
    if missing or len(numbers) != len(set(numbers)):
        twice = sorted({n for n in numbers if numbers.count(n) > 1})
        raise AuditorError(f"auditor merge: shards of {first['of']}: "
                           + (f"missing {', '.join(map(str, missing))}" if missing else
                              f"shard {twice[0]} given twice") + "; give each shard once")
    units: dict[str, JourneyEvidence] = {}
    for (_, run), (_, plan) in zip(saved, plans, strict=True):
        for unit, journey in zip(plan["walked"], run.journeys, strict=True):
            units[unit] = repathed(evidence_of(journey), f"shard-{plan['number']}")
    lost = [u for u in first["units"] if u not in units]
    if lost:
        raise AuditorError(f"auditor merge: {len(lost)} walk(s) are in no shard (first: "
                           f"journey {lost[0]}); was a shard interrupted?")
    return grouped(units), first["identity"]


def _same(path_a: Path, a: dict[str, Any], path_b: Path, b: dict[str, Any]) -> None:
    """Shards belong together when one version made them of the same stores, journeys and
    runs, with the same share of the work."""
    ia, ib = a["identity"], b["identity"]
    for key, what in (("tool_version", "auditor version"), ("stores", "stores"),
                      ("journeys", "scenario files (personas and journeys)"),
                      ("runs", "--runs")):
        if ia.get(key) != ib.get(key):
            raise AuditorError(f"auditor merge: {path_b} differs from {path_a} in its {what} "
                               f"({ib.get(key)} against {ia.get(key)}); merge shards of one "
                               "run only")
    if a["of"] != b["of"] or a["units"] != b["units"]:
        raise AuditorError(f"auditor merge: {path_b} and {path_a} shared the work out "
                           "differently (other shard counts, or they read other history "
                           "databases); run every shard with the same --shard N and --history")


def repathed(walk: JourneyEvidence, folder: str) -> JourneyEvidence:
    """The walk with its screenshots and filmstrips found under `folder`/ of a joined run's
    report (a shard's, a fleet walk's)."""
    steps = [replace(s, screenshot=f"{folder}/{s.screenshot}" if s.screenshot else None,
                     filmstrip=[{**f, "path": f"{folder}/{f['path']}"} for f in s.filmstrip])
             for s in walk.steps]
    return replace(walk, steps=steps)


def identity_of(journeys: list[Journey], stores: list[str], runs: int) -> dict[str, Any]:
    return {"tool_version": __version__, "stores": stores,
            "journeys": journeys_digest(journeys), "runs": runs}
