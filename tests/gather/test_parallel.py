"""--parallel: tasks take turns on one Playwright connection while each waits."""

from __future__ import annotations

from auditor.gather.parallel import side_by_side


def test_tasks_side_by_side_take_turns_while_each_waits_for_the_browser(browser, site):
    order: list[str] = []

    def reader(name: str, wait_ms: int):
        def task() -> None:
            page = browser.new_page()
            try:
                page.goto(site)
                order.append(f"{name} in")
                page.wait_for_timeout(wait_ms)
                order.append(f"{name} done")
            finally:
                page.close()
        return task

    def broken() -> None:
        raise ValueError("a task that fails")

    errors = side_by_side(browser, [reader("slow", 600), broken, reader("quick", 50)])
    # One after another, the slow reader (started first) would be done first.
    assert sorted(order) == ["quick done", "quick in", "slow done", "slow in"]
    assert order.index("quick done") < order.index("slow done")
    assert [str(e) for e in errors] == ["a task that fails"]
