"""Site content is untrusted: a hostile store's names show as text in every output format."""

import subprocess
import sys
from html import escape

import pytest
from helpers import PageHandler, serve

PRODUCT = "<img src=x onerror=alert(1)>"
QUERY = "<script>alert(2)</script> train"
PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<header><nav><a href="/c">Toys</a></nav>
<form role="search" action="/search"><input type="search" name="q" aria-label="Search"></form>
</header><main>{main}</main></body></html>"""


class HostileStore(PageHandler):
    """A store whose product names and titles carry markup (properly escaped in its HTML)."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        name = escape(PRODUCT)
        if self.path.startswith("/search"):
            main = f'<h1>Results</h1><ul><li><a href="/product/1"><h3>{name}</h3></a></li></ul>'
        elif self.path.startswith("/product"):
            main = f"<h1>{name}</h1><p>{name} costs €5.</p>"
        else:
            main = f'<h1>Welcome</h1><a href="/product/1">{name}</a>'
        self.send_page(PAGE.format(title=name, main=main).encode())


@pytest.fixture
def hostile_store():
    with serve(HostileStore) as url:
        yield url


def test_hostile_names_are_text_in_every_report(page, hostile_store, tmp_path):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    (scenarios / "curious.yaml").write_text(f"""
persona: {{id: curious, name: Cleo}}
inputs: {{search: "{QUERY}", product: "{PRODUCT}"}}
journey:
  - visit
  - search
  - open_product
""")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "auditor", "run", hostile_store, "--persona",
                           "curious", "--scenarios", str(scenarios), "--fast-typing",
                           "--quiet", "--out", str(out)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode in (0, 1), done.stderr
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((out / "index.html").as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    text = page.locator("body").inner_text()
    assert QUERY in text and PRODUCT in text
    assert page.locator("main img[src=x]").count() == 0
    assert page.locator("main script").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    summary = (out / "summary.md").read_text()
    assert "<script>" not in summary and "<img" not in summary
    junit = (out / "junit.xml").read_text()
    assert "<script>" not in junit and "<img " not in junit
