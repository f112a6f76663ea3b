"""Open before you look: what is folded away (a collapsed navbar, a search icon, an account
drop-down) is unfolded the way a person does it, and what she had to open is her effort."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Error

from auditor.gather import discovery
from auditor.gather.actions import READY_WAIT_MS, JourneyContext, click, hover, note
from auditor.gather.discovery import Found
from auditor.gather.step import Step

MAX_OPENED = 4  # a person opens a few menus looking for something, then gives up
SETTLE_MS = 300  # a menu that fetches or animates its content gets this long to show it


def reveal(ctx: JourneyContext, step: Step, find: Callable[[], Found | None],
           kind: str) -> Found | None:
    """What `find` finds, unfolding openers one by one until it shows: those that look like
    `kind` (menu, search, account) first, then the ☰ menus, then any other, never one for
    something else she does not look for (a search icon when she wants her account). Each
    opener pressed is noted in the step's effort; none is pressed twice."""
    found = find()
    tried: set[str] = set()
    order = {kind: 0, "menu": 1}
    while found is None and len(tried) < MAX_OPENED:
        fresh = [o for o in discovery.openers(ctx.page) if o.signature not in tried
                 and o.kind in (kind, "menu", "other")]
        if not fresh:
            break
        opener = min(fresh, key=lambda o: order.get(o.kind, 2))
        tried.add(opener.signature)
        note(step, f"opener_{opener.kind}", Found(opener.locator, f"{opener.kind} opener", 0.7))
        try:  # an opener covered or moving is given the same short wait as any press
            keys = ctx.session.persona.keyboard_only
            if (keys or not ctx.session.persona.device.touch) and opener.kind == "menu":
                if keys:  # a menu that opens when its button has the focus
                    hover(ctx, opener.locator)
                else:
                    opener.locator.hover(timeout=READY_WAIT_MS)
                found = find()
                if found is not None:
                    step.evidence.effort.append(
                        f"opened {opener.called} ({'focused' if keys else 'hovered'})")
                    break
            click(ctx, opener.locator, timeout=READY_WAIT_MS)
        except Error:
            continue
        step.evidence.effort.append(f"opened {opener.called}")
        found = find()
        if found is None:
            ctx.page.wait_for_timeout(SETTLE_MS)
            found = find()
    return found
