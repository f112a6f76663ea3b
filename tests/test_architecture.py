"""The data flow is in the folder names: gather → judge → report, and only gather drives a
browser. Read from the source itself, so a shortcut between stages fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "auditor"
MAX_LINES = 400
# What scenario files, site profiles and the map read: they load no browser code, so a
# scenario loads (and a report renders) on a machine with no Chromium or Playwright.
DECLARATIONS = ("actions.py", "scenario.py", "profile.py", "model.py", "errors.py")
# An in-page function in a Python string: `el => ...`, `(a, b) => ...`, `() => ...`.
ARROW = re.compile(r"""["'][^"'\n]*(\b\w+|\))\s*=>""")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (also inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _stage(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0] if len(path.relative_to(PACKAGE).parts) > 1 \
        else ""


def test_the_three_stages_are_folders_of_the_package():
    assert {"gather", "judge", "report"} <= {p.name for p in PACKAGE.iterdir() if p.is_dir()}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_gather_imports_playwright(path: Path):
    uses = {m for m in _imports(path) if m == "playwright" or m.startswith("playwright.")}
    assert not uses or _stage(path) == "gather", f"{path.name} imports {sorted(uses)}"


@pytest.mark.parametrize("path", [p for p in _modules() if _stage(p) in ("judge", "report")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_judge_and_report_never_reach_back_into_gather(path: Path):
    back = {m for m in _imports(path) if m.startswith("auditor.gather")}
    assert not back, f"{path.relative_to(PACKAGE)} imports {sorted(back)}"


@pytest.mark.parametrize("path", [p for p in _modules() if _stage(p) == "report"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_report_renders_and_does_not_judge(path: Path):
    judging = {m for m in _imports(path) if m.startswith("auditor.judge")
               and m != "auditor.judge.findings"}  # the findings' titles and advice: text
    assert not judging, f"{path.relative_to(PACKAGE)} imports {sorted(judging)}"


def test_no_module_is_over_the_limit():
    long = {str(p.relative_to(PACKAGE)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


@pytest.mark.parametrize("name", DECLARATIONS)
def test_declarations_import_no_browser_code_even_inside_functions(name: str):
    browser = {m for m in _imports(PACKAGE / name)
               if m.startswith(("auditor.gather", "playwright", "greenlet"))}
    assert not browser, f"{name} imports {sorted(browser)}"


def test_every_in_page_script_is_a_js_file():
    """No JavaScript hidden in Python strings: each in-page script sits in gather/scripts."""
    for path in (PACKAGE / "gather").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not ARROW.search(source), f"{path.relative_to(PACKAGE)} holds JavaScript: " \
                                         f"{ARROW.search(source)[0]}"
        assert "document.querySelector" not in source, f"{path.relative_to(PACKAGE)} holds JS"


@pytest.mark.parametrize("script", ["el => el.remove()", "(a, b) => a + b", "() => 1",
                                    "els => els.map(e => e.id)"])
def test_the_script_check_sees_every_arrow_function(script: str):
    assert ARROW.search(f'page.evaluate("{script}")')
    assert not ARROW.search("x = {'a': 1}  # => not a script")
