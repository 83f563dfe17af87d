"""One real visit of the built site in headless Chromium: search, land on the channel, copy."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.site.builder import build_site
from generator.validation import validate
from tests.conftest import ROOT, SAMPLE, TESTS

ARTIFACTS = TESTS / "artifacts"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHANNEL, TEMPLATE = "whatsapp", "whatsapp-late-delivery-complaint"


def _browser_or_skip() -> tuple[str, str]:
    """Chromium and its driver; on CI (CI=true) a missing browser fails instead of skipping."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    message = "headless Chromium and chromedriver are needed for the browser test"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("browser") / "site"
    assert build_site(SAMPLE, site, strict=True, config_file=ROOT / "mkdocs.yml") == 0
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def browser(tmp_path: Path):
    chromium, driver_path = _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.add_argument("--window-size=1400,1000")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def template_text(channel: str, template: str) -> str:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    return next(t.text for t in playbook.channel(channel).templates if t.id == template)


def _search_word(site_url: str) -> str:
    """The word of the template that the fewest other pages contain, so the search is sharp."""
    text = template_text(CHANNEL, TEMPLATE)
    with urllib.request.urlopen(site_url + "search/search_index.json") as response:
        docs = json.loads(response.read())["docs"]

    def pages(word: str) -> set[str]:
        return {d["location"].split("#")[0] for d in docs if word in d["text"].lower()}

    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]{5,}", text)})
    found = [w for w in words if f"channels/{CHANNEL}/" in pages(w)]
    assert found, f"no word of {TEMPLATE} is in the search index"
    return min(found, key=lambda w: (len(pages(w)), w))


def _results(browser, wait, query: str) -> list[str]:
    """Type a search and return the links of its results, relative to the site."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    box = wait.until(ready.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.clear()
    box.send_keys(query)

    seen: list[list[str]] = []

    def settled(_: object) -> list[str] | None:
        # The list is redrawn as the index answers: wait until two looks in a row agree.
        try:
            links = [
                a.get_attribute("href")
                for a in browser.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")
            ]
        except StaleElementReferenceException:
            return None
        seen.append(links)
        return links if links and seen[-2:] == [links, links] else None

    links = WebDriverWait(browser, 30, poll_frequency=0.5).until(settled)
    return [_relative(link) for link in links]


def _relative(href: str) -> str:
    """A result's link without the server and the highlight query: 'channels/x/#anchor'."""
    return re.sub(r"^https?://[^/]+/|\?h=[^#]*", "", href)


def test_search_finds_the_situation_and_the_banned_term(site_url: str, browser) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    banned = next(t.term for t in playbook.terms if t.status == "banned")
    browser.get(site_url)
    assert _results(browser, wait, "complaint")[0] == "situations/complaint/"
    assert _results(browser, wait, banned)[0] == "terms/"


def _screenshot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    # The folder ignores itself, so screenshots never end up in a commit by accident.
    (ARTIFACTS / ".gitignore").write_text("*\n", encoding="utf-8")
    driver.save_screenshot(str(ARTIFACTS / name))


def test_search_a_template_word_land_on_the_channel_and_copy_it(site_url: str, browser) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    word = _search_word(site_url)
    browser.get(site_url)
    wait.until(ready.title_contains("Velluto Home"))
    _screenshot(browser, "home.png")

    links = _results(browser, wait, word)
    # The template's own section if it is listed, else the channel page's first result.
    target = next((link for link in links if link.endswith(f"#{TEMPLATE}")), None) or next(
        link for link in links if link.startswith(f"channels/{CHANNEL}/")
    )
    for link in browser.find_elements(By.CSS_SELECTOR, "a.md-search-result__link"):
        if _relative(link.get_attribute("href")) == target:
            link.click()
            break

    wait.until(ready.url_contains(f"channels/{CHANNEL}/"))
    heading = wait.until(ready.presence_of_element_located((By.ID, TEMPLATE)))
    assert browser.find_element(By.TAG_NAME, "h1").text == "WhatsApp"
    browser.execute_script("window.scrollTo(0, 0)")
    # At the top the header shows the site's name again, after a short fade.
    wait.until(
        lambda _: (
            "active"
            not in browser.find_element(By.CSS_SELECTOR, ".md-header__title").get_attribute("class")
        )
    )
    time.sleep(0.5)
    _screenshot(browser, "channel.png")

    block = heading.find_element(By.XPATH, "following::div[contains(@class, 'pb-template')][1]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", block)
    code = block.find_element(By.TAG_NAME, "code").text
    assert word in code.lower() and "{first_name}" in code
    # Material's script adds the copy button once the page has loaded (its class changed in 9.7).
    button = wait.until(
        lambda _: block.find_element(
            By.CSS_SELECTOR, "button[data-md-type='copy'], button.md-clipboard"
        )
    )
    ActionChains(browser).move_to_element(block).move_to_element(button).click().perform()
    dialog = wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, ".md-dialog")))
    wait.until(lambda _: "Copied to clipboard" in dialog.text)
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": site_url.rstrip("/"), "permissions": ["clipboardReadWrite"]},
    )
    copied = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('error: ' + e))"
    )
    assert copied.strip() == template_text(CHANNEL, TEMPLATE).strip()
    _screenshot(browser, "copied.png")
