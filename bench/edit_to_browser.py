#!/usr/bin/env python3
"""Edit-to-browser latency of `briefing-site serve`: from a file write to the page showing it.

    .venv/bin/python bench/edit_to_browser.py [--n 1000] [--edits 20] [--corpus SITE]

Starts `briefing-site serve` on a corpus of N briefings, opens one briefing in
headless Chromium (Playwright), then edits that article's title EDITS times,
alternating in-place writes and atomic saves (write a temporary file, rename it
over). Each sample runs from just before the write to the first animation frame
after the page's heading shows the new title (seen by a MutationObserver, so an
in-place swap and a full reload are timed alike), both on the machine's wall
clock; it is split at the moment the page got the server's change signal (its
event stream). How many edits were swapped in place, not reloaded, is reported;
so are the server's own rebuild times.

The corpus is SITE if given (its article is restored afterwards), else
`../shared/bench/make_corpus.py --format briefing` when that exists, else a
built-in generator of similar articles.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"
sys.path.insert(0, str(REPO / "scripts"))  # Chromium's launch, shared with the tests
from chromium import launch_chromium  # noqa: E402

NOW = "2030-01-01T00:00:00+00:00"  # after every corpus date, so no article is held back
SERVE = [sys.executable, "-m", "briefing_site", "serve"]
SHOWN_AT = """
(() => {
  const store = sessionStorage;
  const Source = window.EventSource;
  window.EventSource = class extends Source {
    constructor(url, init) {
      super(url, init);
      this.addEventListener("state", () => {
        if (store.getItem("bench:expect") && !store.getItem("bench:signal"))
          store.setItem("bench:signal", String(Date.now()));
      });
    }
  };
  window.__page = Math.random();  // a reload makes a new one
  const shows = () => {
    const marker = store.getItem("bench:expect");
    const heading = document.querySelector("h1");
    return marker && heading && heading.textContent.includes(marker);
  };
  let asked = false;
  new MutationObserver(() => {
    if (asked || store.getItem("bench:shown") || !shows()) return;
    asked = true;
    requestAnimationFrame(() => store.setItem("bench:shown", String(Date.now())));
  }).observe(document, { childList: true, subtree: true, characterData: true });
  window.__expect = (marker) => {
    asked = false;
    for (const name of ["signal", "shown"]) store.removeItem("bench:" + name);
    store.setItem("bench:expect", marker);
    return window.__page;
  };
})();
"""


def make_corpus(n: int, out: Path) -> Path:
    """A site of N briefings: the shared generator if present, else our own."""
    if SHARED_CORPUS.exists():
        subprocess.run(
            [sys.executable, str(SHARED_CORPUS), "--n", str(n), "--format", "briefing", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return out
    topics = ["tariffs and investment", "defense spending", "the 1960 treaty", "next steps"]
    for i in range(n):
        body = "\n\n".join(
            f"Paragraph {p} of briefing {i}: ministers discussed {topics[p % 4]} in detail, "
            "and officials said talks would continue through the spring."
            for p in range(1, 9)
        )
        (out / "content").mkdir(parents=True, exist_ok=True)
        (out / "content" / f"{i:05d}-briefing.md").write_text(
            f'---\ntitle: "Briefing {i}"\nsummary: Talks number {i}.\n'
            f"date: 2025-01-{1 + i % 28:02d}T09:00:00Z\n"
            f"event:\n  name: Talks {i}\n  start: 2025-03-{1 + i % 28:02d}T10:00:00+00:00\n"
            f"  timezone: UTC\n---\n{body}\n"
        )
    return out


class Server:
    """`briefing-site serve` in its own process, its output read in a thread."""

    def __init__(self, site: Path) -> None:
        self.process = subprocess.Popen(
            [*SERVE, "-s", str(site), "--port", "0", "--now", NOW],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        if not first.startswith("serving "):
            raise SystemExit(f"serve did not start: {first}{self.process.stdout.read()}")
        self.url = first.split()[1]
        self.builds: list[float] = []
        self.lines: list[str] = []
        self._built = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip())
            match = re.match(r"built \d+ briefings? in (\d+) ms", line)
            if match:
                self.builds.append(float(match.group(1)))
                self._built.set()

    def wait_first_build(self) -> float:
        if not self._built.wait(600):
            raise SystemExit("no first build after 600 s:\n" + "\n".join(self.lines))
        return self.builds[0]

    def stop(self) -> None:
        self.process.send_signal(2)
        self.process.wait(timeout=30)


def edit(path: Path, text: str, atomic: bool) -> float:
    """Write `text` to `path`; the wall-clock time (ms) just before the write."""
    started = time.time() * 1000
    if atomic:
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text)
        os.replace(temporary, path)
    else:
        path.write_text(text)
    return started


def measure(page: Any, article: Path, edits: int) -> list[tuple[float, float, bool]]:
    """Edit the article's title EDITS times: ms until the page shows it, ms until
    the page got the change signal, and whether the page was swapped in place."""
    original = article.read_text()
    samples = []
    try:
        for i in range(edits):
            marker = f"Edit {i} of {os.getpid()}"
            text = re.sub(r"(?m)^title: .*$", f'title: "{marker}"', original, count=1)
            before = page.evaluate(f"window.__expect({marker!r})")
            started = edit(article, text, atomic=i % 2 == 1)
            page.wait_for_function("sessionStorage.getItem('bench:shown')", timeout=30_000)
            shown, signal, after = page.evaluate(
                "[sessionStorage.getItem('bench:shown'), sessionStorage.getItem('bench:signal'),"
                " window.__page]"
            )
            samples.append((float(shown) - started, float(signal) - started, after == before))
            time.sleep(0.3)
    finally:
        article.write_text(original)
    return samples


def _summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return (
        f"{name}: median {statistics.median(ordered):.0f} ms, p90 {p90:.0f} ms, "
        f"min {ordered[0]:.0f} ms, max {ordered[-1]:.0f} ms (n={len(ordered)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="briefings in the corpus")
    parser.add_argument("--edits", type=int, default=20, help="edits to time")
    parser.add_argument("--corpus", type=Path, help="an existing site to use instead")
    args = parser.parse_args()
    from playwright import sync_api

    with tempfile.TemporaryDirectory(prefix="edit-to-browser-") as scratch:
        site = args.corpus or make_corpus(args.n, Path(scratch) / "site")
        articles = sorted((site / "content").glob("*.md"))
        count, article = len(articles), articles[0]
        server = Server(site)
        try:
            first = server.wait_first_build()
            with sync_api.sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                page = browser.new_page()
                page.add_init_script(SHOWN_AT)
                page.goto(f"{server.url}briefings/{article.stem}/", wait_until="load")
                samples = measure(page, article, args.edits)
                browser.close()
        finally:
            server.stop()
    print(f"corpus: {count} briefings; first build {first:.0f} ms")
    print(_summary("edit-to-browser", [total for total, _, _ in samples]))
    print(_summary("  of which write to change signal", [signal for _, signal, _ in samples]))
    print(_summary("  of which browser update", [total - signal for total, signal, _ in samples]))
    swapped = sum(in_place for _, _, in_place in samples)
    print(f"swapped in place: {swapped} of {len(samples)} (the rest reloaded the page)")
    print(_summary("server rebuild", server.builds[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
