"""Looks: contrast in both themes, no sideways scrolling, the theme picker.
"""

from __future__ import annotations

from common import WAIT_MS
from playwright.sync_api import (
    Page,
)

# --- looks ----------------------------------------------------------------

_CONTRAST = """
(selectors) => {
    const parse = s => {
        const m = s.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, below) =>
        top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3]));
    const background = el => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
        }
        let colour = [255, 255, 255];
        for (const layer of layers.reverse()) colour = over(layer, colour);
        return colour;
    };
    const luminance = c => {
        const [r, g, b] = c.map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    };
    const out = [];
    for (const [selector, kind] of selectors) {
        const el = Array.from(document.querySelectorAll(selector))
            .find(e => e.getClientRects().length > 0);
        if (!el) continue;
        const style = getComputedStyle(el);
        const bg = background(el);
        let fg;
        if (kind === 'bar') {
            // A bar drawn on the left, by a border or by a ::before.
            const before = getComputedStyle(el, '::before');
            const drawn = parseFloat(style.borderLeftWidth) >= 2
                ? style.borderLeftColor
                : before.content !== 'none' && parseFloat(before.width) >= 2
                    ? before.backgroundColor : null;
            if (!drawn) {
                out.push({selector, kind, ratio: 0, note: 'no bar on the left'});
                continue;
            }
            fg = parse(drawn);
        } else {
            fg = parse(style.color);
        }
        const shown = `rgb(${fg.slice(0, 3).map(Math.round).join(', ')})`;
        out.push({selector, kind, ratio: ratio(over(fg, bg), bg), note:
                  `${shown} on rgb(${bg.map(Math.round).join(', ')})`});
    }
    return out;
}
"""

# (selector, what is measured, minimum contrast): WCAG AA asks 4.5 for text
# and 3 for a graphical mark such as the any-order bar.
CONTRAST_RULES: list[tuple[str, str, float]] = [
    ("main p", "text", 4.5),
    (".mdbook-tab.active", "text", 4.5),
    (".mdbook-tab:not(.active)", "text", 4.5),
    ("p.example-file", "text", 4.5),
    ("p.example-file code", "text", 4.5),
    ("figure.example-output figcaption", "text", 4.5),
    ("figure.example-output p.output-note", "text", 4.5),
    ("figure.example-output pre code", "text", 4.5),
    (".any-order", "text", 4.5),
    (".any-order", "bar", 3.0),
    ("p.no-twin", "text", 4.5),
    ("p.compiler-says", "text", 4.5),
]


def check_contrast(
    page: Page, rel: str, theme: str, rules: list[tuple[str, str, float]] = CONTRAST_RULES
) -> list[str]:
    """Text of the course's own elements (and the tabs), or of `rules`, is
    readable on its background in the page's current theme."""
    measured = page.evaluate(_CONTRAST, [[s, k] for s, k, _ in rules])
    minimum = {(s, k): m for s, k, m in rules}
    return [
        f"{rel} ({theme} theme): {m['selector']} {m['kind']} contrast {m['ratio']:.2f} "
        f"< {minimum[(m['selector'], m['kind'])]} ({m['note']})"
        for m in measured
        if m["ratio"] < minimum[(m["selector"], m["kind"])]
    ]


def check_no_overflow(page: Page, rel: str, width: int) -> list[str]:
    """At this window width the page itself never scrolls sideways (a code
    block may, inside its own box)."""
    wide = page.evaluate(
        """() => {
            const doc = document.documentElement;
            if (doc.scrollWidth <= window.innerWidth) return null;
            const culprits = Array.from(document.querySelectorAll('main *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !e.closest('pre'))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
            return {scroll: doc.scrollWidth, inner: window.innerWidth, culprits};
        }"""
    )
    if wide is None:
        return []
    return [
        f"{rel}: at {width} px wide the page scrolls sideways "
        f"(scrollWidth {wide['scroll']} > {wide['inner']}); wider than the window: "
        f"{', '.join(wide['culprits']) or 'nothing in main'}"
    ]


def set_theme(page: Page, theme: str) -> None:
    """Chooses a theme the way a reader does: the brush button, then the name."""
    picker = page.locator("#mdbook-theme-list")
    if not picker.is_visible():
        page.locator("#mdbook-theme-toggle").click()
    page.locator(f"#mdbook-theme-{theme}").click()
    page.wait_for_function(
        "theme => document.documentElement.classList.contains(theme)", arg=theme, timeout=WAIT_MS
    )
    page.keyboard.press("Escape")  # the picker stays open until then
    picker.wait_for(state="hidden", timeout=WAIT_MS)
    page.evaluate("() => document.activeElement?.blur()")  # no focus ring in screenshots


def blank_png(data: bytes) -> str | None:
    """Why a PNG looks blank, or None. Without an image library: a blank or
    near-blank screenshot compresses to a tiny file of few distinct bytes."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "not a PNG"
    if len(data) < 8_000:
        return f"only {len(data)} bytes"
    if len(set(data)) < 200:
        return f"only {len(set(data))} distinct byte values"
    return None


def check_boxes_fit(page: Page, rel: str) -> list[str]:
    """Nothing hides its end: rustc's error blocks (`.compiler-says` + pre)
    wrap their long lines instead of cutting them off, and every table fits
    the page's text column, its last column included (at 390 px the
    exercises table lost its third column)."""
    found = page.evaluate(
        """() => {
            const out = [];
            const column = document.querySelector('main');
            if (!column) return out;
            const main = column.getBoundingClientRect();
            for (const code of document.querySelectorAll('.compiler-says + pre > code')) {
                if (code.scrollWidth > code.clientWidth + 1)
                    out.push(`rustc's error block is ${code.scrollWidth} px wide in a box of ` +
                             `${code.clientWidth} px: its line ends are cut off`);
            }
            for (const table of document.querySelectorAll('main table')) {
                const right = table.getBoundingClientRect().right;
                if (right > main.right + 1) {
                    const head = table.querySelector('th, td');
                    const first = head ? head.textContent.trim() : '';
                    out.push(`the table starting "${first}" ends at ${Math.round(right)} px, ` +
                             `past the text column's ${Math.round(main.right)} px`);
                }
            }
            return out;
        }"""
    )
    return [f"{rel}: {problem}" for problem in found]
