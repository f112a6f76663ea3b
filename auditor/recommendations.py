"""Turn findings into a to-do list ranked by how much they hurt the journeys."""

from __future__ import annotations

from collections import defaultdict

from auditor.model import JourneyResult, Recommendation

# finding id -> (what to do, the opportunity in a sentence)
ADVICE: dict[str, tuple[str, str]] = {
    "slow-load": ("Make slow pages answer faster",
                  "Cache or speed up the slowest responses so each page is ready within the "
                  "shoppers' patience."),
    "slow-lcp": ("Show the main content sooner",
                 "Serve the largest image or heading early; keep LCP under 2.5 s."),
    "zero-results": ("Make search find what the store sells",
                     "Match product names, synonyms and typos; never show an empty results "
                     "page without suggestions."),
    "form-cleared": ("Keep every field after a checkout error",
                     "Re-show the form with what the customer typed and ask only for the "
                     "field that was wrong."),
    "http-error": ("Fix server errors on the journey",
                   "The store answered with an error page where a customer needed to go on."),
    "step-failed": ("Unblock the step customers could not complete",
                    "Make the control findable and working, or add it to the site profile."),
    "broken-resource": ("Fix broken images, styles and scripts",
                        "Every failed resource degrades the page a customer sees."),
    "console-error": ("Fix script errors", "Errors in page scripts can break buttons and forms."),
    "unclear-error": ("Say which field is wrong",
                      "Name the field and how to fix it, next to the field."),
    "layout-shift": ("Stop the page from jumping",
                     "Reserve space for banners and images that arrive late."),
    "slow-interaction": ("Make the page react to input faster",
                         "Break up long scripts so taps and keys paint within 200 ms."),
    "incomplete-product": ("Complete the product descriptions",
                           "Give price, sizes, material and care on every product page."),
    "unlabeled-fields": ("Label every form field",
                         "Visible labels help everyone, and screen readers need them."),
    "no-autocomplete": ("Let the browser fill the form",
                        "Add autocomplete tokens so returning customers type nothing twice."),
    "no-guest-checkout": ("Offer guest checkout",
                          "Let customers buy without creating an account first."),
    "no-price-filter": ("Add a price filter",
                        "Shoppers with a budget want to narrow by price."),
    "dialog": ("Do not interrupt with dialogs",
               "Alerts and confirms stop the customer; show messages in the page."),
    "left-store": ("Keep the journey on the store", "Check why the page sent customers away."),
    "huge-page": ("Slim the page down", "Send far less HTML; paginate long lists."),
    "lighthouse-assertion": ("Meet the Lighthouse budget",
                             "Bring the audited pages back within the Lighthouse assertions."),
}
WEIGHT = {"critical": 3.0, "major": 2.0, "minor": 1.0}
SEVERITY_ORDER = ("minor", "major", "critical")


def advice(finding_id: str) -> tuple[str, str]:
    return ADVICE.get(finding_id, (f"Fix '{finding_id}'", "See the finding for details."))


def recommend(journeys: list[JourneyResult]) -> list[Recommendation]:
    """One recommendation per kind of finding, its impact summed over where it hurt.

    A finding weighs its severity, twice as much where the persona was sad or angry, and
    three points more on the step where a persona gave up.
    """
    impact: dict[str, float] = defaultdict(float)
    personas: dict[str, set[str]] = defaultdict(set)
    steps: dict[str, list[str]] = defaultdict(list)
    worst: dict[str, str] = {}
    reference: dict[str, str] = {}
    for journey in journeys:
        who = journey.persona.id + (f" @ {journey.label}" if journey.label else "")
        for step in journey.steps:
            for f in step.findings:
                hurt = 2.0 if step.emotion in ("angry", "sad") else 1.0
                dropped = 3.0 if journey.abandoned_at == step.evidence.index else 0.0
                impact[f.id] += WEIGHT.get(f.severity, 1.0) * hurt + dropped
                personas[f.id].add(who)
                where = f"{who}: {step.evidence.name}"
                if where not in steps[f.id]:
                    steps[f.id].append(where)
                if SEVERITY_ORDER.index(f.severity) >= SEVERITY_ORDER.index(
                        worst.get(f.id, "minor")):
                    worst[f.id] = f.severity
                reference[f.id] = reference.get(f.id) or f.reference
    ranked = sorted(impact, key=lambda k: (-impact[k], k))
    return [Recommendation(advice(k)[0], round(impact[k], 1), sorted(personas[k]), steps[k],
                           k, worst[k], reference[k]) for k in ranked]
