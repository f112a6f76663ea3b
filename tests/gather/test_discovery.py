"""What discovery reads from a page's main region, on markup we did not write."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from helpers import PageHandler, serve

from auditor.gather.actions.search import read_results
from auditor.gather.discovery import category_names, guest_choice, main_content, navigation_link

SHADOW_LISTING = """<header><a href="/product/ad-banner">Ad</a></header>
<main><h2>Toys</h2><p>2 results</p><toy-grid></toy-grid>
<a href="/product/hidden" style="display:none">Hidden</a>
<svg width="20" height="20"><a href="/product/icon"><rect width="20" height="20"/></a></svg></main>
<script>
customElements.define('toy-grid', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({mode: 'open'}).innerHTML =
      '<a href="/product/train"><h3>Train</h3></a><a href="/product/train">Train again</a>' +
      '<a href="/product/bear"><h3>Bear</h3></a>';
  }
});
</script>"""


class Listing(PageHandler):
    def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
        self.send_page(SHADOW_LISTING.encode())


def test_products_inside_open_shadow_roots_are_counted_once_each(page):
    with serve(Listing) as url:
        page.goto(url + "/toys")
    shown = main_content(page)
    assert shown.results == 2  # train twice and the bear; not the ad, a hidden or an SVG link
    assert shown.headings == ("Toys", "Train", "Bear")
    assert shown.links == 5


def test_cards_count_when_no_link_looks_like_a_product(page):
    page.set_content('<main><div class="product-card"><a href="/x?id=1">A</a></div>'
                     '<div class="product-card"><a href="/x?id=2">B</a></div></main>')
    assert main_content(page).results == 2


def test_a_page_without_main_is_read_from_its_body(page):
    page.set_content("<p>Thank you! Your order number is A-1234.</p>")
    shown = main_content(page)
    assert "order number is A-1234" in shown.text
    assert shown.results == 0 and shown.links == 0


def test_a_guest_checkout_is_found_by_any_of_its_forms_and_only_when_shown(page):
    page.set_content('<button style="display:none">Continue as guest</button>'
                     '<label><input type=radio name=who> Check out as a guest</label>')
    found = guest_choice(page)
    assert found is not None and found.how == "radio for guest checkout"
    page.set_content('<button style="display:none">Continue as guest</button>'
                     '<button>Sign in</button>')
    assert guest_choice(page) is None


PHP_RESULTS = """<main><h1>Search - train</h1>
<div class="product-layout"><div class="product-thumb">
  <a href="index.php?route=product/product&amp;product_id=42&amp;search=train"><img alt=""></a>
  <h4><a href="index.php?route=product/product&amp;product_id=42&amp;search=train">Wooden
  Toy Train</a></h4></div></div>
<div class="product-thumb"><a href="index.php?route=product/product&amp;product_id=7">Ball</a>
</div></main>"""


def _open(page, html: str) -> None:
    """The page from a loopback server, so that its links have real addresses."""
    class One(PageHandler):
        def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
            self.send_page(html.encode())

    with serve(One) as url:
        page.goto(url + "/search?q=train")


def test_products_linked_by_query_string_are_counted(page):
    _open(page, PHP_RESULTS)
    shown = main_content(page)
    assert shown.results == 2
    assert any("Wooden" in name and "Train" in name for name in shown.products)


@pytest.mark.parametrize("html, found", [
    # "No results" about something else, above the product sought: found.
    ("<main><p>No results in our blog.</p><a href='/product/train'>Wooden toy train</a></main>",
     1),
    # Nothing found, and other products suggested: an empty search all the same.
    ("<main><p>No results for your search.</p><h2>You may like</h2>"
     "<a href='/product/ball'>Red ball</a></main>", 0),
])
def test_no_results_words_yield_to_the_product_sought(page, html, found):
    _open(page, html)
    assert read_results(SimpleNamespace(page=page), "wooden toy train").result_count == found


FOOTER_MENU = """<title>Toys & Tales</title>
<header><a href="/">Toys &amp; Tales</a> <a href="tel:+4930123">Call us</a>
<a href="/account/">My account</a> <a href="/redirect/?url=https://elsewhere.example/">Brand</a>
</header>
<main><h1>Welcome</h1></main>
<footer><a href="/about/">About us</a> <a href="/c/toys/">Toys</a> <a href="/c/books/">Books</a>
<a href="mailto:hi@example.com">Write to us</a> <a href="https://elsewhere.example/">Partner</a>
</footer>"""


class FooterMenu(PageHandler):
    def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
        self.send_page(FOOTER_MENU.encode())


def test_categories_only_in_the_footer_are_the_menu_and_no_header_link_is_one(page):
    with serve(FooterMenu) as url:
        page.goto(url + "/")
        assert category_names(page) == ["Toys", "Books"]
        found = navigation_link(page, "Books")
        assert found is not None and found.locator.get_attribute("href") == "/c/books/"


def test_without_a_category_name_only_a_profile_says_which_link_is_one(page):
    with serve(FooterMenu) as url:
        page.goto(url + "/")
        assert navigation_link(page, None) is None
        found = navigation_link(page, None, "footer a[href='/c/toys/']")
        assert found is not None and found.how.startswith("profile")
