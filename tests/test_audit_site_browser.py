"""The Audit pages in headless Chromium, built with MkDocs and with Zensical: the charts are
drawn from the vendored library with nothing fetched from elsewhere, log payloads run nothing,
phone widths show the tables, and axe finds no serious problem in light and dark."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Callable, Iterator

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site.zensical import available as zensical_available
from tests.conftest import SAMPLE
from tests.hostile import hostile_playbook
from tests.test_audit_site import LOG, hostile_log
from tests.test_browser import (  # noqa: F401 - browser is a fixture
    AXE,
    BUILDERS,
    _axe_violations,
    _fail_or_skip,
    _Quiet,
    _screenshot,
    _viewport,
    browser,
)
from tests.test_injection import HOOK, INJECTED

PAGES = ("audit/", "audit/findings/", "audit/conversations/")
#: Every canvas has its chart, and every resource the page loaded came from the site.
DRAWN = """
const canvases = [...document.querySelectorAll("canvas[data-chart]")];
const foreign = performance.getEntriesByType("resource")
  .map(e => e.name).filter(n => !n.startsWith(location.origin));
return {
  canvases: canvases.length,
  drawn: window.Chart ? canvases.filter(c => window.Chart.getChart(c)).length : 0,
  foreign: foreign,
};
"""
STILL = (
    "const s = document.createElement('style');"
    "s.textContent = '*, *::before, *::after { transition: none !important }';"
    "document.head.append(s)"
)


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str, bool], str]]:
    """`audited(builder, hostile)`: the address of a site with its Audit section, built once;
    the hostile one has payloads in the guidelines and in the log."""
    servers: dict[tuple[str, bool], tuple[str, http.server.ThreadingHTTPServer]] = {}

    def serve(builder: str, hostile: bool) -> str:
        if (builder, hostile) not in servers:
            if builder == "zensical" and not zensical_available():
                _fail_or_skip("zensical is needed: pip install -e '.[test]'")
            root = tmp_path_factory.mktemp(f"audit-{builder}")
            guidelines, log = SAMPLE, LOG
            if hostile:
                hostile_playbook(root / "guidelines")
                guidelines, log = root / "guidelines", hostile_log(root / "hostile.jsonl")
            site = root / "site"
            command = ["build", str(guidelines), "-d", str(site), "--builder", builder]
            result = CliRunner().invoke(main, [*command, "--audit", str(log)])
            assert result.exit_code == 0, result.output
            server = http.server.ThreadingHTTPServer(
                ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
            )
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers[builder, hostile] = (f"http://127.0.0.1:{server.server_port}/", server)
        return servers[builder, hostile][0]

    try:
        yield serve
    finally:
        for _, server in servers.values():
            server.shutdown()
            server.server_close()


def _drawn(browser) -> dict:  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script(DRAWN)["drawn"] == b.execute_script(DRAWN)["canvases"]
    )
    return browser.execute_script(DRAWN)


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_charts_are_drawn_offline_and_payloads_run_nothing(
    audited,
    browser,  # noqa: F811
    builder: str,
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    url = audited(builder, True)
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    problems, canvases = {}, 0
    for page in PAGES:
        browser.get(url + page)
        state = _drawn(browser)
        assert state["foreign"] == [], page
        canvases += state["canvases"]
        # A tooltip draws a channel's or a rule's name: hover every chart.
        for canvas in browser.find_elements(By.CSS_SELECTOR, "canvas[data-chart]"):
            ActionChains(browser).move_to_element(canvas).perform()
        for link in browser.find_elements(By.CSS_SELECTOR, ".pb-message a"):
            assert link.get_attribute("href").startswith(url), link.get_attribute("href")
        if found := browser.execute_script(INJECTED):
            problems[page] = found
    assert canvases == 5
    assert problems == {}
    text = browser.find_element(By.CSS_SELECTOR, "article").text
    assert "<script>alert(1)</script>" in text and "onerror=alert(2)" in text
    # An agent's page has no chart, so the chart library is not loaded there.
    browser.get(url)
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any(n.endswith("audit-charts.js") for n in loaded)
    assert not any(n.endswith("chart.umd.min.js") for n in loaded)


def _look(browser, url: str, name: str) -> None:  # noqa: F811
    for scheme in ("default", "slate"):
        browser.execute_script(
            "document.body.setAttribute('data-md-color-scheme', arguments[0])", scheme
        )
        _drawn(browser)
        _screenshot(browser, f"{name}-{scheme}.png")


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_audit_pages_on_a_desktop_and_a_phone(audited, browser, builder: str) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    url = audited(builder, False)
    for page in PAGES:
        name = page.strip("/").replace("/", "-")
        _viewport(browser, 1280, 900)
        browser.get(url + page)
        browser.execute_script(STILL)
        _look(browser, url, f"{name}-desktop-{builder}")
        figure = browser.find_elements(By.CSS_SELECTOR, ".pb-chart")
        assert all(f.is_displayed() for f in figure), page
        _viewport(browser, 390, 844)
        browser.get(url + page)
        browser.execute_script(STILL)
        _look(browser, url, f"{name}-phone-{builder}")
        # On a phone the table stands for the chart, and nothing is wider than the screen
        # (a wide table scrolls inside its own box).
        assert not any(
            f.is_displayed() for f in browser.find_elements(By.CSS_SELECTOR, ".pb-chart")
        )
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, f"{page} is {width} px wide"


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_audit_pages_pass_axe_in_light_and_dark(audited, browser, builder: str) -> None:  # noqa: F811
    if not AXE.is_file():
        _fail_or_skip("axe-core is needed: npm ci --prefix tests/axe")
    url = audited(builder, False)
    browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": AXE.read_text(encoding="utf-8")}
    )
    found = {}
    for page in PAGES:
        browser.get(url + page)
        browser.execute_script(STILL)
        for scheme in ("default", "slate"):
            browser.execute_script(
                "document.body.setAttribute('data-md-color-scheme', arguments[0])", scheme
            )
            _drawn(browser)
            if violations := _axe_violations(browser):
                found[f"{page} ({scheme})"] = violations
    assert not found, json.dumps(found, indent=1)


def test_the_tables_carry_what_the_charts_show(audited, browser) -> None:  # noqa: F811
    """The first chart's bars are the shares in its table, channel by channel."""
    from selenium.webdriver.common.by import By

    browser.get(audited("mkdocs", False) + PAGES[0])
    _drawn(browser)
    chart = browser.execute_script(
        "const c = Chart.getChart(document.querySelector('canvas[data-chart]'));"
        "return {labels: c.data.labels, series: c.data.datasets.map(d => d.data)}"
    )
    pair = browser.find_element(By.CSS_SELECTOR, ".pb-chart-pair")
    rows = [
        [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        for row in pair.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    assert [row[0] for row in rows] == chart["labels"]
    for n, row in enumerate(rows):
        shares = [float(cell.split("(")[1].rstrip("%)")) for cell in row[4:]]
        assert shares == pytest.approx([s[n] for s in chart["series"]], abs=0.5)
