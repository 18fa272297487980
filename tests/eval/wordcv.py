"""Would a word-level model fitted on labelled paragraphs place topics better?

Usage: python tests/eval/wordcv.py [--set DIR ...] [--by page|set|group] [--groups FILE]
                                   [--alpha A] [--weight B] [--extra NAME,...] [--folds K]

A multinomial naive Bayes model over word unigrams and bigrams (the
classifier's own tokens, so years read as `earlieryear` and the like; other
numbers as `<num>`; a few function words dropped; uniform topic prior) is
fitted on labelled paragraphs and combined with the lexicon: each paragraph's
lexicon probability (the classifier's emission, before its neighbours are
weighed) is multiplied by the model's likelihood raised to `--weight`, and the
article is then decided over its sequence with the shipped "stay on topic"
chain, as the classifier does.

Every figure is cross-validated. The labelled sets are `realworld` (the real
pages in `../shared/eval/realworld/` beside the checkout, when present; its
even half, in name order, is the one the lexicon was written looking at) and
each `--set DIR` (real pages labelled by the same rules, kept outside the
repository: see `report.py --set`). `--by page` (default) is grouped k-fold
by page over all of them (page i in fold i mod K): a page is scored by a model
fitted on the other folds' pages only. `--by set` scores each set by a model
fitted on the OTHER sets only: whether what one editor's pages teach carries
to another's. `--by group --groups FILE` leaves out one group of pages at a
time: FILE maps page names (file names without extension) to a group, say the
event or story they cover, so that pages about the same summit never sit on
both sides (a page not listed is a group of its own). Several pages on one
event share its names and places, which a word model learns and a new event
does not have. `--extra tune,wire` adds the project's own written sets to
every fold's training data (never scored).

Per set it prints the shipped classifier's agreement beside the combined
model's, and how many paragraphs the model fixed and broke. Nothing here is
used by the package: the README's realworld section says why (the gain on
one set of pages did not carry to the other).
"""

from __future__ import annotations

import itertools
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from report import REALWORLD, Article, load_realworld, load_set  # beside this file

from briefing_site.config.schema import default_topics as load_default_topics
from briefing_site.content.classify import (
    Classifier,
    Settings,
    _forward_backward,
    _tokens,
    strip_markup,
)

STOPWORDS = frozenset(
    """a an the of to in on at for and or but by with from as is are was were be been being
    it its this that these those he she they we i you his her their our them him us who which
    what when where while also than then there here has have had do does did said says say
    told according mr mrs ms""".split()  # noqa: SIM905
)
"""Function words too common to tell topics apart. Modal and future words ("will",
"would", "next") are kept: they are what outlook is written in."""

HALVES = ("realworld-even", "realworld-odd")
"""The realworld pages' halves, reported apart; one set (one editor's) when scoring by set."""

STAY = 0.3
"""The shipped decoder's chance of staying on a topic (classify.STAY)."""


def features(text: str, year: int | None) -> Counter[str]:
    """Unigram and bigram counts of a paragraph, numbers as `<num>`, function words out."""
    words = ["<num>" if token.isdigit() else token for token in _tokens(strip_markup(text), year)]
    words = [word for word in words if word not in STOPWORDS]
    found = Counter(words)
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return found


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes with additive smoothing and a uniform topic prior."""

    topics: tuple[str, ...]
    alpha: float
    log_prob: dict[str, list[float]]
    unseen: list[float]

    @classmethod
    def fit(
        cls, rows: Sequence[tuple[Counter[str], str]], topics: tuple[str, ...], alpha: float
    ) -> NaiveBayes:
        counts = [Counter[str]() for _ in topics]
        for found, label in rows:
            counts[topics.index(label)].update(found)
        vocabulary = set().union(*counts)
        totals = [sum(c.values()) + alpha * len(vocabulary) for c in counts]
        log_prob = {
            feature: [
                math.log((counts[t][feature] + alpha) / totals[t]) for t in range(len(topics))
            ]
            for feature in vocabulary
        }
        unseen = [math.log(alpha / total) for total in totals]
        return cls(topics, alpha, log_prob, unseen)

    def log_likelihood(self, found: Counter[str]) -> list[float]:
        """Per topic, the paragraph's log-likelihood less the best topic's (features
        never seen in training are ignored)."""
        scores = [0.0] * len(self.topics)
        for feature, n in found.items():
            row = self.log_prob.get(feature)
            if row is not None:
                scores = [s + n * r for s, r in zip(scores, row, strict=True)]
        top = max(scores)
        return [s - top for s in scores]


def emissions(classifier: Classifier, article: Article) -> list[list[float]]:
    """The lexicon's per-paragraph topic probabilities before the sequence is weighed.

    With a chain whose every move is as likely as staying, forward-backward
    leaves each paragraph's own probability unchanged, so `classify` returns it.
    """
    names = [topic.name for topic in load_default_topics()]
    found = []
    for verdict in classifier.classify(article.texts, year=article.year):
        scores = dict(verdict.scores)
        found.append([max(scores[name], 1e-4) for name in names])
    return found


def decide(lexicon: list[list[float]], model: list[list[float]], weight: float) -> list[int]:
    """Each paragraph's topic from the lexicon times the model, decided over the sequence."""
    combined = []
    for own, words in zip(lexicon, model, strict=True):
        logs = [math.log(p) + weight * w for p, w in zip(own, words, strict=True)]
        top = max(logs)
        combined.append([math.exp(x - top) for x in logs])
    posteriors = _forward_backward(combined, STAY)
    return [max(range(len(p)), key=lambda t: (p[t], -t)) for p in posteriors]


def main(argv: list[str]) -> int:
    def option(name: str, default: str) -> str:
        return argv[argv.index(name) + 1] if name in argv else default

    topics = load_default_topics()
    names = tuple(topic.name for topic in topics)
    pages: list[tuple[str, Article]] = []
    if realworld := load_realworld():
        pages += [(HALVES[index % 2], article) for index, article in enumerate(realworld)]
    else:
        print(f"realworld: not found at {REALWORLD}")
    for index, arg in enumerate(argv):
        if arg == "--set":
            folder = Path(argv[index + 1])
            pages += [(folder.name, article) for article in load_set(folder)]
    extra = [
        article for name in option("--extra", "").split(",") if name for article in load_set(name)
    ]
    alpha, weight = float(option("--alpha", "0.3")), float(option("--weight", "0.1"))
    by, k = option("--by", "page"), int(option("--folds", "10"))
    named: dict[str, str] = {}
    if by == "group":
        groups_file = Path(option("--groups", ""))
        if not groups_file.is_file():
            print(f"--by group needs --groups FILE (page name: group), not {str(groups_file)!r}")
            return 1
        named = yaml.safe_load(groups_file.read_text(encoding="utf-8")) or {}
    if not pages:
        return 1

    lexicon_only = Classifier(topics)
    unchanged = Classifier(topics, Settings(stay=1.0 / len(names)))
    rows = [[features(text, article.year) for text in article.texts] for _, article in pages]

    def group_of(index: int) -> str | int:
        """The fold a page is in; by set, both realworld halves are one set (one editor's)."""
        name, article = pages[index]
        if by == "set":
            return "realworld" if name in HALVES else name
        if by == "group":
            return str(named.get(article.path.stem, f"{name}/{article.path.stem}"))
        return index % k

    groups = sorted({group_of(index) for index in range(len(pages))}, key=str)

    tally: dict[str, Counter[str]] = {}
    for group in groups:
        train = [
            (found, label)
            for index, (_, article) in enumerate(pages)
            if group_of(index) != group
            for found, label in zip(rows[index], article.labels, strict=True)
        ]
        train += [
            (features(text, article.year), label)
            for article in extra
            for text, label in zip(article.texts, article.labels, strict=True)
        ]
        model = NaiveBayes.fit(train, names, alpha)
        for index, (name, article) in enumerate(pages):
            if group_of(index) != group:
                continue
            shipped = lexicon_only.classify(article.texts, year=article.year)
            likelihood = [model.log_likelihood(found) for found in rows[index]]
            calls = decide(emissions(unchanged, article), likelihood, weight)
            counts = tally.setdefault(name, Counter())
            for label, before, after in zip(article.labels, shipped, calls, strict=True):
                was, now = before.topic == label, names[after] == label
                counts.update(total=1, shipped=was, combined=now, fixed=now and not was)
                counts.update(broken=was and not now)
    how = {
        "set": "each set by a model fitted on the other sets",
        "group": f"leaving out one of {len(groups)} groups of pages at a time",
    }.get(by, f"{k}-fold by page")
    print(f"word model (alpha {alpha}, weight {weight}, {how}, extra: {option('--extra', '-')})")
    for name, counts in tally.items():
        total = counts["total"]
        print(
            f"  {name:12} shipped {counts['shipped']}/{total} = {counts['shipped'] / total:.3f}"
            f"  with word model {counts['combined']}/{total} = {counts['combined'] / total:.3f}"
            f"  (fixed {counts['fixed']}, broke {counts['broken']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
