"""Open before you look, on markup we did not write: a menu button with no words, a search
box behind a plain button named only by its aria-label, on a phone."""

from __future__ import annotations

import pytest
from helpers import PageHandler, serve

from auditor.gather.walk import RunOptions, walk
from auditor.model import Journey, StepSpec
from auditor.scenario import DEFAULT_INPUTS, DEVICES

PAGE = """<!doctype html><meta name=viewport content="width=device-width">
<header>
  <button type=button class=nav-btn onclick="document.getElementById('m').hidden=false">
    <svg width=20 height=20><path d="M0 5h20M0 10h20M0 15h20" stroke=black /></svg></button>
  <nav><ul id=m hidden><li><a href=/c/lamps>Lamps</a></li><li><a href=/c/rugs>Rugs</a></li>
  </ul></nav>
  <button type=button aria-label=Search onclick="document.getElementById('s').hidden=false">
    🔍</button>
  <form id=s action=/search hidden><input name=q aria-label="Search products"></form>
</header>
<main><h1>{title}</h1>{listing}</main>"""
LISTING = ("<ul><li><a href=/p/brass-lamp>Brass lamp</a> <span>€40.00</span></li>"
           "<li><a href=/p/paper-lamp>Paper lamp</a> <span>€12.00</span></li></ul>")


class Store(PageHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        title = "Search results" if self.path.startswith("/search") else "Lamps"
        self.send_page(PAGE.format(title=title, listing=LISTING).encode())


@pytest.fixture
def store():
    with serve(Store) as url:
        yield url


def test_a_nameless_menu_and_a_search_button_are_opened_and_noted(browser, store):
    from auditor.scenario import load_journeys

    parent = load_journeys()["stressed-parent"].persona
    assert parent.device == DEVICES["phone"]
    journey = Journey(parent, (
        StepSpec("visit", "Open the store"),
        StepSpec("open_category", "Open a category"),
        StepSpec("open_product", "Open a product"),
        StepSpec("search", "Search")), {**DEFAULT_INPUTS, "category": "toys",
                                        "product": "wooden toy train"})
    walked = walk(browser, journey, store, None, RunOptions(typing_scale=0, dwell_ms=0))
    category, product, search = walked.steps[1:]
    assert category.status == "ok", category.error
    assert "opened the ☰ menu button" in category.effort
    assert category.chose.startswith("chose “Lamps”: no category named “toys”")
    assert product.status == "ok" and product.chose.startswith("chose “Brass lamp”")
    assert search.status == "ok", search.error
    assert "opened “Search”" in search.effort
    assert search.search.query == "Brass lamp" and search.search.result_count == 2
