"""English: the words a shopper reads on a store, as patterns (see languages/__init__.py)."""

WORDS = {
    "search": r"search",
    "add_to_cart": r"add to (cart|basket|bag)|add to shopping|^buy( now)?$",
    "cart": r"^(view |my |your )?(cart|basket|bag)\b|shopping (cart|bag)",
    "account": r"account|log ?in|sign ?(in|up)",
    "checkout": r"check ?out|proceed to (checkout|payment)",
    "guest": r"guest|without (an )?account|no account needed",
    "continue": r"^(continue|next|proceed|save and continue|continue to \w+)",
    "place_order": r"place (the |your |binding )?order|^(buy|pay)( now)?$|"
                   r"complete (the )?(order|purchase)|confirm (and pay|order|purchase)|^pay\b|"
                   r"submit order|order with an obligation to pay",
    "create_account": r"create (an? )?(new )?(customer )?account|register|sign ?up",
    "clearance": r"clearance|sale|outlet|reduced|discount|specials?\b|promo",
    "choose": r"^(choose|select|change|pick)\b",
    "agree": r"\bagree|terms|conditions|privacy policy",
    "card_payment": r"card",
    "no_card_payment": r"cash on delivery|bank (transfer|wire)|invoice|cheque|\bcheck\b|"
                       r"money order|pay (later|on delivery|at)|free",
    "no_results": r"no (results|products|items|matches)|0 (results|products|items)|"
                  r"nothing (was )?found|did not match|didn't match|couldn't find|"
                  r"could not find",
    "menu": r"^(main )?menu$|categories|all departments|^shop$",
    "not_a_category": r"^home$|about|contact|blog|help|faq|deliver|shipping|returns|terms|"
                      r"register|privacy|wish ?list|compare|gift card|store locator|sitemap",
    "order_placed": r"order (has been |was |is )?(successfully )?"
                    r"(placed|received|confirmed|processed)|"
                    r"thank you for (your )?(order|purchase)",
    "order_done": r"thank you|order (is )?(confirmed|received|placed)|your order number",
    "newsletter": r"newsletter|subscribe|mailing list|sign up for (our )?(e-?mails?|news|"
                  r"updates|offers)|stay in touch|join (our|the) (list|club)",
    "review": r"write a review|add a review|review this|be the first to review|"
              r"leave a review|reviews?\s*\(\d+\)|your review|rate this",
    "review_form": r"review|rating",
    "rating": r"rating|stars|score",
    "share": r"^share\b",
    "sign_out": r"sign ?out|log ?out|logout",
    "three_ds": r"3-?d ?secure|authenticat|verify (your|this) (payment|purchase)|your bank",
    "three_ds_complete": r"^(complete|authenticate|confirm|verify|submit|continue)\b",
    "three_ds_fail": r"^(fail|cancel|decline|abort|reject)\b",
    "consent_box": r"cookie|consent|privacy|tracking|personal data",
    "consent_accept": r"^(accept|allow|agree|i agree|i accept|ok|okay|got it|yes)\b|"
                      r"accept (all|cookies)|allow (all|cookies)",
    "consent_reject": r"reject|decline|deny|refuse|disagree|necessary only|"
                      r"only (strictly )?necessary|essential only|only essential|"
                      r"accept (only )?(necessary|essential)|no,? thanks|continue without",
    "consent_settings": r"settings|preferences|customi[sz]e|manage|options|more choices|"
                        r"let me choose",
    "consent_save": r"^save|confirm (my )?(choices|selection|preferences)",
    "thanks": r"thank|subscribed|you.re (on the list|in)|check your (inbox|e-?mail)|"
              r"confirm your (e-?mail|subscription)|(submitted|received|posted|added|saved)\b|"
              r"awaiting (moderation|approval)",
    "review_title": r"title|summary|headline|subject",
    "order_word": r"order",
    "number_word": r"number|no\.?|code|reference",
    "is_word": r"is",
    "price_field": r"price|\bmin(imum)?\b|\bmax(imum)?\b",
    "price_high": r"max|\bto\b|high|up to",
    "price_low": r"min|from|low",
    "product_size": r"\bsize|dimensions?",
    "product_material": r"material|fabric|cotton|linen|wood|wool",
    "product_care": r"\bcare\b|wash",
    "field_cc-number": r"card.?(number|no)|cc.?num|cardnumber|credit.?card",
    "field_cc-csc": r"\bcvc|\bcvv|\bcsc|security.?code|card.?code",
    "field_cc-exp": r"expir|exp.?date|mm ?/ ?yy|valid.?thru",
    "field_cc-name": r"name on card|card.?holder|cc.?name",
    "field_email": r"e-?mail",
    "field_given-name": r"first.?name|given|fname",
    "field_family-name": r"last.?name|surname|family|lname",
    "field_name": r"full.?name|^name$|your name",
    "field_address-line2": r"address\W*(line\W*)?2|\bline\W*2|apartment|\bapt\b|suite",
    "field_organization": r"company|organi[sz]ation",
    "field_house-number": r"^(?!.*street).*house.?(number|no)",  # not "street and house number"
    "field_address-line1": r"address|street|addr",
    "field_address-level2": r"city|town",
    "field_postal-code": r"zip|postal|post.?code",
    "field_address-level1": r"region|\bstate\b|province|county|\bzone",
    "field_country": r"country",
    "field_tel": r"phone|\btel|mobile",
}
# Words of a wish that name no product (articles, shopping verbs, when and why she shops),
# dropped before a persona's wish is matched with what a store lists.
FILLER = ("the and for find buy get order under over with without ideally fuss help her his "
          "their one two minutes party saturday birthday present")
