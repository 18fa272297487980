"""How long does a build take when one article is hostile or broken text?

Article text is untrusted (a scraped page, pasted copy). Each shape below once
made a regex or a loop cost time quadratic in its length, so a single ~1 MB
`.txt` article could stall a build for minutes. This builds one site per shape
(`briefing-site init`, the example article replaced by the shape) and prints the
build's wall time next to 1 MB of ordinary prose. Each build gets `--timeout`
seconds (a stalled one is reported as such, not waited for).

    .venv/bin/python bench/adversarial_text.py                 # every shape
    .venv/bin/python bench/adversarial_text.py brackets spaces # some of them
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = 999_000  # bytes of article text per shape
LINE = 10_000  # characters a paragraph, for the shapes made of many paragraphs
LEDE = (
    "Japan's prime minister met the president in Washington on Friday, and the two "
    "leaders said they had agreed to deepen the alliance and expand investment."
)
WORDS = (  # noqa: SIM905
    "minister talks trade tariff alliance summit investment officials agreed meeting "
    "defense budget economy growth exports market leaders week plan deal"
).split()


def prose() -> str:
    rng = random.Random(1)
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < SIZE:
        sentences = [
            "The " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 25)))
            + " and the minister said it was of the essence."
            for _ in range(rng.randint(3, 6))
        ]  # fmt: skip
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)[:SIZE]


def paragraphs_of(unit: str) -> str:
    """~1 MB of paragraphs, each `LINE` characters of `unit` repeated, under a lede."""
    line = (unit * (LINE // len(unit) + 1))[:LINE]
    return LEDE + "\n\n" + "\n\n".join([line] * (SIZE // (LINE + 2) - 1))


def short_paragraphs() -> str:
    return "\n".join(f"Item {i} was sent by the office today." for i in range(20_000))


def repeated_paragraphs() -> str:
    """12,000 blocks, each nearly the one before it: the repeat check once compared
    every block with every other (~12 s of junk filtering)."""
    short = "The ministers met again to talk about the fisheries accord."
    longer = "The ministers met again to talk about the fisheries accord on Friday."
    return "\n\n".join((short, longer)[i % 2] for i in range(12_000))


def one_paragraph_of(unit: str) -> str:
    """~1 MB of `unit` repeated as one paragraph, under a lede."""
    return LEDE + "\n\n" + unit * ((SIZE - len(LEDE)) // len(unit))


def said_then_spaces() -> str:
    """A syndication line ending "..., said" before ~1 MB of spaces: the "who said it"
    check after a syndication line once gave the spaces back one at a time (over an hour)."""
    line = (
        "The talks went on for many hours in the city. "
        "This article was originally published on Example, said"
    )
    return LEDE + "\n\n" + line + " " * (SIZE - len(LEDE) - len(line)) + "x"


SHAPES: dict[str, Callable[[], str]] = {
    "prose": prose,
    "spaces": lambda: LEDE + "\n\n" + "\n\n".join(["Talks went on" + " " * 20_000 + "end:"] * 49),
    "spaces_one_line": lambda: "Talks went on " + " " * (SIZE - 30) + "end:",
    "digits_commas": lambda: paragraphs_of("1,"),
    "brackets": lambda: paragraphs_of("[a"),
    "angle_brackets": lambda: paragraphs_of("<a"),
    "short_paragraphs_20k": short_paragraphs,
    "repeated_paragraphs_12k": repeated_paragraphs,
    # A syndication line cut from the end of a paragraph that says it 21,000 times.
    "syndicated_lines": lambda: one_paragraph_of("The talks went on. Originally published here. "),
    "said_then_spaces": said_then_spaces,
    "link_starts": lambda: one_paragraph_of("WWW.") + " x",  # a link pattern from each "WWW."
}


def make_site(root: Path, text: str) -> Path:
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    cli = Path(sys.executable).with_name("briefing-site")
    subprocess.run([cli, "init", site], check=True, capture_output=True)
    for old in (site / "content").iterdir():
        old.unlink()
    (site / "content" / "a.txt").write_text(text, encoding="utf-8")
    (site / "content" / "a.yaml").write_text(
        'title: "Ishiba meets Trump in Washington"\ndate: 2025-02-05T09:00:00-05:00\n',
        encoding="utf-8",
    )
    return site


def build(site: Path, timeout: float) -> str:
    cli = Path(sys.executable).with_name("briefing-site")
    command = [cli, "build", "-s", site, "--now", "2025-03-01T00:00:00Z", "--no-cache"]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"stalled (killed after {timeout:.0f} s)"
    took = time.perf_counter() - started
    return f"{took:6.1f} s" + ("" if done.returncode == 0 else f"  exit {done.returncode}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", help=f"some of: {', '.join(SHAPES)}")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    unknown = set(args.shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shapes {sorted(unknown)}: choose from {', '.join(SHAPES)}")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.shapes or list(SHAPES):
            site = make_site(Path(folder), SHAPES[name]())
            print(f"{name:<22} {build(site, args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
