"""The "Check a draft" page in headless Chromium: findings as you type, highlights, one-click fix.

The draft breaks three rules on WhatsApp; the page must show the findings `playbook check`
gives for it, mark their words, and drop a finding once its suggestion is applied.
Screenshots at desktop and mobile widths go to tests/artifacts/.
"""

from __future__ import annotations

from pathlib import Path

from generator.checking import Checker
from generator.validation import validate
from tests.conftest import SAMPLE
from tests.test_browser import _screenshot, browser, site_url  # noqa: F401 - fixtures

DRAFT = "Hi Anna, as per our policy you will get your money back. Please call us tomorrow."


def _expected() -> list[dict[str, object]]:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    return [f.as_dict() for f in Checker.from_playbook(playbook).check(DRAFT, channel="whatsapp")]


def _findings(browser) -> list[str]:  # noqa: F811 - the fixture's name
    from selenium.webdriver.common.by import By

    return [
        li.find_element(By.CSS_SELECTOR, ".pb-check__message").text
        for li in browser.find_elements(By.CSS_SELECTOR, "li.pb-check__finding")
    ]


def test_type_a_draft_see_the_findings_and_apply_a_suggestion(
    site_url: str,  # noqa: F811
    browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait

    expected = _expected()
    assert len(expected) == 3
    wait = WebDriverWait(browser, 20)
    browser.get(site_url + "check/")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".pb-check--ready")))
    Select(browser.find_element(By.ID, "pb-channel")).select_by_value("whatsapp")
    draft = browser.find_element(By.ID, "pb-draft")
    draft.send_keys(DRAFT)
    wait.until(lambda _: len(_findings(browser)) == 3)
    assert _findings(browser) == [f["message"] for f in expected]
    marks = browser.find_elements(By.CSS_SELECTOR, ".pb-check__backdrop mark")
    assert [m.get_attribute("textContent") for m in marks] == [f["match"] for f in expected]
    links = [
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".pb-check__meta a")
    ]
    assert links == [site_url + f["link"] for f in expected]
    status = browser.find_element(By.CSS_SELECTOR, "[role=status]")
    wait.until(lambda _: status.text == "2 errors, 1 warning")
    browser.set_window_size(1280, 1400)
    browser.execute_script("window.scrollTo(0, 0)")
    _screenshot(browser, "check-desktop.png")

    # The preferred term's fix, reached and applied with the keyboard alone: Tab from the
    # draft through the findings' links and buttons, then Space.
    from selenium.webdriver.common.keys import Keys

    def on_the_fix() -> bool:
        active = browser.switch_to.active_element
        return (
            "pb-check__apply" in (active.get_attribute("class") or "") and "refund" in active.text
        )

    assert browser.switch_to.active_element == draft
    for _ in range(8):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if on_the_fix():
            break
    button = browser.switch_to.active_element
    assert button.tag_name == "button" and "refund" in button.text
    button.send_keys(Keys.SPACE)
    wait.until(lambda _: len(_findings(browser)) == 2)
    assert "refund" in draft.get_attribute("value")
    assert "money back" not in draft.get_attribute("value")
    assert all("money back" not in m for m in _findings(browser))
    assert browser.switch_to.active_element == draft
    wait.until(lambda _: "2 errors, 0 warnings" in status.text)

    # The customer's message sets the situation, and the complaint's rules apply.
    browser.find_element(By.ID, "pb-customer").send_keys("My lamp arrived broken, unacceptable")
    wait.until(
        lambda _: (
            Select(browser.find_element(By.ID, "pb-situation")).first_selected_option.get_attribute(
                "value"
            )
            == "complaint"
        )
    )
    wait.until(lambda _: any("apologises" in m for m in _findings(browser)))

    # Nothing typed leaves the page: every request is for a file of the site, none carries text.
    requests = browser.execute_script(
        "return performance.getEntriesByType('resource').map((e) => e.name)"
    )
    assert requests and all(r.startswith(site_url) and "?" not in r for r in requests), requests
    assert not any("Anna" in r or "lamp" in r for r in requests)

    browser.set_window_size(390, 900)
    browser.execute_script("document.querySelector('.pb-check').scrollIntoView()")
    _screenshot(browser, "check-mobile.png")


def test_a_weak_detection_leaves_the_scoped_rules_out_until_the_agent_picks_it(
    site_url: str,  # noqa: F811
    browser,  # noqa: F811
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait

    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    checker = Checker.from_playbook(playbook)
    weak = "I was charged twice"
    assert checker.situation_of(weak) == ("complaint", "weak")
    wait = WebDriverWait(browser, 20)
    browser.get(site_url + "check/")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".pb-check--ready")))
    Select(browser.find_element(By.ID, "pb-channel")).select_by_value("whatsapp")
    browser.find_element(By.ID, "pb-draft").send_keys(DRAFT)
    browser.find_element(By.ID, "pb-customer").send_keys(weak)
    situation = Select(browser.find_element(By.ID, "pb-situation"))
    wait.until(lambda _: situation.first_selected_option.get_attribute("value") == "complaint")
    # as `playbook check --in-reply-to`: the complaint's rules wait for a strong detection
    expected = checker.check(DRAFT, channel="whatsapp", situation="complaint", confidence="weak")
    wait.until(lambda _: _findings(browser) == [f.message for f in expected])
    assert not any("apologises" in m for m in _findings(browser))
    situation.select_by_value("information")
    situation.select_by_value("complaint")  # picked by the agent: given
    wait.until(lambda _: any("apologises" in m for m in _findings(browser)))


def test_channel_page_checks_with_the_channel_preset(
    site_url: str,  # noqa: F811
    browser,  # noqa: F811
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(site_url + "channels/whatsapp/")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".pb-check--ready")))
    channel = Select(browser.find_element(By.ID, "pb-channel"))
    assert channel.first_selected_option.get_attribute("value") == "whatsapp"
    browser.find_element(By.ID, "pb-draft").send_keys(DRAFT)
    wait.until(lambda _: len(_findings(browser)) == 3)
    link = browser.find_element(By.CSS_SELECTOR, ".pb-check__meta a").get_attribute("href")
    assert link == site_url + "rules/#term-as-per-our-policy"
    browser.execute_script("document.querySelector('#check').scrollIntoView()")
    _screenshot(browser, "check-channel.png")


def test_channel_page_loads_the_detection_only_for_a_customers_message(
    site_url: str,  # noqa: F811
    browser,  # noqa: F811
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait

    def loaded() -> dict[str, int]:
        entries = browser.execute_script(
            "return performance.getEntriesByType('resource')"
            ".map((e) => [e.name.split('/').pop(), e.decodedBodySize])"
        )
        return dict(entries)

    wait = WebDriverWait(browser, 20)
    browser.get(site_url + "channels/whatsapp/")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".pb-check--ready")))
    browser.find_element(By.ID, "pb-draft").send_keys(DRAFT)
    wait.until(lambda _: len(_findings(browser)) == 3)
    # The checker is light; the stemmers and VADER's lexicons wait for a customer's message.
    assert 0 < loaded()["playbook-check.js"] < 80_000
    assert "playbook-detect.js" not in loaded()
    browser.find_element(By.CSS_SELECTOR, ".pb-check__customer summary").click()
    browser.find_element(By.ID, "pb-customer").send_keys("My lamp arrived broken, unacceptable")
    situation = Select(browser.find_element(By.ID, "pb-situation"))
    wait.until(lambda _: situation.first_selected_option.get_attribute("value") == "complaint")
    wait.until(lambda _: any("apologises" in m for m in _findings(browser)))
    assert loaded()["playbook-detect.js"] > 150_000
    assert "Complaint" in browser.find_element(By.CSS_SELECTOR, "[data-pb-detected]").text


def test_a_language_without_detection_still_checks_and_says_so(
    browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Situations are detected in English and Italian only: in another language the page says
    so and checks the draft against the situation the agent picks."""
    import functools
    import http.server
    import shutil
    import threading

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from generator.site.builder import build_site
    from tests.conftest import ROOT
    from tests.test_browser import _Quiet

    guidelines = tmp_path / "guidelines"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", guidelines)
    playbook = guidelines / "playbook.yml"
    playbook.write_text(
        playbook.read_text(encoding="utf-8").replace("language: en", "language: de"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert build_site(guidelines, site, strict=True, config_file=ROOT / "mkdocs.yml") == 0
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        wait = WebDriverWait(browser, 20)
        browser.get(f"http://127.0.0.1:{server.server_port}/check/")
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".pb-check--ready")))
        browser.find_element(By.ID, "pb-customer").send_keys("Die Lampe ist kaputt, unacceptable")
        detected = browser.find_element(By.CSS_SELECTOR, "[data-pb-detected]")
        wait.until(lambda _: "not detected" in detected.text)
        assert "(de)" in detected.text and "pick the situation" in detected.text
        browser.find_element(By.ID, "pb-draft").send_keys("Please calm down, it ships tomorrow.")
        wait.until(lambda _: any("calm down" in m for m in _findings(browser)))
        assert not any("apologises" in m for m in _findings(browser))
        Select(browser.find_element(By.ID, "pb-situation")).select_by_value("complaint")
        wait.until(lambda _: any("apologises" in m for m in _findings(browser)))
        assert "not detected" in detected.text
        _screenshot(browser, "check-no-detection.png")
    finally:
        server.shutdown()
        server.server_close()
