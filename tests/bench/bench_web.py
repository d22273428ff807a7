"""The web app's figures: the production bundle's size (gzip) for the first screen, and the time from a
keystroke in the editor to the updated preview in the browser (p50, pause detection included).

Runs the real server (`cvmaker serve`, embedded default) and Debian's Chromium through Playwright. The web app
must be built (`npm run build` in frontend/); `make bench` runs after `make setup`, which does not build it, so
this script builds it when dist/ is missing.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench.report import ROOT, summary, table, write

DIST = ROOT / "frontend" / "dist"
KEYSTROKES = 30
FIXTURE = ROOT / "tests" / "fixtures" / "json_resume" / "senior_engineer.json"
FIRST_SCREEN_BUDGET_KB = 300
PREVIEW_P50_BUDGET_MS = 300
PREVIEW_P99_BUDGET_MS = 600


def _gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1024


def first_screen_assets() -> list[Path]:
    """index.html and what it loads before the first paint: the entry script, its preloads and stylesheets."""
    html = (DIST / "index.html").read_text()
    refs = re.findall(r'(?:src|href)="/(assets/[^"]+\.(?:js|css))"', html)
    return [DIST / "index.html", *(DIST / ref for ref in refs)]


def bundle_rows() -> list[dict[str, Any]]:
    first = first_screen_assets()
    rows = [{"asset": p.relative_to(DIST).as_posix(), "gzip_kb": _gzip_kb(p), "first_screen": "yes"} for p in first]
    for path in sorted((DIST / "assets").glob("*")):
        if path not in first and path.suffix in (".js", ".css"):
            rows.append(
                {"asset": path.relative_to(DIST).as_posix(), "gzip_kb": _gzip_kb(path), "first_screen": "no (lazy)"}
            )
    return rows


def keystroke_to_preview_ms() -> tuple[list[float], str]:
    """Times from a key press in the Full name field of a two-page CV to the preview showing the new page image,
    measured inside the page with performance.now() (the pause detection is included)."""
    from tests.e2e.browser import launch_chromium
    from tests.support.servers import free_port

    with tempfile.TemporaryDirectory() as data_dir:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--data-dir", data_dir],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            return _measure(f"http://127.0.0.1:{port}", launch_chromium)
        finally:
            process.terminate()
            process.wait(timeout=10)


def _measure(url: str, launch_chromium: Any) -> tuple[list[float], str]:
    import urllib.request

    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.get_by_role("button", name="Create an account").click()
        page.get_by_label("Email").fill("bench@example.com")
        page.get_by_label("Password").fill("correct horse battery staple")
        page.get_by_role("button", name="Create account").click()
        # A realistic two-page CV (JSON Resume fixture), so the render is of a typical size.
        page.get_by_role("heading", name="Your CVs").wait_for()
        page.get_by_role("button", name="Import a CV file").click()
        page.locator("#import-file").set_input_files(str(FIXTURE))
        # The import review sits above the editor: dismissed, so it does not move the page while keys are timed.
        page.get_by_role("button", name="Looks good").click()
        name = page.get_by_label("Full name")
        name.wait_for()
        has_preview = page.locator("[data-testid=preview-page]").count() > 0 or _wait_for_preview(page)
        what = "keystroke -> updated preview" if has_preview else "keystroke -> autosave confirmed (no preview yet)"
        page.wait_for_timeout(1500)
        times = []
        for index in range(KEYSTROKES):
            name.focus()
            elapsed = page.evaluate(
                """([hasPreview]) => new Promise((resolve) => {
                    const start = performance.now();
                    const done = () => { observer.disconnect(); resolve(performance.now() - start); };
                    const observer = new MutationObserver(() => {
                        if (hasPreview) {
                            const page = document.querySelector('[data-testid=preview-page]');
                            if (page && page.dataset.stale !== 'true' && page.getAttribute('src') !== before) done();
                        } else if (document.querySelector('[data-testid=save-status]')
                                     .textContent.includes('All changes saved')) done();
                    });
                    const before = document.querySelector('[data-testid=preview-page]')?.getAttribute('src');
                    observer.observe(document.body, {subtree: true, childList: true, attributes: true,
                                                     characterData: true});
                    const input = document.activeElement;
                    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
                    setter.call(input, input.value + String.fromCharCode(97 + (Math.random() * 26 | 0)));
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                })""",
                [has_preview],
            )
            times.append(float(elapsed))
            page.wait_for_timeout(1200 if index % 2 else 900)
        return times, what


def _wait_for_preview(page: Any) -> bool:
    try:
        page.locator("[data-testid=preview-page]").first.wait_for(timeout=8000)
        return True
    except Exception:
        return False


def main() -> int:
    if not (DIST / "index.html").is_file():
        subprocess.run(["npm", "run", "build", "--silent"], cwd=ROOT / "frontend", check=True)
    rows = bundle_rows()
    first_kb = sum(row["gzip_kb"] for row in rows if row["first_screen"] == "yes")
    print(table(rows, ["asset", "gzip_kb", "first_screen"]))
    print(f"\nFirst screen: {first_kb:.1f} KB gzip (target <= {FIRST_SCREEN_BUDGET_KB} KB)\n")
    times, what = keystroke_to_preview_ms()
    stats = summary(times)
    print(table([{"measure": what, **stats}], ["measure", "p50_ms", "p99_ms", "min_ms", "mean_ms", "n"]))
    print(
        f"\n{what}: p50 {stats['p50_ms']:.0f} ms (target <= {PREVIEW_P50_BUDGET_MS} ms), "
        f"p99 {stats['p99_ms']:.0f} ms (target <= {PREVIEW_P99_BUDGET_MS} ms)"
    )
    write("bench_web", rows, {"first_screen_gzip_kb": first_kb, "keystroke": {"measure": what, **stats}})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
