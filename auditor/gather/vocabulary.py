"""Every word list and pattern the personas read a store with, in one place.

Discovery finds controls with them, the page facts are matched with them inside the page,
and the findings about a page rest on them, so what an action can use and what the judge
reports as missing never disagree. Languages of our users' stores: en, de, fr, pl, lt, zh.
"""

from __future__ import annotations

import re

# What controls and messages say.
WORDS = {
    "search": r"search|suche|recherch|szukaj|wyszukaj|ieškoti|paieška|搜索|查找",
    "add_to_cart": r"add to (cart|basket|bag)|add to shopping|^buy( now)?$|in den warenkorb|"
                   r"ajouter au panier|do koszyka|dodaj do koszyka|į krepšelį|加入购物车",
    "cart": r"^(view |my |your )?(cart|basket|bag)\b|shopping (cart|bag)|warenkorb|panier|"
            r"koszyk|krepšelis|购物车",
    "account": r"account|log ?in|sign ?(in|up)|konto|compte|anmelden|connexion|zaloguj|"
               r"prisijungti|paskyra|登录|账户",
    "checkout": r"check ?out|proceed to (checkout|payment)|zur kasse|commander|"
                r"do kasy|przejdź do kasy|apmokėti|结算|去结算",
    "guest": r"guest|without (an )?account|no account needed|als gast|invité|jako gość|"
             r"be registracijos|svečias|游客",
    "continue": r"^(continue|next|proceed|save and continue|continue to \w+)|weiter|"
                r"continuer|dalej|tęsk|toliau|继续|下一步",
    "place_order": r"place (the )?order|^(buy|pay)( now)?$|complete (the )?(order|purchase)|"
                   r"confirm (and pay|order|purchase)|^pay\b|submit order|"
                   r"order with an obligation to pay|"
                   r"zahlungspflichtig bestellen|jetzt kaufen|valider la commande|"
                   r"zamawiam|złóż zamówienie|kupuję|užsakyti|pateikti užsakymą|提交订单|"
                   r"立即支付",
    "create_account": r"create (an )?account|register|sign ?up|konto erstellen|créer un compte|"
                      r"załóż konto|sukurti paskyrą|注册",
    "clearance": r"clearance|sale|outlet|reduced|discount|specials?\b|angebote|promo|"
                 r"ausverkauf|soldes|wyprzedaż|"
                 r"išpardavimas|特价|清仓",
    "choose": r"^(choose|select|change|pick)\b|wählen|choisir|wybierz|pasirinkti|选择",
    "agree": r"\bagree|terms|conditions|privacy policy|\bagb\b|akzeptiere|j.accepte|"
             r"regulamin|akceptuję|sutinku|taisykl|同意",
    "card_payment": r"card|kredit|karte|carte|karta|kortel|信用卡|银行卡",
    "no_card_payment": r"cash on delivery|bank (transfer|wire)|invoice|cheque|\bcheck\b|"
                       r"money order|pay (later|on delivery|at)|"
                       r"free|nachnahme|überweisung|rechnung|contre.remboursement|virement|"
                       r"za pobraniem|przelew|grynaisiais|pavedimu|货到付款|银行转账",
    "no_results": r"no (results|products|items|matches)|0 (results|products|items)|"
                  r"nothing (was )?found|did not match|didn't match|couldn't find|"
                  r"could not find|keine (ergebnisse|treffer)|aucun résultat|brak wyników|"
                  r"nieko nerasta|nerasta|没有找到|无结果",
    "menu": r"^(main )?menu$|^☰$|^≡$|categories|all departments|^shop$|kategorien|menü|"
            r"catégories|kategorie|meniu|kategorijos|菜单|分类",
    "not_a_category": r"^home$|about|contact|blog|help|faq|deliver|shipping|returns|terms|"
                      r"register|privacy|wish ?list|compare|gift card|store locator|sitemap|"
                      r"impressum|kontakt|über uns|o nas|apie mus|关于|联系",
    # Said only once an order is placed, on whatever address (a one-page checkout keeps its own).
    "order_placed": r"order (has been |was |is )?(successfully )?"
                    r"(placed|received|confirmed|processed)|"
                    r"thank you for (your )?(order|purchase)|bestellung (ist )?eingegangen|"
                    r"commande (a été |est )?(confirmée|enregistrée)|zamówienie zostało|"
                    r"užsakymas (pateiktas|priimtas)|订单已提交|下单成功",
    "order_done": r"thank you|order (is )?(confirmed|received|placed)|your order number|"
                  r"vielen dank|merci|dziękujemy|ačiū|谢谢|订单已",
    # After the order: hearing from the store again, and speaking for it.
    "newsletter": r"newsletter|subscribe|mailing list|sign up for (our )?(e-?mails?|news|"
                  r"updates|offers)|stay in touch|join (our|the) (list|club)|abonn|"
                  r"anmelden.*news|zapisz się|prenumer|naujienlai|订阅",
    "review": r"write a review|add a review|review this|be the first to review|"
              r"leave a review|reviews?\s*\(\d+\)|your review|rate this|"
              r"bewertung (schreiben|abgeben)|rédiger un avis|donner (votre|un) avis|"
              r"napisz opinię|dodaj opinię|parašyti atsiliepimą|写评论|发表评价",
    "review_form": r"review|rating|bewertung|avis|opini|recenz|atsiliep|评价|评论",
    "rating": r"rating|stars|score|bewertung|note|ocena|įvertinim|评分",
    "share": r"^(share|teilen|partager|udostępnij|dalintis|分享)\b",
    "thanks": r"thank|subscribed|you.re (on the list|in)|check your (inbox|e-?mail)|"
              r"confirm your (e-?mail|subscription)|(submitted|received|posted|added|saved)\b|"
              r"awaiting (moderation|approval)|danke|angemeldet|merci|inscrit|dziękujemy|"
              r"zapisano|ačiū|užsiprenumeravote|谢谢|成功",
}
# Links that share a page on a social network or by e-mail: they leave the store.
SHARE_HREF = (r"facebook\.com/sharer|twitter\.com/(intent|share)|x\.com/intent|"
              r"pinterest\.[a-z.]+/pin/create|wa\.me/|api\.whatsapp\.com|^whatsapp:|"
              r"linkedin\.com/(share|sharing)|reddit\.com/submit|t\.me/share|"
              r"^mailto:.*[?&](subject|body)=")
# Where a form control is no part of the order form, whatever it asks: the site search, the
# header and footer (a newsletter box there asks for the e-mail too).
ASIDE = "[role=search], [role=contentinfo], footer, header"
# A product page's address: a path segment, or a query naming a product (PHP carts).
PRODUCT_HREF = (r"/(product|products|p|item|items|dp|produkt|produit|prekė|shop/[^/]+)/[^/?#]+|"
                r"[?&](route=product/product\b|product_id=|products_id=|id_product=|"
                r"productid=|item_id=)")
# A product card's markup, for listings whose links do not look like PRODUCT_HREF.
PRODUCT_CARDS = ('[itemtype*="Product"], [class*="product-card"], [class*="product-item"], '
                 '[class*="productCard"], [class*="product-thumb"], [class*="product-tile"], '
                 '[class*="product-layout"], [class*="product_item"]')


def words(key: str) -> re.Pattern[str]:
    return re.compile(WORDS[key], re.I)

# A price filter's fields, by name, id, label or placeholder; which end of the range each is.
PRICE_FIELD = r"price|preis|prix|cena|kaina|价格|[€$£]|\bmin(imum)?\b|\bmax(imum)?\b"
PRICE_HIGH = r"max|\bto\b|high|bis|\bdo\b|iki|最高|up to"
PRICE_LOW = r"min|from|low|von|\bod\b|nuo|最低"

# What a full product description mentions, matched in the page by page_facts.js.
PAGE_PATTERNS = {
    "price": r"(?:[€$£¥]|zł|eur|usd|pln|gbp|cny|rmb)\s?\d|\d[\d.,]*\s?(?:€|zł|eur|pln|元)",
    "size": r"\bsize|größe|taille|rozmiar|dydis|尺码|dimensions?|wymiary|matmenys",
    "material": r"material|matière|materiał|medžiaga|材质|fabric|cotton|linen|wood|wool",
    "care": r"\bcare\b|wash|pflege|entretien|pielęgnacja|priežiūra|洗涤|保养",
    "guest": WORDS["guest"],
    "search": WORDS["search"],
    "priceField": PRICE_FIELD,
    "clearance": WORDS["clearance"],
}

ORDER_NUMBER = re.compile(
    r"(?:order|bestellung|commande|zamówieni[ea]|užsakym\w*|订单)\s*"
    r"(?:number|no\.?|nr\.?|numer|numeris|nummer|号|#)?\s*(?:is|ist|est|:|#)?\s*"
    r"#?\s*([A-Z0-9][A-Z0-9-]{3,})", re.I)

# Semantic field tokens (HTML autocomplete names) and the words that mark them.
FIELD_WORDS: list[tuple[str, str]] = [
    ("cc-number", r"card.?(number|no)|cc.?num|cardnumber|numer karty|kortelės numeris|"
                  r"kartennummer|numéro de carte|卡号|credit.?card"),
    ("cc-csc", r"\bcvc|\bcvv|\bcsc|security.?code|card.?code|prüfnummer|安全码"),
    ("cc-exp", r"expir|exp.?date|mm ?/ ?yy|valid.?thru|ablauf|date d.expiration|"
               r"data ważności|galiojimo|有效期"),
    ("cc-name", r"name on card|card.?holder|cc.?name|karteninhaber|titulaire"),
    ("email", r"e-?mail|courriel|el\.? ?paštas|邮箱|电子邮件"),
    ("given-name", r"first.?name|given|fname|vorname|prénom|imię$|^vardas$|名字"),
    ("family-name", r"last.?name|surname|family|lname|nachname|nom de famille|nazwisko|"
                    r"pavardė|姓氏"),
    ("name", r"full.?name|^name$|your name|imię i nazwisko|vardas ir pavardė|姓名"),
    ("address-line2", r"address\W*(line\W*)?2|\bline\W*2|apartment|\bapt\b|suite|adresszusatz|"
                      r"complément|adres.?2|butas|地址2"),
    ("organization", r"company|organi[sz]ation|firma|unternehmen|société|entreprise|įmonė|公司"),
    ("house-number", r"house.?(number|no)|hausnummer|numer domu|namo numeris|门牌"),
    ("address-line1", r"address|street|addr|straße|strasse|adresse|adres|ulica|gatvė|地址"),
    ("address-level2", r"city|town|stadt|ville|miasto|miestas|城市"),
    ("postal-code", r"zip|postal|post.?code|plz|code postal|kod pocztowy|pašto kodas|邮编"),
    ("address-level1", r"region|\bstate\b|province|county|bundesland|région|województwo|"
                       r"apskritis|\bzone|省"),
    ("country", r"country|land|pays|kraj|šalis|国家"),
    ("tel", r"phone|\btel|mobile|telefon|téléphone|telefonas|电话|手机"),
]
