"""A keyboard-only shopper (`navigation: keyboard`): Tab, skip links, Enter and Space, never
the mouse; what stops her is said in a tester's words, and only she is stopped by it."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import NO_LOOK
from helpers import PageHandler, serve, walk_story

from auditor.demo_store.flaws import parse_flaws
from auditor.demo_store.server import StoreServer
from auditor.gather.walk import walk
from auditor.judge import judge_run
from auditor.model import RunResult
from auditor.scenario import load_journeys


@pytest.fixture(scope="module")
def journeys():
    return load_journeys()


def _walk(browser, journey, flaws, tmp_path):
    with StoreServer(parse_flaws(flaws)) as store:
        walked = walk(browser, journey, store.url, tmp_path, NO_LOOK)
    return judge_run(RunResult("t", "", "", []), [[walked]]).journeys[0]


def test_she_buys_on_the_well_made_store_with_tab_and_skip_links(browser, journeys, tmp_path):
    noor = _walk(browser, journeys["keyboard-shopper"], [], tmp_path)
    assert noor.outcome == "completed", noor.reason
    moved = [s.evidence.keyboard for s in noor.steps[1:]]
    assert all(k is not None and k.presses > 0 for k in moved)
    assert any(k.skip_link for k in moved) and not any(k.unseen for k in moved)
    assert not [f for s in noor.steps for f in s.findings]
    assert noor.steps[3].evidence.typing_ms >= moved[2].presses * 120  # her time on the keys
    mouse = replace(journeys["keyboard-shopper"],
                    persona=replace(journeys["keyboard-shopper"].persona, navigation="pointer"))
    mia = _walk(browser, mouse, [], tmp_path / "mouse")
    form, typed = noor.steps[5].evidence, mia.steps[5].evidence  # the same text typed
    assert form.keyboard.presses > 0  # every Tab to a field counts beside her typing
    assert form.typing_ms - typed.typing_ms == form.keyboard.presses * 120


def test_a_div_add_to_cart_stops_her_and_no_one_else(browser, journeys, tmp_path):
    noor = _walk(browser, journeys["keyboard-shopper"], ["mouse-only-add-to-cart"], tmp_path)
    add = noor.steps[3].evidence
    assert add.status == "failed" and not add.lost  # the store's failure, not the tool's
    assert "“Add to cart” cannot be reached by keyboard (WCAG 2.1.1): a <div> with no role " \
           "and no tabindex" in add.error
    assert noor.outcome == "failed"
    mia = _walk(browser, journeys["novice-checkout"], ["mouse-only-add-to-cart"],
                tmp_path / "mouse")
    assert mia.outcome == "completed"


def test_a_focus_she_cannot_see_makes_her_sad(browser, journeys, tmp_path):
    noor = _walk(browser, journeys["keyboard-shopper"], ["no-focus-style"], tmp_path)
    unseen = [s for s in noor.steps if any(f.id == "focus-invisible" for f in s.findings)]
    assert unseen and all(s.emotion in ("sad", "angry") for s in unseen)
    assert "Add to cart" in " ".join(noor.steps[3].evidence.keyboard.unseen)


def test_a_gate_on_her_outcome_fails_the_run(tmp_path):
    budget = tmp_path / "budget.yaml"
    budget.write_text("defaults: false\nrules: [{persona: keyboard-shopper, "
                      "outcome: completed}]\n")
    with StoreServer(parse_flaws(["mouse-only-add-to-cart"])) as store:
        done = subprocess.run(
            [sys.executable, "-m", "auditor", "run", store.url, "--persona", "keyboard-shopper",
             "--budget", str(budget), "--fast-typing",
             "--dwell", "0", "--no-axe", "--quiet", "--no-history", "--out",
             str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "keyboard-shopper" in done.stdout and "cannot be reached by keyboard" in (
        tmp_path / "out" / "summary.md").read_text()


def test_a_drop_down_whose_options_take_no_keys_stops_her_in_words(browser, journeys,
                                                                    tmp_path):
    """The modern theme's country box opens with Enter, but its options answer no arrow keys
    and cannot be typed into: a real block for a keyboard user, named as one."""
    with StoreServer(theme="modern") as store:
        walked = walk(browser, journeys["keyboard-shopper"], store.url, tmp_path, NO_LOOK)
    fill = walked.steps[5]
    assert fill.status == "failed" and not fill.lost
    assert fill.error == ("“Germany” cannot be chosen by keyboard (WCAG 2.1.1): the list "
                          "opens, but its options take neither the arrow keys nor typing")


def test_she_searches_by_typing_into_the_box_she_tabbed_to(browser, tmp_path):
    (tmp_path / "finder.yaml").write_text(
        "persona: {id: key-finder, name: Kai, navigation: keyboard}\n"
        "inputs: {search: wooden toy train}\njourney: [visit, search]\n")
    kai = load_journeys([tmp_path])["key-finder"]
    with StoreServer() as store:
        walked = walk(browser, kai, store.url, tmp_path / "out", NO_LOOK)
    found = walked.steps[1]
    assert found.status == "ok" and found.search.query == "wooden toy train"
    assert found.search.result_count >= 1 and found.keyboard.presses > 0


def test_a_drawer_that_keeps_the_focus_stops_her_within_seconds_and_no_one_else(
        browser, journeys, tmp_path):
    with StoreServer(parse_flaws(["focus-trap-drawer"])) as store:
        walked = walk(browser, journeys["keyboard-shopper"], store.url, tmp_path, NO_LOOK)
        mouse = walk(browser, journeys["novice-checkout"], store.url, tmp_path / "m", NO_LOOK)
    go = walked.steps[4]
    assert go.status == "failed" and not go.lost
    assert go.error.startswith("the focus is trapped in a dialog at ")
    assert "(WCAG 2.1.2)" in go.error and go.keyboard.escaped  # Escape tried once, then named
    assert go.keyboard.presses < 100  # a few ms a press: named well within 5 s
    assert all(s.status == "ok" for s in mouse.steps)


class _RedrawingShop(PageHandler):
    """A product page whose add-to-cart is answered in the page by drawing its box again, so
    the button she pressed, and her focus with it, is gone."""

    def do_GET(self) -> None:
        self.send_page(b"""<!doctype html><html lang=en><title>Train</title><main>
<h1>Wooden toy train</h1><p>Price: EUR 34.90</p>
<div id=buy><button type=button id=add>Add to cart</button></div>
<a href="/cart">Cart <span id=count>0</span></a></main>
<script>document.getElementById('buy').addEventListener('click', async (e) => {
  if (e.target.id !== 'add') return;
  await fetch('/add', {method: 'POST'});
  document.getElementById('count').textContent = '1';
  document.getElementById('buy').innerHTML =
    '<p role=status>Added to your cart</p><button type=button id=add>Add to cart</button>';
});</script>""")

    def do_POST(self) -> None:
        self.send_page(b"{}")


def test_a_focus_dropped_by_an_update_is_a_finding(browser, tmp_path):
    with serve(_RedrawingShop) as site:
        noor = walk_story(browser, site, tmp_path, """
persona: {id: noor, name: Noor, pronoun: she, navigation: keyboard}
journey:
  - {action: visit, name: Open the train, stage: consideration}
  - {action: add_to_cart, name: Add it to the cart, stage: purchase}
""")
    add = noor.steps[1]
    assert add.evidence.status == "ok", add.evidence.error
    assert add.evidence.keyboard.dropped == ["“Add to cart”"]
    assert [f.id for f in add.findings] == ["focus-lost"]
    assert "after “Add to cart” she had to start again from the top" in add.reasons


def test_no_skip_link_before_a_long_header_costs_her_presses_and_no_one_else(
        browser, journeys, tmp_path):
    noor = _walk(browser, journeys["keyboard-shopper"], ["no-skip-link"], tmp_path)
    assert noor.outcome == "completed", noor.reason
    long = [s for s in noor.steps if any(f.id == "many-key-presses" for f in s.findings)]
    assert len(long) >= 3 and not any(s.evidence.keyboard.skip_link for s in noor.steps[1:])
    assert all(s.evidence.keyboard.presses > 20 for s in long)
    tadeusz = _walk(browser, journeys["novice-checkout"], ["no-skip-link"], tmp_path / "mouse")
    assert tadeusz.outcome == "completed", tadeusz.reason
