"""The demo store driven by a person's moves in real Chromium (pytest-playwright's page)."""

import time

CARD = {"email": "a@b.co", "given_name": "Ada", "family_name": "Lovelace",
        "address": "1 Street", "city": "Berlin", "postal_code": "10115",
        "tel": "+49 30 123456", "cc_name": "Ada Lovelace", "cc_exp": "12/34", "cc_csc": "123"}


def _to_checkout(page, url):
    page.goto(url + "/product/wooden-toy-train")
    page.get_by_role("button", name="Add to cart").click()
    page.get_by_role("link", name="Proceed to checkout").click()


def _fill(page, card_number):
    for name, value in CARD.items():
        page.locator(f"main [name={name}]").fill(value)
    page.locator("[name=country]").select_option("Germany")
    page.locator("[name=cc_number]").fill(card_number)


def test_guest_purchase_succeeds_end_to_end(page, demo_store):
    store = demo_store()
    page.goto(store.url)
    page.get_by_role("button", name="Shop by category").click()
    page.get_by_role("link", name="Toys").click()
    page.get_by_role("link", name="Wooden Toy Train").click()
    page.get_by_role("button", name="Add to cart").click()
    page.get_by_role("link", name="Proceed to checkout").click()
    _fill(page, "4242 4242 4242 4242")
    page.get_by_role("button", name="Place order").click()
    assert "Thank you for your order" in page.inner_text("h1")
    assert page.inner_text(".order-number").startswith("Your order number is MT-")


def test_broken_search_finds_nothing_for_a_product_that_exists(page, demo_store):
    good, broken = demo_store(), demo_store("broken-search")
    for url, expected in ((good.url, "1 results"), (broken.url, "No results")):
        page.goto(url)
        page.get_by_role("searchbox").fill("wooden toy train")
        page.keyboard.press("Enter")
        assert expected in page.inner_text(".count")


def test_slow_product_delays_the_product_page_by_exactly_the_setting(page, demo_store):
    store = demo_store("slow-product=2")
    page.goto(store.url)
    started = time.perf_counter()
    response = page.goto(store.url + "/product/wooden-toy-train", wait_until="commit")
    answered = time.perf_counter() - started
    assert response.status == 200
    assert 2.0 <= answered < 2.3


def test_clear_form_on_error_wipes_every_field_but_default_keeps_them(page, demo_store):
    for flaws, kept in (((), True), (("clear-form-on-error",), False)):
        store = demo_store(*flaws)
        _to_checkout(page, store.url)
        _fill(page, "4242 4242 4242 442")
        page.get_by_role("button", name="Place order").click()
        values = {name: page.locator(f"main [name={name}]").input_value() for name in CARD}
        card = page.locator("[name=cc_number]")
        if kept:
            assert values == CARD
            assert card.input_value() == "4242 4242 4242 442"
            assert card.get_attribute("aria-invalid") == "true"
            assert page.locator("[aria-invalid=true]").count() == 1
        else:
            assert set(values.values()) == {""} and card.input_value() == ""


def test_checkout_500_fails_when_the_order_is_placed(page, demo_store):
    store = demo_store("checkout-500")
    _to_checkout(page, store.url)
    _fill(page, "4242 4242 4242 4242")
    with page.expect_response(lambda r: r.request.method == "POST") as placed:
        page.get_by_role("button", name="Place order").click()
    assert placed.value.status == 500
