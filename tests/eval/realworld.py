"""Junk, lede and segmentation on real scraped pages, cross-validated.

Usage: python tests/eval/realworld.py [--set DIR] [-v]
       (DIR: content/ and labels.yaml, e.g. tests/eval/scraped, our own written pages;
       scored with the realworld set's score.py when DIR has none)

Reads the labelled real-world set from `../shared/eval/realworld/` beside the
repository (never copied into it) and scores pages with that set's own
`score.py`. The junk filter's thresholds (`clean.Thresholds`) are chosen on
the training articles from a small grid and the figures are reported on the
articles left out: two folds (alphabetical odd / even) and leave-one-out.
"Defaults" is the shipped thresholds on every article (not held out).
"""

from __future__ import annotations

import html
import importlib.util
import itertools
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from briefing_site.config.schema import default_topics
from briefing_site.content.assemble import Tools, assemble
from briefing_site.content.junk import JunkFilter, Thresholds
from briefing_site.content.load import parse_text_article
from briefing_site.model import Briefing, SiteConfig

REALWORLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "realworld"
NOW = datetime(2026, 11, 29, tzinfo=UTC)
GRID = {
    "good_min_chars": (80, 110, 140),
    "label_max_words": (12, 20, 30),
    "sparse_stopwords": (0.08, 0.12, 0.16),
}


@dataclass(frozen=True)
class Counts:
    """What score.py found for some articles, as sums that add up across articles."""

    junk_dropped: int = 0
    junk: int = 0
    real_dropped: int = 0
    real: int = 0
    ledes: int = 0
    articles: int = 0
    cuts: int = 0  # splits + merges
    agree: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def cost(self) -> float:
        """What tuning minimises: a real paragraph dropped costs ten junk lines kept."""
        return (
            (self.junk - self.junk_dropped)
            + 10 * self.real_dropped
            + 3 * (self.articles - self.ledes)
            + 3 * self.cuts
        )

    def row(self) -> str:
        def share(a: int, b: int) -> str:
            return f"{a}/{b} {a / b:6.1%}" if b else f"{a}/{b}"

        per100 = 100 * self.cuts / self.real if self.real else 0.0
        return (
            f"junk dropped {share(self.junk_dropped, self.junk):>14}  "
            f"real dropped {share(self.real_dropped, self.real):>14}  "
            f"lede {share(self.ledes, self.articles):>13}  "
            f"splits+merges {per100:4.1f}/100  agreement {share(self.agree, self.real):>14}"
        )


class _ParseOnce:
    """PyYAML for score.py, parsing each text once: it reads the labels on every call."""

    def __init__(self) -> None:
        self.seen: dict[str, Any] = {}

    def safe_load(self, text: str) -> Any:
        if text not in self.seen:
            self.seen[text] = yaml.safe_load(text)
        return self.seen[text]


def load_scorer(base: Path) -> ModuleType:
    """The set's own score.py, imported from beside its labels."""
    spec = importlib.util.spec_from_file_location("realworld_score", base / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {base}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.yaml = _ParseOnce()  # type: ignore[attr-defined]
    return module


def briefing(base: Path, slug: str, tools: Tools) -> Briefing:
    """One article through load, clean and section, as the build does it."""
    content = base / "content"
    article = parse_text_article(
        (content / f"{slug}.txt").read_text(encoding="utf-8"),
        f"content/{slug}.txt",
        (content / f"{slug}.yaml").read_text(encoding="utf-8"),
        f"content/{slug}.yaml",
    )
    return assemble(article, tools, NOW).briefing


def write_page(out: Path, made: Briefing) -> None:
    """The output contract's shape only: what score.py reads."""
    parts = []
    for placement in made.placements:
        text = html.escape(placement.paragraph.text)
        parts.append(f'<div data-topic="{placement.topic}"><p>{text}</p></div>')
    page = out / "briefings" / made.meta.slug / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<main>" + "".join(parts) + "</main>", encoding="utf-8")


def article_counts(
    base: Path, scorer: ModuleType, thresholds: Thresholds, slugs: Sequence[str]
) -> dict[str, Counts]:
    """Counts per article with these thresholds."""
    config = SiteConfig(topics=default_topics())
    tools = Tools.for_config(config)
    tools = Tools(config, tools.classifier, JunkFilter((), thresholds), tools.markup)
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for slug in slugs:
            write_page(out, briefing(base, slug, tools))
        for slug in slugs:
            result[slug] = _counts(scorer.score(out, base, {slug}))
    return result


def _counts(found: dict[str, Any]) -> Counts:
    dropped, total = (int(n) for n in str(found["junk"]).split("/"))
    ledes, articles = (int(n) for n in str(found["ledes"]).split("/"))
    return Counts(
        junk_dropped=dropped,
        junk=total,
        real_dropped=len(found["real_dropped"]),
        real=int(found["paragraphs"]),
        ledes=ledes,
        articles=articles,
        cuts=int(found["splits"]) + int(found["merges"]),
        agree=int(found["correct"]),
    )


def candidates() -> list[Thresholds]:
    keys = list(GRID)
    return [
        Thresholds(**dict(zip(keys, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]


def total(per: dict[str, Counts], slugs: Iterable[str]) -> Counts:
    return sum((per[s] for s in slugs), Counts())


def cross_validate(
    table: dict[Thresholds, dict[str, Counts]], folds: Sequence[Sequence[str]]
) -> tuple[Counts, list[Thresholds]]:
    """Held-out counts: each fold scored with the thresholds best on the other folds."""
    held = Counts()
    chosen = []
    everything = [s for fold in folds for s in fold]
    for fold in folds:
        train = [s for s in everything if s not in fold]
        best = min(table, key=lambda t: (total(table[t], train).cost(), t != Thresholds()))
        chosen.append(best)
        held = held + total(table[best], fold)
    return held, chosen


def main(argv: list[str], echo: Callable[[str], None] = print) -> int:
    base = Path(argv[argv.index("--set") + 1]) if "--set" in argv else REALWORLD
    if not (base / "labels.yaml").is_file():
        echo(f"no labelled set at {base}")
        return 1
    scorer = load_scorer(base if (base / "score.py").is_file() else REALWORLD)
    slugs = sorted(yaml.safe_load((base / "labels.yaml").read_text(encoding="utf-8")))
    table = {t: article_counts(base, scorer, t, slugs) for t in candidates()}
    default = table[Thresholds()]
    echo(f"{base.name}: {len(slugs)} articles")
    echo(f"  defaults, all articles (not held out)  {total(default, slugs).row()}")
    halves = [slugs[0::2], slugs[1::2]]
    held, chosen = cross_validate(table, halves)
    echo(f"  2-fold (odd / even), held out          {held.row()}")
    held, chosen_loo = cross_validate(table, [[s] for s in slugs])
    echo(f"  leave-one-out, held out                {held.row()}")
    if "-v" in argv:
        for fold, picked in zip(("odd", "even"), chosen, strict=True):
            echo(f"    thresholds tuned without the {fold} half: {picked}")
        moved = sum(t != Thresholds() for t in chosen_loo)
        echo(f"    leave-one-out: {moved} of {len(slugs)} folds chose other than the defaults")
        for slug in slugs:
            echo(f"    {slug:45} {default[slug].row()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
