"""CI shards: the work shared out the same way by every shard, the shards joined into one run
judged as a whole, and shards that do not belong together refused with the reason."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import images_that_load

from auditor.errors import AuditorError
from auditor.judge import judgement_of
from auditor.report import load_results
from auditor.shard import Shard, merge_runs, parse_shard, share_out

DEMO = Path(__file__).resolve().parent / "data" / "demo-schema-2.json"


def test_a_shard_is_i_of_n_or_a_one_line_error():
    assert parse_shard("2/3") == Shard(2, 3) and str(parse_shard(" 1 / 1 ")) == "1/1"
    for wrong in ("0/3", "4/3", "3", "a/b", ""):
        with pytest.raises(AuditorError, match="give I/N with 1 ≤ I ≤ N"):
            parse_shard(wrong)


def test_the_longest_journeys_are_shared_out_first_by_their_last_durations():
    tasks = [("store/a", 10), ("store/b", 10), ("store/c", 10)]
    durations = {"store/a": 60_000, "store/b": 20_000, "store/c": 30_000}
    owner = share_out(tasks, 2, 2, durations)
    assert owner == share_out(tasks, 2, 2, durations)  # every shard plans the same
    load = {1: 0, 2: 0}
    for unit, shard in owner.items():
        load[shard] += durations[tasks[int(unit.split(".")[0])][0]]
    assert load == {1: 110_000, 2: 110_000}  # 60, 60, 30, 30, 20, 20 split evenly
    assert set(share_out(tasks, 1, 2, {})).issuperset({"0.0", "1.0", "2.0"})


def _shards(saved, parts: list[list[int]]) -> list[tuple[Path, object]]:
    """The saved run cut into shards that walked the given journeys, as --shard writes them."""
    units = {f"{i}.0": n + 1 for n, part in enumerate(parts) for i in part}
    out = []
    for n, part in enumerate(parts):
        run = copy.deepcopy(saved)
        run.journeys = [saved.journeys[i] for i in part]
        run.shard = {"shard": f"{n + 1}/{len(parts)}", "of": len(parts), "number": n + 1,
                     "identity": {"tool_version": "0.3.0", "stores": ["x"], "journeys": "d",
                                  "runs": 1},
                     "units": units, "walked": [f"{i}.0" for i in part]}
        out.append((Path(f"shard-{n + 1}/results.json"), run))
    return out


def test_merged_shards_are_judged_as_the_run_they_were_cut_from():
    saved = load_results(DEMO)
    walks, identity = merge_runs(_shards(saved, [[0, 3], [1, 4], [2, 5]]))
    merged = judgement_of(saved)  # the whole run judged again, for the same figures
    again = [w[0] for w in walks]
    assert [(w.persona.id, w.site) for w in again] == [
        (j.persona.id, j.site) for j in merged.journeys]
    assert again[0].steps[0].screenshot.startswith("shard-1/")
    assert identity["runs"] == 1


@pytest.mark.parametrize(("change", "reason"), [
    (lambda s: s[1][1].shard["identity"].update(tool_version="9.9"), "auditor version"),
    (lambda s: s[1][1].shard["identity"].update(journeys="other"), "scenario files"),
    (lambda s: s[1][1].shard.update(units={}), "shared the work out differently"),
    (lambda s: s.pop(), "missing 3"),
    (lambda s: s.append(s[0]), "shard 1 given twice"),
    (lambda s: setattr(s[0][1], "shard", None), "not a shard's result"),
    (lambda s: setattr(s[2][1], "incomplete", True), "was interrupted"),
])
def test_shards_that_do_not_belong_together_are_refused_with_the_reason(change, reason):
    shards = _shards(load_results(DEMO), [[0, 3], [1, 4], [2, 5]])
    change(shards)
    with pytest.raises(AuditorError, match=reason):
        merge_runs(shards)


def auditor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True,
                          text=True, timeout=600)


@pytest.mark.slow
def test_three_shards_merged_give_the_unsharded_run(page, demo_store, tmp_path):
    """The flawed demo store walked whole and in 3 shards: the same journeys, outcomes and
    gates; the merged map shows every screenshot."""
    store = demo_store("slow-product=4", "broken-search").url
    quick = ("--fast-typing", "--dwell", "0", "--quiet", "--no-history")
    whole = auditor("run", store, *quick, "--out", str(tmp_path / "whole"))
    for n in (1, 2, 3):
        part = auditor("run", store, *quick,
                       "--shard", f"{n}/3", "--out", str(tmp_path / f"s{n}"))
        assert part.returncode == 0, part.stdout + part.stderr
    merged = auditor("merge", *(str(tmp_path / f"s{n}") for n in (1, 2, 3)), "--no-history",
                     "--out", str(tmp_path / "merged"))
    assert merged.returncode == whole.returncode == 1, merged.stdout + merged.stderr

    def verdict(folder: str) -> tuple:
        run = json.loads((tmp_path / folder / "results.json").read_text())
        return ([(j["persona"], j["outcome"], j["abandoned_at"]) for j in run["journeys"]],
                sorted((g["rule"], g["where"]) for g in run["gates"]))

    assert verdict("merged") == verdict("whole")
    page.goto((tmp_path / "merged" / "index.html").as_uri())
    loaded, total = images_that_load(page)
    steps = sum(len(j["steps"]) for j in json.loads(
        (tmp_path / "merged" / "results.json").read_text())["journeys"])
    assert total == steps and loaded == total
