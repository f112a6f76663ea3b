"""Write report files so that a crash never leaves a half-written one behind."""

from __future__ import annotations

import os
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
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
