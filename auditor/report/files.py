"""Write report files so that a crash never leaves a half-written one behind, readable by
whoever the report is shared with (a CI artifact server, a colleague on the machine)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from auditor.errors import AuditorError


def atomic_write(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise AuditorError(f"cannot write the report to {path.parent}: {exc.strerror}; "
                           "choose another --out folder") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private to its owner
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_assets(paths: list[str], source: Path, out: Path) -> int:
    """Copy the files a report links to (screenshots, Lighthouse reports; paths relative to
    the report folder) from `source` to `out`; returns how many were missing."""
    missing = 0
    for rel in dict.fromkeys(paths):
        src, dst = source / rel, out / rel
        if not src.is_file():
            missing += 1
        elif src.resolve() != dst.resolve():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    return missing
