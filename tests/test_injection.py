"""Payloads in every text field of the sample run nothing on any page of the built site."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from generator.site.builder import build_site
from tests.conftest import ROOT
from tests.hostile import hostile_playbook
from tests.test_browser import _browser_or_skip, _Quiet, browser  # noqa: F401 - a fixture

HOOK = """
window.__calls = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__calls.push(name + ":" + args.join(",")); };
}
"""
#: Elements and attributes that only a payload could have put in a page.
INJECTED = """
const found = [];
for (const s of document.querySelectorAll("script")) {
  if (s.textContent.includes("alert")) found.push("script: " + s.textContent.slice(0, 60));
}
for (const e of document.querySelectorAll("*")) {
  for (const a of e.attributes) {
    const v = a.value.replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
    if (a.name.startsWith("on") && v.includes("alert")) found.push(e.tagName + " " + a.name);
    const link = ["href", "src", "action", "formaction", "xlink:href"].includes(a.name);
    if (link && /^(javascript|data|vbscript):/.test(v)) found.push(e.tagName + "=" + v);
  }
}
// The theme's forms and the playbook's own draft checker are the only forms a page has.
const forms = "form:not([class^='md-']):not([data-pb-check])";
for (const e of document.querySelectorAll("iframe, object, embed, " + forms)) {
  found.push("element " + e.tagName);
}
return found.concat(window.__calls || []);
"""


META = ".md-search-result__meta"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    root = tmp_path_factory.mktemp("hostile")
    assert hostile_playbook(root / "guidelines") > 300
    site = root / "site"
    assert build_site(root / "guidelines", site, config_file=ROOT / "mkdocs.yml") == 0
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", pages
    finally:
        server.shutdown()
        server.server_close()


def test_the_hostile_site_has_every_page(hostile_site: tuple[str, list[str]]) -> None:
    _, pages = hostile_site
    assert {"index.html", "hostile/index.html", "channels/whatsapp/index.html"} <= set(pages)


def test_no_page_runs_or_holds_a_payload(hostile_site: tuple[str, list[str]], browser) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    url, pages = hostile_site
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    problems = {}
    for page in pages:
        browser.get(url + page)
        found = browser.execute_script(INJECTED)
        if found:
            problems[page] = found
    # The search results draw titles and text from the index: search for the payload's words.
    browser.get(url)
    box = WebDriverWait(browser, 30).until(
        ready.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input"))
    )
    for query in ("script", "onerror", "javascript", "alert"):
        box.click()
        box.clear()
        box.send_keys(query)
        # The line above the results says how many matched once the index has answered.
        WebDriverWait(browser, 30).until(
            lambda b: any(c.isdigit() for c in b.find_element(By.CSS_SELECTOR, META).text)
        )
        found = browser.execute_script(INJECTED)
        if found:
            problems[f"search {query}"] = found
    assert problems == {}
