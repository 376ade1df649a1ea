"""Check: the Rust/Python tabs switch together and remember the choice.
"""

from __future__ import annotations

from common import TAB_WAIT_MS
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import (
    Page,
)

# --- check: the Rust/Python tabs ------------------------------------------

_TAB_STATE = """
global => Array.from(
    document.querySelectorAll(`.mdbook-tabs-container[data-tabglobal="${global}"]`),
    container => {
        const shown = Array.from(container.querySelectorAll(':scope > .mdbook-tab-content'))
            .filter(panel => panel.offsetParent !== null || panel.getClientRects().length > 0)
            .map(panel => panel.dataset.tabname);
        const active = Array.from(container.querySelectorAll(':scope > .mdbook-tabs > .active'))
            .map(tab => tab.dataset.tabname);
        return {shown, active};
    })
"""


def tab_state(page: Page, global_key: str = "language") -> list[dict[str, list[str]]]:
    """For each tab group with that global key: which panels show, which tab is active."""
    return page.evaluate(_TAB_STATE, global_key)


def wait_all_tabs(
    page: Page, name: str, global_key: str = "language", timeout: float = TAB_WAIT_MS
) -> bool:
    """Waits until every group of that key shows exactly the panel `name`."""
    try:
        page.wait_for_function(
            f"""([name, global]) => ({_TAB_STATE})(global).every(
                g => g.shown.length === 1 && g.shown[0] === name
                     && g.active.length === 1 && g.active[0] === name)""",
            arg=[name, global_key],
            timeout=timeout,
        )
    except PlaywrightError:
        return False
    return True


def describe_tabs(page: Page, name: str, global_key: str = "language") -> str:
    """Which groups do not show `name`, and what they show instead."""
    wrong: dict[str, list[str]] = {}
    for number, group in enumerate(tab_state(page, global_key), start=1):
        if group["shown"] != [name] or group["active"] != [name]:
            state = f"show {group['shown']} with tab {group['active']} active"
            wrong.setdefault(state, []).append(str(number))
    return "; ".join(f"groups {', '.join(n)} {state}" for state, n in wrong.items())


def check_tabs(page: Page, rel: str, global_key: str = "language") -> list[str]:
    """On the (loaded) page, clicking each tab of the first group must switch
    every group with the same global key, and remember the choice."""
    groups = page.locator(f'.mdbook-tabs-container[data-tabglobal="{global_key}"]')
    if groups.count() == 0:
        return []
    names = groups.first.locator(":scope > .mdbook-tabs > .mdbook-tab").evaluate_all(
        "tabs => tabs.map(t => t.dataset.tabname)"
    )
    problems = []
    for name in [*names[1:], names[0]]:  # away from the default, then back
        groups.first.locator(f':scope > .mdbook-tabs > [data-tabname="{name}"]').click()
        if not wait_all_tabs(page, name, global_key):
            problems.append(
                f"{rel}: after clicking tab {name!r}, not every {global_key!r} tab group "
                f"follows ({describe_tabs(page, name, global_key)}); is theme/tabs.js loaded?"
            )
            break
        stored = page.evaluate("key => localStorage.getItem(key)", f"mdbook-tabs-{global_key}")
        if stored != name:
            problems.append(
                f"{rel}: after clicking tab {name!r}, localStorage "
                f"mdbook-tabs-{global_key} is {stored!r}"
            )
    return problems


