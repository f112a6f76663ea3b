"""`make golden`: judge the saved evidence of the newest demo run (tests/data) again with
this code and write the judgement back, for a change of judgement that is intended. The
evidence is kept as it was gathered; review `git diff tests/data` before committing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from auditor.judge import gates, judgement_of
from auditor.report import load_results
from auditor.report.files import atomic_write

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "data" / "demo-schema-2.json"


def main() -> int:
    saved = load_results(GOLDEN)
    again = judgement_of(saved, gates.Budget())
    if again.to_dict() == saved.to_dict():
        print(f"{GOLDEN.name}: the judgement is unchanged; nothing written")
        return 0
    atomic_write(GOLDEN, json.dumps(again.to_dict(), indent=2, ensure_ascii=False) + "\n")
    print(f"{GOLDEN.name}: judged again and rewritten; review `git diff {GOLDEN}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
