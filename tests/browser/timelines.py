"""Check: every timeline on a page is drawn (an <svg> with bars), carries
its text alternative (an accessible name from its <title>, a description
from its <desc>, and "The figure in words" below it) and fits the text
column at the window's width."""

from __future__ import annotations

from playwright.sync_api import Page

FIGURE = 'class="timeline"'

_FIGURES = """
() => Array.from(document.querySelectorAll('figure.timeline')).map((figure, index) => {
    const svg = figure.querySelector('svg.timeline');
    const main = document.querySelector('main').getBoundingClientRect();
    const box = svg ? svg.getBoundingClientRect() : null;
    const byId = id => document.getElementById(id)?.textContent.trim() ?? '';
    const labelled = svg ? (svg.getAttribute('aria-labelledby') || '').split(' ') : [];
    return {
        index,
        svg: !!svg,
        role: svg?.getAttribute('role'),
        title: labelled.length ? byId(labelled[0]) : '',
        desc: labelled.length > 1 ? byId(labelled[1]) : '',
        bars: svg ? svg.querySelectorAll('rect').length : 0,
        words: figure.querySelector('details')?.textContent.trim().length ?? 0,
        width: box ? box.width : 0,
        height: box ? box.height : 0,
        fits: box ? box.left >= main.left - 1 && box.right <= main.right + 1 : false,
    };
})
"""


def check_timelines(page: Page, rel: str, width: int) -> list[str]:
    problems = []
    for figure in page.evaluate(_FIGURES):
        where = f"{rel}, timeline {figure['index'] + 1}"
        if not figure["svg"] or figure["bars"] < 2:
            problems.append(f"{where}: no figure drawn")
            continue
        if figure["role"] != "img" or len(figure["title"]) < 10 or len(figure["desc"]) < 40:
            problems.append(f"{where}: no text alternative (role, title, desc)")
        if figure["words"] < 40:
            problems.append(f"{where}: no 'figure in words' below it")
        if figure["width"] < 200 or figure["height"] < 60:
            problems.append(f"{where}: drawn {figure['width']:.0f}x{figure['height']:.0f} px")
        if not figure["fits"]:
            problems.append(f"{where}: wider than the text column at {width} px")
    return problems
