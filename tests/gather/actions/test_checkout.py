"""What a store says when it refuses an order, read the way a person reads it."""

from __future__ import annotations

from auditor.gather import script

REFUSAL = """<div role=alert>Card declined.</div>
<p class="field-error">Postcode is required</p>
<p class="error" style="display:none">Old message</p>
<svg class="icon-error" width="10" height="10"><title>x</title></svg>
<div role=alert style="display:none">Payment failed</div>
<div role=alert style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">
Read out to screen readers</div>"""


def test_error_texts_are_alerts_and_shown_errors_and_icons_do_not_break_them(page):
    page.set_content(REFUSAL)
    texts = [t.strip() for t in page.evaluate(script("error_texts.js")) if t.strip()]
    assert texts[:2] == ["Card declined.", "Postcode is required"]
    assert "Old message" not in texts and "Payment failed" not in texts  # hidden templates
    assert "Read out to screen readers" in texts  # a visually hidden alert is still a message
