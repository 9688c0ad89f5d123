"""The Baoji report in a real browser: headless Chromium (Debian's ``chromium``).

The test opens the report from a file at desktop and phone widths, with every
request intercepted, and asserts on the rendered page. Screenshots go to
``PLANCHECK_SCREENSHOTS`` when set (``docs/images`` refreshes the README's), else to
the test's temporary folder.

Without the browser (or playwright) the tests skip and say why; under ``CI=true``
they fail instead, so CI cannot pass without having looked at the page.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from plancheck import check
from tests.conftest import CORPUS, ROOT

from .conftest import HOSTILE
from .test_structure import PC401_PROJECTS

CHROMIUM = Path(os.environ.get("PLANCHECK_CHROMIUM", "/usr/bin/chromium"))
# No network, no background services, nothing downloaded while the page is open.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return (
            f"no Chromium at {CHROMIUM}: install Debian's chromium package "
            "(apt-get install chromium; .ci/run does) or set PLANCHECK_CHROMIUM"
        )
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
        pytest.skip(f"browser test not run: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)  # every request but the file's own
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions


@pytest.fixture
def open_report(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    contexts: list[Any] = []

    def open_(html: str, viewport: dict[str, int], name: str = "report.html") -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        url = path.as_uri()
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        opened = Opened(context.new_page())

        def intercept(route: Any) -> None:
            if route.request.url == url:
                route.continue_()
            else:
                opened.requests.append(route.request.url)
                route.abort()

        context.route("**/*", intercept)
        opened.page.on(
            "console",
            lambda m: opened.errors.append(m.text) if m.type == "error" else None,
        )
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.goto(url, wait_until="load")
        return opened

    yield open_
    for context in contexts:
        context.close()


def _screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLANCHECK_SCREENSHOTS") or tmp_path)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _untraced(page: Any) -> set[str]:
    rows = page.locator("table.matrix tr.untraced")
    return {rows.nth(i).get_attribute("data-project") for i in range(rows.count())}


def test_baoji_report_at_desktop_width(
    baoji_zh: str, open_report: Callable[..., Opened], tmp_path: Path
) -> None:
    opened = open_report(baoji_zh, DESKTOP)
    page = opened.page
    assert opened.requests == []
    assert opened.errors == []
    for chart, bars in (("#p1-chart-category", 8), ("#p1-chart-box", 8)):
        assert page.locator(f"{chart} rect.bar").count() == bars
        box = page.locator(chart).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 200
    # The four projects PC401 reports are the rows marked in the matrix, and the mark shows.
    pc401 = {f.subject.id for f in check(CORPUS).findings if f.rule == "PC401"}
    assert _untraced(page) == pc401 == PC401_PROJECTS
    marked = page.locator("table.matrix tr.untraced th").first
    plain = page.locator("table.matrix tr.traced th").first
    background = "el => getComputedStyle(el).backgroundColor"
    assert marked.evaluate(background) != plain.evaluate(background)
    assert page.locator("table.matrix tr.untraced .flag").count() == 4
    assert all(flag.is_visible() for flag in page.locator(".flag").all())
    # The page is laid out, not a wall of unstyled text.
    assert page.locator("section.part").count() == 7
    folder = _screenshots(tmp_path)
    page.screenshot(path=str(folder / "report-desktop.png"))
    page.locator("#p1-funding").screenshot(path=str(folder / "report-funding.png"))
    page.locator("#p1-traceability").screenshot(path=str(folder / "report-traceability.png"))
    page.locator("#p1-indicators").screenshot(path=str(folder / "report-indicators.png"))


def test_baoji_report_at_phone_width(
    baoji_zh: str, open_report: Callable[..., Opened], tmp_path: Path
) -> None:
    opened = open_report(baoji_zh, PHONE)
    page = opened.page
    assert opened.requests == []
    assert opened.errors == []
    # Nothing but the wide tables' own scrolling boxes is wider than the phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    box = page.locator("#p1-chart-box").bounding_box()
    assert box is not None and box["width"] <= PHONE["width"]
    assert page.locator("#p1-chart-box rect.bar").count() == 8
    assert _untraced(page) == PC401_PROJECTS
    folder = _screenshots(tmp_path)
    page.screenshot(path=str(folder / "report-phone.png"))
    page.locator("#p1-rule-PC401 article").first.screenshot(
        path=str(folder / "report-phone-finding.png")
    )


def test_print_layout_breaks_pages_between_sections(
    baoji_en: str, open_report: Callable[..., Opened]
) -> None:
    page = open_report(baoji_en, DESKTOP).page
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        "section.part", "els => els.map(el => getComputedStyle(el).breakBefore)"
    )
    assert breaks == ["page"] * 7
    assert page.locator("nav.toc").is_hidden()
    assert page.pdf(format="A4")[:5] == b"%PDF-"


def test_a_hostile_project_name_renders_as_text(
    hostile_baoji: Callable[[], str], open_report: Callable[..., Opened]
) -> None:
    opened = open_report(hostile_baoji(), DESKTOP)
    page = opened.page
    assert opened.requests == []
    assert opened.errors == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.scripts.length + document.images.length") == 0
    assert page.evaluate("[...document.links].filter(a => !a.href.includes('#')).length") == 0
    name = page.locator('tr[data-project="education-informatization"] .pname')
    assert name.inner_text() == HOSTILE
    assert name.is_visible()
    # Still one of the PC401 projects, marked like the others.
    assert _untraced(page) == PC401_PROJECTS
