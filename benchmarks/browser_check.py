"""Benchmark: milliseconds per check of a 2,000-character draft in headless Chromium.

The browser checker (playbook-check.js) runs in the built site's "Check a draft" page, with
the sample's rules and with 500 extra terms; the Python checker checks the same draft in the
same run, as the reference. Drafts are real company replies of ../shared/data joined to
2,000 characters, so some words break rules.
Run: python benchmarks/browser_check.py [--checks N]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.check_replies import DATA, ROOT, replies, with_terms  # noqa: E402
from generator.checking import Checker  # noqa: E402
from generator.site.builder import build_site  # noqa: E402
from generator.validation import validate  # noqa: E402

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
#: Runs in the page: import the module, load the site's rules, time `checks` checks.
SCRIPT = """
const [drafts, checks, done] = arguments;
(async () => {
  const { check } = await import("../assets/javascripts/playbook-check.js");
  const rules = await (await fetch("../rules.json")).json();
  const options = { channel: "whatsapp", situation: "complaint" };
  let findings = check(rules, drafts[0], options).length;  // compiles the rules
  const start = performance.now();
  for (let i = 0; i < checks; i++) {
    findings += check(rules, drafts[i % drafts.length], options).length;
  }
  done({ ms: (performance.now() - start) / checks, findings });
})().catch((error) => done({ error: String(error) }));
"""


def drafts(count: int = 20, size: int = 2000) -> list[str]:
    texts, out, i = replies(), [], 0
    for _ in range(count):
        draft = ""
        while len(draft) < size:
            draft += texts[i % len(texts)] + "\n"
            i += 1
        out.append(draft[:size])
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_script_timeout(300)
    return driver


def python_ms(guidelines: Path, texts: list[str], checks: int) -> float:
    playbook = validate(guidelines).playbook
    assert playbook is not None
    checker = Checker.from_playbook(playbook)
    checker.check(texts[0], channel="whatsapp", situation="complaint")
    start = time.perf_counter()
    for i in range(checks):
        checker.check(texts[i % len(texts)], channel="whatsapp", situation="complaint")
    return (time.perf_counter() - start) * 1000 / checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checks", type=int, default=2000)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}: put the shared data beside the repository", file=sys.stderr)
        return 2
    texts = drafts()
    print(f"{len(texts)} drafts of {len(texts[0])} characters, {args.checks} checks each")
    driver = browser()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for label, guidelines in (
                ("sample", ROOT / "guidelines"),
                ("sample + 500 terms", with_terms(500, Path(folder))),
            ):
                site = Path(folder) / f"site-{len(label)}"
                if build_site(guidelines, site, config_file=ROOT / "mkdocs.yml") != 0:
                    print(f"{label}: the site did not build", file=sys.stderr)
                    return 1
                server = serve(site)
                try:
                    driver.get(f"http://127.0.0.1:{server.server_port}/check/")
                    result = driver.execute_async_script(SCRIPT, texts, args.checks)
                finally:
                    server.shutdown()
                    server.server_close()
                if "error" in result:
                    print(f"{label}: {result['error']}", file=sys.stderr)
                    return 1
                reference = python_ms(guidelines, texts, args.checks)
                print(
                    f"{label:>20}: Chromium {result['ms']:.3f} ms per check "
                    f"({result['findings']} findings); Python checker {reference:.3f} ms"
                )
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
