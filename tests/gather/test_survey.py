"""`auditor discover` on stores we did not write the locators for: every theme, and a store
with no search box at all."""

import json
import subprocess
import sys

import pytest
import yaml
from helpers import PageHandler, serve


def discover(url, tmp_path, *extra):
    profile = tmp_path / "profile.yaml"
    done = subprocess.run([sys.executable, "-m", "auditor", "discover", url, "--write",
                           str(profile), *extra], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr
    return done, profile


@pytest.mark.parametrize("theme", ["classic", "modern", "platform", "bootstrap"])
def test_discover_lists_every_element_with_its_locator(demo_store, tmp_path, theme):
    store = demo_store(theme=theme)
    done, profile = discover(store.url, tmp_path, "--place-order")
    assert done.returncode == 0, done.stdout + done.stderr
    for key in ("search", "category", "product", "add_to_cart", "checkout", "place_order"):
        line = next((ln for ln in done.stdout.splitlines() if f"✔ {key} " in ln), None)
        assert line is not None, (key, done.stdout)
    for token in ("email", "address-line1", "postal-code", "country", "tel"):
        assert f"  {token} " in done.stdout, (token, done.stdout)
    assert "Order confirmation: MT-" in done.stdout
    skeleton = yaml.safe_load(profile.read_text())
    assert "locators" in skeleton and skeleton["inputs"]["search"]
    # A profile written by discover, once uncommented, is a valid profile for `run`.
    text = profile.read_text().replace("  # search:", "  search:")
    profile.write_text(text)
    from auditor.profile import load_profile
    assert load_profile(profile)["locators"]["search"]


def test_discover_says_what_it_chose_opened_and_answered(demo_store, tmp_path):
    store = demo_store(theme="accordion", catalogue="renamed")
    done, _ = discover(store.url, tmp_path, "--place-order")
    assert done.returncode == 0, done.stdout + done.stderr
    said = done.stdout.split("What it chose and opened on the way:")[1]
    for deed in ("Search box: opened the search icon", "Category navigation: chose “",
                 "Checkout form: pressed “Choose”", "Checkout form: chose “Cash on delivery”",
                 "Checkout form: ticked “I have read and agree"):
        assert deed in said, (deed, said)
    for token in ("address-level1", "address-line2", "organization"):
        assert f"  {token} " in done.stdout, (token, done.stdout)
    assert "Order confirmation: placed, no order number shown" in done.stdout


class NoSearchStore(PageHandler):
    def do_GET(self):  # noqa: N802
        self.send_page(b"<!doctype html><title>Tiny</title><nav><a href='/c'>Lamps</a></nav>"
                       b"<main><h1>Lamps</h1><a href='/product/1'><img alt=''>Desk lamp</a>"
                       b"</main>")


def test_a_store_without_search_is_said_about_the_store_with_a_report(tmp_path):
    with serve(NoSearchStore) as url:
        done = subprocess.run([sys.executable, "-m", "auditor", "run", url, "--persona",
                               "stressed-parent", "--fast-typing", "--quiet", "--out",
                               str(tmp_path / "out")], capture_output=True, text=True,
                              timeout=300)
        found, _ = discover(url, tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr  # no gate: it lost its way
    assert (tmp_path / "out" / "index.html").exists()
    journey = json.loads((tmp_path / "out" / "results.json").read_text())["journeys"][0]
    search = next(s for s in journey["steps"] if s["name"] == "Search for the toy instead")
    assert (search["status"], search["not_offered"]) == ("not-offered", "no-search")
    assert journey["outcome"] == "auditor-lost"  # no add-to-cart it could find
    assert "✘ Search box: this store offers no search" in found.stdout
    assert found.returncode == 1
