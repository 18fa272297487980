"""Accuracy of the default topic classifier on the labelled evaluation articles.

Usage: python tests/eval/report.py [-v] [SET ...]   (sets: tune, heldout, independent, seed; default all)

Each YAML file here is one article: `title` and `paragraphs`, a list of
`{topic, text}` with the lede first. `tune/` may be looked at while designing
the lexicon; `heldout/` was written first and is not tuned to; `independent/`
was written by an editor who never saw the classifier or its lexicon; `seed/` is the
project's seed article. `-v` also prints every paragraph's scores and cues.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefing_site.classify import Classifier, Verdict
from briefing_site.config import default_topics as load_default_topics

HERE = Path(__file__).resolve().parent
SETS = ("tune", "heldout", "independent", "seed")


@dataclass(frozen=True)
class Article:
    """A labelled article: its body paragraphs (lede dropped) and their topics."""

    path: Path
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    year: int = 2025


@dataclass(frozen=True)
class Result:
    """How one set fared: paragraphs right, paragraphs scored, and the misses."""

    correct: int
    total: int
    misses: tuple[tuple[Article, int, Verdict], ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_set(name: str) -> tuple[Article, ...]:
    """Every article of one evaluation set, in file-name order."""
    articles = []
    for path in sorted((HERE / name).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        body = [p for p in data["paragraphs"] if p["topic"] != "lede"]
        articles.append(
            Article(
                path=path,
                texts=tuple(str(p["text"]) for p in body),
                labels=tuple(str(p["topic"]) for p in body),
                year=int(data.get("year", 2025)),
            )
        )
    return tuple(articles)


def evaluate(classifier: Classifier, articles: tuple[Article, ...]) -> Result:
    """Classify each article as the sectioner would and compare with the labels."""
    correct = total = 0
    misses = []
    for article in articles:
        for index, verdict in enumerate(classifier.classify(article.texts, year=article.year)):
            total += 1
            if verdict.topic == article.labels[index]:
                correct += 1
            else:
                misses.append((article, index, verdict))
    return Result(correct, total, tuple(misses))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    classifier = Classifier(load_default_topics())
    chosen = [arg for arg in argv if arg in SETS] or list(SETS)
    for name in chosen:
        articles = load_set(name)
        result = evaluate(classifier, articles)
        print(f"{name:8} {result.correct}/{result.total} = {result.accuracy:.3f}")
        confusion = Counter((a.labels[i], v.topic) for a, i, v in result.misses)
        for (truth, got), n in sorted(confusion.items()):
            print(f"    {truth:>8} -> {got:<8} x{n}")
        for article, index, verdict in result.misses:
            print(
                f"    miss {article.path.name} #{index + 2}: {article.labels[index]} -> "
                f"{verdict.topic} conf={verdict.confidence} cues={list(verdict.cues)}"
            )
        if verbose:
            _dump(classifier, articles)
    return 0


def _dump(classifier: Classifier, articles: tuple[Article, ...]) -> None:
    for article in articles:
        print(f"  {article.path.name}")
        for label, verdict in zip(
            article.labels, classifier.classify(article.texts, year=article.year), strict=True
        ):
            mark = "  " if label == verdict.topic else "XX"
            scores = " ".join(f"{t}={s:.2f}" for t, s in verdict.scores)
            print(f"   {mark} {label:8} -> {verdict.topic:8} {scores} {list(verdict.cues)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
