"""The words personas read stores with: every language has the same keys, and each reads
real phrases of stores in that language (button and message texts of WooCommerce, Shopify,
Shopware, PrestaShop, Magento and local shops, as their shoppers see them)."""

from __future__ import annotations

import re

import pytest

from auditor.gather.discovery import order_number
from auditor.gather.forms import classify_field
from auditor.gather.languages import LANGUAGES
from auditor.gather.vocabulary import ORDER_NUMBER, WISH_FILLER, words

# (language, what it must be read as, the store's phrase)
PHRASES = [
    ("en", "add_to_cart", "Add to cart"), ("en", "checkout", "Proceed to checkout"),
    ("en", "place_order", "Place order"), ("en", "order_placed",
                                           "Thank you. Your order has been received."),
    ("en", "no_results", "No products were found matching your selection."),
    ("en", "no_card_payment", "Cash on delivery"),
    ("de", "add_to_cart", "In den Warenkorb"), ("de", "checkout", "Zur Kasse"),
    ("de", "place_order", "Zahlungspflichtig bestellen"), ("de", "guest", "Als Gast bestellen"),
    ("de", "no_results", "Keine Produkte gefunden."), ("de", "no_card_payment", "Vorkasse"),
    ("de", "order_placed", "Vielen Dank für Ihre Bestellung!"),
    ("de", "agree", "Ich habe die AGB gelesen und akzeptiere sie."),
    ("de", "continue", "Weiter zur Zahlungsart"), ("de", "search", "Suche"),
    ("fr", "add_to_cart", "Ajouter au panier"), ("fr", "checkout", "Commander"),
    ("fr", "place_order", "Passer la commande"), ("fr", "no_card_payment", "Paiement par chèque"),
    ("fr", "no_results", "Aucun produit ne correspond à votre recherche."),
    ("fr", "order_placed", "Votre commande est confirmée"), ("fr", "guest", "Commander en invité"),
    ("pl", "add_to_cart", "Dodaj do koszyka"), ("pl", "checkout", "Przejdź do kasy"),
    ("pl", "place_order", "Zamawiam i płacę"), ("pl", "no_results", "Nie znaleziono produktów"),
    ("pl", "no_card_payment", "Płatność przy odbiorze"),
    ("pl", "order_placed", "Twoje zamówienie zostało przyjęte"),
    ("lt", "add_to_cart", "Į krepšelį"), ("lt", "checkout", "Apmokėti"),
    ("lt", "place_order", "Pateikti užsakymą"), ("lt", "no_results", "Nieko nerasta"),
    ("lt", "order_placed", "Ačiū, jūsų užsakymas priimtas"),
    ("lt", "no_card_payment", "Mokėjimas grynaisiais"),
    ("zh", "add_to_cart", "加入购物车"), ("zh", "checkout", "去结算"),
    ("zh", "place_order", "提交订单"), ("zh", "no_results", "没有找到相关商品"),
    ("zh", "order_placed", "订单已提交"), ("zh", "no_card_payment", "货到付款"),
]
# (language, a checkout field's label, the autocomplete token it is read as)
FIELDS = [
    ("de", "Vorname", "given-name"), ("de", "Nachname", "family-name"),
    ("de", "Straße und Hausnummer", "address-line1"), ("de", "PLZ", "postal-code"),
    ("fr", "Prénom", "given-name"), ("fr", "Nom", "family-name"),
    ("fr", "Code postal", "postal-code"), ("fr", "Numéro de carte", "cc-number"),
    ("pl", "Imię", "given-name"), ("pl", "Nazwisko", "family-name"),
    ("pl", "Kod pocztowy", "postal-code"), ("pl", "Miejscowość", "address-level2"),
    ("lt", "Vardas", "given-name"), ("lt", "Pavardė", "family-name"),
    ("lt", "El. paštas", "email"), ("zh", "手机", "tel"), ("zh", "邮编", "postal-code"),
]
ORDER_NUMBERS = [("en", "Order number: 4711-AB", "4711-AB"),
                 ("de", "Ihre Bestellnummer lautet: 10023", "10023"),
                 ("fr", "Commande n° XKBKNABJK", "XKBKNABJK"),
                 ("pl", "Zamówienie nr 12345", "12345"), ("lt", "Užsakymo Nr. 2026-0042",
                                                          "2026-0042"),
                 ("zh", "订单号：20261203001", "20261203001")]


def test_every_language_has_the_same_keys_and_each_pattern_compiles():
    keys = set(LANGUAGES["en"].WORDS)
    for code, language in LANGUAGES.items():
        assert set(language.WORDS) == keys, (code, set(language.WORDS) ^ keys)
        assert isinstance(language.FILLER, str), code
        for key, pattern in language.WORDS.items():
            re.compile(pattern)
            assert pattern or key in ("is_word",), (code, key)  # only an order's "is" may lack


@pytest.mark.parametrize(("language", "key", "phrase"), PHRASES)
def test_a_real_store_phrase_is_read(language, key, phrase):
    assert words(key).search(phrase), f"{language}: “{phrase}” is not read as {key}"


@pytest.mark.parametrize(("language", "label", "token"), FIELDS)
def test_a_real_checkout_label_is_read_as_its_field(language, label, token):
    field = {"autocomplete": "", "name": "", "id": "", "label": label, "placeholder": "",
             "type": "text", "tag": "input"}
    assert classify_field(field)[0] == token, (language, label)


@pytest.mark.parametrize(("language", "text", "number"), ORDER_NUMBERS)
def test_an_order_number_is_read_in_every_language(language, text, number):
    found = ORDER_NUMBER.search(text)
    assert found and found.group(1) == number, (language, text)


def test_a_wish_drops_the_words_of_every_language_that_name_no_product():
    assert {"the", "für", "pour", "dla", "su"} <= WISH_FILLER
    assert "train" not in WISH_FILLER


@pytest.mark.parametrize("label", ["Straße und Hausnummer", "Street and house number",
                                   "Ulica i numer domu"])
def test_a_street_and_house_number_in_one_field_is_the_street(label):
    field = {"autocomplete": "", "name": "", "id": "", "label": label, "placeholder": "",
             "type": "text", "tag": "input"}
    assert classify_field(field)[0] == "address-line1"


def test_an_order_number_after_a_thank_you_for_the_order_is_read():
    assert order_number("Thank you for your order Order number: W-27182") == "W-27182"
    assert order_number("Thank you for your order, we will write soon") is None


def test_an_order_code_of_capital_letters_is_read_but_never_a_heading_in_capitals():
    assert order_number("Thank you! Order QXKMN was placed.") == "QXKMN"
    assert order_number("Your order: confirmed. ORDER CONFIRMED") is None
    assert order_number("Your order is Confirmed") is None
