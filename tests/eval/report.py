"""Accuracy of the default topic classifier on the labelled evaluation articles.

Usage: python tests/eval/report.py [-v] [SET ...]
(sets: tune, heldout, independent, seed, wire, realworld; default all)
       python tests/eval/report.py cv  (realworld topics, two-fold and leave-one-page-out)
       python tests/eval/report.py warnings [--set DIR ...]  (the low-confidence warnings,
       cross-validated; with --set, each set by the rule chosen on the others)
       python tests/eval/report.py junk [-v] [--set DIR]  (junk, lede, segmentation: realworld.py)
       python tests/eval/report.py errors [-v]  (realworld error analysis per half; -v: tuned half's misses)
       python tests/eval/report.py --set DIR [-v]  (a labelled set kept outside the repository)

Each YAML file here is one article: `title` and `paragraphs`, a list of
`{topic, text}` with the lede first. `tune/` may be looked at while designing
the lexicon; `heldout/` was written first and is not tuned to; `independent/`
was written by an editor who never saw the classifier or its lexicon; `seed/` is the
project's seed article; `wire/` is news as wires write it (reported speech in
the past tense, meeting logistics, background), written with the time-aware
cues to catch their failure modes. `-v` also prints every paragraph's scores and cues.

`realworld` reads the scraped pages in `../shared/eval/realworld/` beside the
repository (never copied into it): the editor's paragraphs are cut from each
`.txt` by the line ranges in `labels.yaml`, junk and ledes left out, so the
figure measures topic placement alone. The lexicon and settings were tuned
looking only at the even-numbered articles (in name order); the odd-numbered
half is reported as unseen. It prints agreement, agreement where a topic
clearly fits (no `fit: weak`), and how many wrong and right calls a
low-confidence warning would flag.

`cv` cross-validates the decoder's settings (`classify.Settings`) and the
warning threshold over the two halves: each half is scored with the settings
and threshold that did best on the other half, beside the shipped defaults.
The lexicon itself was written looking at the even half only, so the odd
half's figures are the ones that predict unseen pages.

`--set DIR` scores a folder of articles in this same format kept anywhere
(say, real pages an editor labelled that may not be copied into the
repository): agreement, agreement where a topic clearly fits (a paragraph may
carry `fit: weak`, as in the realworld labels), what the warnings flag, and the
confusion between topics. Each article may give its `year` (for the year cues).

`warnings` measures whether confidence predicts correctness: the share of
wrong calls a low-confidence warning flags (target >= 0.7) and of right calls
(target <= 0.15). It prints the shipped rule on each half, then each half by
the rule (quote discount and threshold) chosen on the other half, then each
unseen page by the rule chosen on the other unseen pages (leave one page out).
"""

from __future__ import annotations

import itertools
import random
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from briefing_site.config.schema import default_topics as load_default_topics
from briefing_site.content.classify import (
    QUOTED_DISCOUNT,
    Classifier,
    Settings,
    Verdict,
    _argmax,
    _merged,
    _sentences,
    strip_markup,
)
from briefing_site.content.lint import LOW_CONFIDENCE
from briefing_site.model import Topic

WARNING_RECALL = 0.7
"""The issue's target: warnings flag at least this share of the wrong calls ..."""
RIGHT_FLAGGED = 0.15
"""... and at most this share of the right ones."""

HERE = Path(__file__).resolve().parent
SETS = ("tune", "heldout", "independent", "seed", "wire")
REALWORLD = HERE.parents[2] / "shared" / "eval" / "realworld"
"""The real scraped pages, read in place from the checkout's sibling `shared/` folder."""


@dataclass(frozen=True)
class Article:
    """A labelled article: its body paragraphs (lede dropped) and their topics."""

    path: Path
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    year: int | None = 2025
    clear: tuple[bool, ...] = ()
    """Per paragraph: whether a topic clearly fits (the editor did not mark it `fit: weak`)."""


@dataclass(frozen=True)
class Result:
    """How one set fared: paragraphs right, paragraphs scored, and the misses."""

    correct: int
    total: int
    misses: tuple[tuple[Article, int, Verdict], ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_set(name: str | Path) -> tuple[Article, ...]:
    """Every article of one evaluation set (a name here, or a folder), in file-name order."""
    articles = []
    folder = name if isinstance(name, Path) else HERE / name
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        body = [p for p in data["paragraphs"] if p["topic"] != "lede"]
        articles.append(
            Article(
                path=path,
                texts=tuple(str(p["text"]) for p in body),
                labels=tuple(str(p["topic"]) for p in body),
                year=int(data.get("year", 2025)),
                clear=tuple(p.get("fit") != "weak" for p in body),
            )
        )
    return tuple(articles)


def load_realworld(base: Path = REALWORLD) -> tuple[Article, ...]:
    """The editor's body paragraphs of every real page, in name order (empty if absent)."""
    if not (base / "labels.yaml").is_file():
        return ()
    labels = yaml.safe_load((base / "labels.yaml").read_text(encoding="utf-8"))
    articles = []
    for slug, items in sorted(labels.items()):
        path = base / "content" / f"{slug}.txt"
        lines = path.read_text(encoding="utf-8").split("\n")
        side = yaml.safe_load((base / "content" / f"{slug}.yaml").read_text(encoding="utf-8"))
        when = side.get("date") or (side.get("event") or {}).get("start")
        body = [item for item in items if item["label"] not in ("junk", "lede")]
        texts = []
        for item in body:
            first, last = item.get("lines", [item["line"], item["line"]])
            texts.append(" ".join(line.strip() for line in lines[first - 1 : last]))
        articles.append(
            Article(
                path=path,
                texts=tuple(texts),
                labels=tuple(str(item["label"]) for item in body),
                year=int(str(when)[:4]) if when else None,
                clear=tuple(item.get("fit") != "weak" for item in body),
            )
        )
    return tuple(articles)


@dataclass(frozen=True)
class Scores:
    """Real-page figures: agreement, clear-fit agreement, and what the warnings catch."""

    correct: int
    total: int
    clear_correct: int
    clear_total: int
    wrong_flagged: int
    right_flagged: int

    @property
    def wrong(self) -> int:
        return self.total - self.correct

    @property
    def wrong_recall(self) -> float:
        """Share of the wrong calls that a warning flags."""
        return self.wrong_flagged / self.wrong if self.wrong else 1.0

    @property
    def right_rate(self) -> float:
        """Share of the right calls that a warning flags (needlessly)."""
        return self.right_flagged / self.correct if self.correct else 0.0

    def warning_line(self) -> str:
        return (
            f"flags {self.wrong_flagged}/{self.wrong} = {self.wrong_recall:.2f} wrong, "
            f"{self.right_flagged}/{self.correct} = {self.right_rate:.2f} right "
            f"(target >= {WARNING_RECALL} and <= {RIGHT_FLAGGED})"
        )

    def line(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/0"

        return (
            f"agreement {ratio(self.correct, self.total)}; "
            f"clear fit {ratio(self.clear_correct, self.clear_total)}; "
            f"warnings flag {ratio(self.wrong_flagged, self.wrong)} wrong, "
            f"{ratio(self.right_flagged, self.correct)} right"
        )


def flagged(verdict: Verdict, threshold: float = LOW_CONFIDENCE) -> bool:
    """Whether `check`/`build` would warn about this paragraph (see briefing_site.content.lint)."""
    return verdict.confidence < threshold or not verdict.cues


def score_realworld(
    classifier: Classifier, articles: Sequence[Article], threshold: float = LOW_CONFIDENCE
) -> Scores:
    """Agreement with the editor and the warnings' recall on wrong calls."""
    counts = Counter[str]()
    for article in articles:
        verdicts = classifier.classify(article.texts, year=article.year)
        for label, clear, verdict in zip(article.labels, article.clear, verdicts, strict=True):
            right = verdict.topic == label
            warned = flagged(verdict, threshold)
            counts["correct"] += right
            counts["total"] += 1
            counts["clear_correct"] += right and clear
            counts["clear_total"] += clear
            counts["wrong_flagged"] += not right and warned
            counts["right_flagged"] += right and warned
    return Scores(**{field: counts[field] for field in Scores.__dataclass_fields__})


CV_GRID = {
    "sharpness": (3.0, 4.0, 6.0),
    "contrast": (0.5, 0.75, 1.0),
    "stay": (0.25, 0.3, 0.4),
    "by_sentence": (False, True),
}
CV_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)


def cross_validate(articles: Sequence[Article]) -> list[tuple[str, Settings, float, Scores]]:
    """Each half scored with the settings and warning threshold best on the other half.

    Settings maximise agreement (ties keep the defaults); the threshold is then
    the lowest that flags `WARNING_RECALL` of the wrong calls (the issue's
    target), else the one that best separates wrong calls from right ones.
    """
    topics = load_default_topics()
    grid = [
        Settings(**dict(zip(CV_GRID, values, strict=True)))
        for values in itertools.product(*CV_GRID.values())
    ]
    halves = {"even": articles[0::2], "odd": articles[1::2]}
    folds = []
    for held, train in (("odd", halves["even"]), ("even", halves["odd"])):
        scored = {s: score_realworld(Classifier(topics, s), train) for s in grid}
        best = max(grid, key=lambda s: (scored[s].correct, s == Settings()))
        classifier = Classifier(topics, best)

        rates = {}
        for threshold in CV_THRESHOLDS:
            found = score_realworld(classifier, train, threshold)
            rates[threshold] = (
                found.wrong_flagged / max(found.wrong, 1),
                found.right_flagged / max(found.correct, 1),
            )
        enough = [t for t in CV_THRESHOLDS if rates[t][0] >= WARNING_RECALL]
        threshold = min(enough) if enough else max(rates, key=lambda t: rates[t][0] - rates[t][1])
        folds.append((held, best, threshold, score_realworld(classifier, halves[held], threshold)))
    return folds


def leave_one_page_out(articles: Sequence[Article]) -> tuple[Scores, Counter[Settings]]:
    """Each unseen (odd) page scored with the decoder settings best on the other unseen
    pages: whether tuning the knobs on real copy would carry over to a new page."""
    topics = load_default_topics()
    grid = [
        Settings(**dict(zip(CV_GRID, values, strict=True)))
        for values in itertools.product(*CV_GRID.values())
    ]
    unseen = articles[1::2]
    per_page = {
        s: [score_realworld(Classifier(topics, s), [page]) for page in unseen] for s in grid
    }
    total = Counter[str]()
    chosen = Counter[Settings]()
    for index in range(len(unseen)):
        best = max(
            grid,
            key=lambda s: (
                sum(p.correct for i, p in enumerate(per_page[s]) if i != index),
                s == Settings(),
            ),
        )
        chosen[best] += 1
        scored = per_page[best][index]
        total.update({field: getattr(scored, field) for field in Scores.__dataclass_fields__})
    return Scores(**{field: total[field] for field in Scores.__dataclass_fields__}), chosen


WARN_DISCOUNTS = (1.0, 0.7, 0.5, 0.3)
"""Cuts of a quoting paragraph's confidence tried by `calibrate_warnings` (1.0: none)."""
WARN_THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 13))


def _warning_rule(
    articles: Sequence[Article], topics: Sequence[Topic]
) -> tuple[float, float, Scores]:
    """The quote discount and threshold that best flag wrong calls on these articles.

    Per discount, the threshold is the lowest that flags `WARNING_RECALL` of
    the wrong calls (else the one that best separates wrong from right); the
    discount is then the one flagging the fewest right calls, ties to the
    shipped one.
    """
    best: tuple[tuple[bool, float, float, bool], float, float, Scores] | None = None
    for discount in WARN_DISCOUNTS:
        classifier = Classifier(topics, Settings(quoted_discount=discount))
        found = {t: score_realworld(classifier, articles, t) for t in WARN_THRESHOLDS}
        enough = [t for t in WARN_THRESHOLDS if found[t].wrong_recall >= WARNING_RECALL]
        threshold = (
            min(enough)
            if enough
            else max(found, key=lambda t: found[t].wrong_recall - found[t].right_rate)
        )
        scores = found[threshold]
        # A rule that reaches the recall target beats one that does not; among those that
        # do not, the higher recall wins; then the fewest right calls flagged.
        key = (
            not enough,
            -scores.wrong_recall * (not enough),
            scores.right_rate,
            discount != QUOTED_DISCOUNT,
        )
        if best is None or key < best[0]:
            best = (key, discount, threshold, scores)
    assert best is not None
    return best[1], best[2], best[3]


def calibrate_warnings(articles: Sequence[Article]) -> list[tuple[str, str, float, float, Scores]]:
    """The warning rule chosen on one part of the real pages, scored on another.

    Two ways: each half by the rule chosen on the other half, and each page of
    the unseen (odd) half by the rule chosen on its other pages (leave one
    page out), so that the figure is for pages neither the lexicon nor the
    rule was tuned on.
    """
    topics = load_default_topics()
    halves = {"even": articles[0::2], "odd": articles[1::2]}
    rows = []
    for held, train in (("odd", "even"), ("even", "odd")):
        discount, threshold, _ = _warning_rule(halves[train], topics)
        classifier = Classifier(topics, Settings(quoted_discount=discount))
        scored = score_realworld(classifier, halves[held], threshold)
        rows.append((f"{held} half", f"chosen on the {train} half", discount, threshold, scored))
    unseen = halves["odd"]
    total = Counter[str]()
    for index, page in enumerate(unseen):
        rest = [a for i, a in enumerate(unseen) if i != index]
        discount, threshold, _ = _warning_rule(rest, topics)
        classifier = Classifier(topics, Settings(quoted_discount=discount))
        scored = score_realworld(classifier, [page], threshold)
        total.update({field: getattr(scored, field) for field in Scores.__dataclass_fields__})
    pooled = Scores(**{field: total[field] for field in Scores.__dataclass_fields__})
    rows.append(
        ("odd half", "each page by the rule chosen on the other odd pages", 0.0, 0.0, pooled)
    )
    return rows


@dataclass(frozen=True)
class Call:
    """One classified paragraph with what a warning rule may look at."""

    right: bool
    verdict: Verdict
    margin: float
    """The gap between the two likeliest topics after decoding (the confidence until
    it became the paragraph's own support for its topic)."""
    stability: float
    """Share of `STABILITY_GRID`'s decoder settings that make the same call."""
    words: int
    shape: CueShape
    """How the paragraph's own cue weight is spread (see `cue_shape`)."""
    article_confidence: float
    """The mean confidence of the paragraph's article: some pages are hard throughout."""
    dropout: float
    """Share of `DROPOUT_LEXICONS` (lexicons missing a random part of their cues) that
    make the same call: a call hanging on one or two cues flips."""


@dataclass(frozen=True)
class CueShape:
    """The spread of a paragraph's cue weight over topics and sentences."""

    without_top: float
    """The chosen topic's share of the cue weight (priors added) once its strongest
    cue is taken away: low when one cue carried the call."""
    cue_count: int
    """How many distinct cues back the chosen topic."""
    topics_cued: int
    """How many topics have a cue in the paragraph."""
    sentence_votes: float
    """Share of the paragraph's sentences with a cue whose own top topic is the call."""


STABILITY_GRID = tuple(
    Settings(sharpness=a, contrast=b, stay=c, by_sentence=d)
    for a, b, c, d in itertools.product((2.0, 8.0), (0.0, 1.5), (0.25, 0.6), (False, True))
)
"""Decoder settings far from the shipped ones: a call they all make does not hang on a knob."""

SIGNALS: dict[str, Callable[[Call], float]] = {
    "shipped confidence": lambda c: c.verdict.confidence,
    "margin after decoding": lambda c: c.margin,
    "own cues": lambda c: float(c.verdict.own_cues),
    "own words agree with sequence": lambda c: float(c.verdict.own_topic == c.verdict.topic),
    "chosen topic's share of cue weight": lambda c: c.verdict.cue_share,
    "not quoted": lambda c: float(not c.verdict.quoted),
    "shortness": lambda c: -float(c.words),
    "stability over decoder settings": lambda c: c.stability,
    "confidence x share": lambda c: c.verdict.confidence * c.verdict.cue_share,
    "confidence x stability": lambda c: c.verdict.confidence * c.stability,
    "confidence x share x stability": lambda c: (
        c.verdict.confidence * c.verdict.cue_share * c.stability
    ),
    "chosen share without its strongest cue": lambda c: c.shape.without_top,
    "cues backing the call": lambda c: float(c.shape.cue_count),
    "fewness of topics cued": lambda c: -float(c.shape.topics_cued),
    "sentences voting for the call": lambda c: c.shape.sentence_votes,
    "article's mean confidence": lambda c: c.article_confidence,
    "stability under cue dropout": lambda c: c.dropout,
    "confidence x cue dropout": lambda c: c.verdict.confidence * c.dropout,
}
"""Candidate warning signals, low meaning doubt: what a rule could flag on."""

DROPOUT_SHARE = 0.3
"""Share of a topic's words and patterns each dropout lexicon leaves out."""
DROPOUT_LEXICONS = 10
"""How many dropout lexicons (seeded, so the report is reproducible) vote."""


def dropout_topics(topics: Sequence[Topic], seed: int) -> list[Topic]:
    """The topics with a random `DROPOUT_SHARE` of their cues left out."""
    chance = random.Random(seed)
    return [
        replace(
            topic,
            words=tuple(w for w in topic.words if chance.random() >= DROPOUT_SHARE),
            patterns=tuple(p for p in topic.patterns if chance.random() >= DROPOUT_SHARE),
        )
        for topic in topics
    ]


def cue_shape(classifier: Classifier, text: str, year: int | None, topic: str) -> CueShape:
    """How the paragraph's cue weight backs `topic`, from the classifier's own evidence."""
    names = [t.name for t in load_default_topics()]
    chosen = names.index(topic)
    sentences = [classifier._evidence(part, year) for part in _sentences(strip_markup(text))]
    evidence = _merged(sentences, len(names))
    priors = classifier._priors
    values = sorted((value for _, value in evidence.cues[chosen]), reverse=True)
    weights = list(evidence.weights)
    weights[chosen] -= values[0] if values else 0.0
    rest = (weights[chosen] + priors[chosen]) / (sum(weights) + sum(priors))
    cued = [item for item in sentences if not item.empty]
    votes = [
        _argmax([w + prior for w, prior in zip(item.weights, priors, strict=True)]) == chosen
        for item in cued
    ]
    return CueShape(
        without_top=rest,
        cue_count=len(values),
        topics_cued=sum(1 for w in evidence.weights if w > 0),
        sentence_votes=sum(votes) / len(votes) if votes else 0.0,
    )


def calls(articles: Sequence[Article]) -> list[Call]:
    """Every paragraph's call by the shipped classifier with the signals' inputs."""
    topics = load_default_topics()
    shipped = Classifier(topics)
    plain = Classifier(topics, Settings(quoted_discount=1.0))
    variants = [Classifier(topics, settings) for settings in STABILITY_GRID]
    dropped = [Classifier(dropout_topics(topics, seed)) for seed in range(DROPOUT_LEXICONS)]
    found = []
    for article in articles:
        verdicts = shipped.classify(article.texts, year=article.year)
        margins = plain.classify(article.texts, year=article.year)
        others = [v.classify(article.texts, year=article.year) for v in variants]
        thinner = [v.classify(article.texts, year=article.year) for v in dropped]
        mean = sum(v.confidence for v in verdicts) / len(verdicts) if verdicts else 0.0
        for index, (label, verdict) in enumerate(zip(article.labels, verdicts, strict=True)):
            same = sum(other[index].topic == verdict.topic for other in others)
            kept = sum(other[index].topic == verdict.topic for other in thinner)
            text = article.texts[index]
            found.append(
                Call(
                    right=verdict.topic == label,
                    verdict=verdict,
                    margin=_margin(margins[index]),
                    stability=same / len(others),
                    words=len(text.split()),
                    shape=cue_shape(shipped, text, article.year, verdict.topic),
                    article_confidence=mean,
                    dropout=kept / len(thinner),
                )
            )
    return found


def _margin(verdict: Verdict) -> float:
    """The gap between the two most probable topics after sequence decoding."""
    ranked = [score for _, score in verdict.scores]
    return ranked[0] - ranked[1] if len(ranked) > 1 else ranked[0]


def separation(found: Sequence[Call], signal: Callable[[Call], float]) -> float:
    """Chance that a right call scores above a wrong one (AUC; 0.5 is no better than a coin)."""
    right = [signal(c) for c in found if c.right]
    wrong = [signal(c) for c in found if not c.right]
    if not right or not wrong:
        return 0.5
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def flag_rates(
    found: Sequence[Call], signal: Callable[[Call], float], threshold: float
) -> tuple[float, float]:
    """Shares of the wrong and of the right calls whose signal is below the threshold."""
    wrong = [c for c in found if not c.right]
    right = [c for c in found if c.right]
    return (
        sum(signal(c) < threshold for c in wrong) / max(len(wrong), 1),
        sum(signal(c) < threshold for c in right) / max(len(right), 1),
    )


def choose_threshold(found: Sequence[Call], signal: Callable[[Call], float]) -> float:
    """The lowest threshold flagging `WARNING_RECALL` of the wrong calls."""
    values = sorted({signal(c) for c in found})
    cuts = [(a + b) / 2 for a, b in itertools.pairwise(values)] + [values[-1] + 1.0]
    return next(t for t in cuts if flag_rates(found, signal, t)[0] >= WARNING_RECALL)


def signals_report(articles: Sequence[Article]) -> None:
    """Each candidate signal: how well it separates right from wrong on each half, and
    its flag rates on the odd half at the threshold chosen on the even half."""
    even, odd = calls(articles[0::2]), calls(articles[1::2])
    print("candidate signals (AUC: 0.5 is a coin; rates on the odd half at the even half's cut)")
    for name, signal in SIGNALS.items():
        cut = choose_threshold(even, signal)
        wrong, right = flag_rates(odd, signal, cut)
        print(
            f"  {name:40} AUC even {separation(even, signal):.2f} odd "
            f"{separation(odd, signal):.2f}; odd flags {wrong:.2f} wrong, {right:.2f} right"
        )


def cross_set_warnings(
    sets: Mapping[str, Sequence[Article]],
) -> list[tuple[str, float, float, Scores]]:
    """Each set scored by the warning rule chosen on all the OTHER sets pooled.

    The sets are the realworld halves and any labelled sets kept outside the
    repository (`--set DIR`, another editor's pages): a rule that only fits the
    pages it was chosen on shows here as flags that miss their target elsewhere.
    """
    topics = load_default_topics()
    rows = []
    for held, part in sets.items():
        rest = [article for name, other in sets.items() if name != held for article in other]
        discount, threshold, _ = _warning_rule(rest, topics)
        classifier = Classifier(topics, Settings(quoted_discount=discount))
        rows.append((held, discount, threshold, score_realworld(classifier, part, threshold)))
    return rows


def cross_set_report(sets: Mapping[str, Sequence[Article]]) -> None:
    """Print the rule chosen on the other sets per set, then each signal's AUC per set."""
    shipped = Classifier(load_default_topics())
    for name, part in sets.items():
        scores = score_realworld(shipped, part)
        print(f"shipped rule on {name} ({len(part)} pages): {scores.warning_line()}")
    for held, discount, threshold, scores in cross_set_warnings(sets):
        print(
            f"{held}, by the rule chosen on the other sets (discount {discount}, "
            f"below {threshold}): {scores.warning_line()}"
        )
    found = {name: calls(part) for name, part in sets.items()}
    print(
        "candidate signals, AUC per set (0.5 is a coin; flagging 70% of the wrong calls "
        "and at most 15% of the right ones needs about 0.87)"
    )
    for signal_name, signal in SIGNALS.items():
        aucs = " ".join(f"{name} {separation(c, signal):.2f}" for name, c in found.items())
        print(f"  {signal_name:40} {aucs}")


def warnings_report(extra: Sequence[Path] = ()) -> None:
    """Print the shipped warning rule's rates on each half, then the cross-validated ones;
    with `--set DIR`, also across the realworld halves and those sets."""
    articles = load_realworld()
    if not articles:
        print(f"realworld: not found at {REALWORLD}")
        return
    if extra:
        sets = {"realworld-even": articles[0::2], "realworld-odd": articles[1::2]}
        sets.update({folder.name: load_set(folder) for folder in extra})
        cross_set_report(sets)
        return
    shipped = Classifier(load_default_topics())
    for name, part in (("even", articles[0::2]), ("odd", articles[1::2])):
        scores = score_realworld(shipped, part)
        print(
            f"shipped rule (quote discount {QUOTED_DISCOUNT}, below {LOW_CONFIDENCE}) on the "
            f"{name} half: {scores.warning_line()}"
        )
    for held, how, discount, threshold, scores in calibrate_warnings(articles):
        rule = f" (discount {discount}, below {threshold})" if threshold else ""
        print(f"{held}, {how}{rule}: {scores.warning_line()}")
    signals_report(articles)


def error_analysis(classifier: Classifier, articles: Sequence[Article]) -> dict[str, object]:
    """Where the calls go wrong: editor -> call counts by topic pair, the cues the wrong
    calls cite, and how many wrong calls sit next to a right call on the editor's topic
    (the ones a stronger sequence model could fix), and how many of them are warned."""
    pairs = Counter[tuple[str, str]]()
    cues = Counter[str]()
    beside_right = unwarned = 0
    for article in articles:
        verdicts = classifier.classify(article.texts, year=article.year)
        for index, (label, verdict) in enumerate(zip(article.labels, verdicts, strict=True)):
            pairs[(label, verdict.topic)] += 1
            if verdict.topic == label:
                continue
            cues.update(verdict.cues)
            unwarned += not flagged(verdict)
            beside_right += any(
                0 <= other < len(verdicts)
                and article.labels[other] == label
                and verdicts[other].topic == label
                for other in (index - 1, index + 1)
            )
    return {"pairs": pairs, "cues": cues, "beside_right": beside_right, "unwarned": unwarned}


def errors_report(verbose: bool) -> None:
    """Print the error analysis of each half; with -v, the tuned half's wrong calls in full
    (the unseen half is summarised only, so that reading it does not tune the lexicon)."""
    articles = load_realworld()
    if not articles:
        print(f"realworld: not found at {REALWORLD}")
        return
    topics = load_default_topics()
    shipped = Classifier(topics)
    for name, part in (("tuned on (even)", articles[0::2]), ("unseen (odd)", articles[1::2])):
        found = error_analysis(shipped, part)
        pairs = found["pairs"]
        assert isinstance(pairs, Counter)
        wrong = sum(n for (label, got), n in pairs.items() if label != got)
        print(f"{name}: {wrong} wrong of {sum(pairs.values())}")
        for (label, got), n in sorted(pairs.items(), key=lambda item: -item[1]):
            if label != got:
                print(f"    {label:>8} -> {got:<8} x{n}")
        print(
            f"  next to a right call on the editor's topic: {found['beside_right']}; "
            f"not warned: {found['unwarned']}"
        )
        if name.startswith("tuned"):
            cues = found["cues"]
            assert isinstance(cues, Counter)
            print(
                "  cues the wrong calls cite: "
                + ", ".join(f"{c} x{n}" for c, n in cues.most_common(12))
            )
    if verbose:
        _dump(shipped, articles[0::2])


def cv_report() -> None:
    """Print the two folds: defaults on each half, then settings chosen on the other half."""
    articles = load_realworld()
    if not articles:
        print(f"realworld: not found at {REALWORLD}")
        return
    defaults = Classifier(load_default_topics())
    for held, best, threshold, scores in cross_validate(articles):
        half = articles[1::2] if held == "odd" else articles[0::2]
        print(f"fold: held-out {held} half ({len(half)} pages)")
        print(f"  shipped defaults        {score_realworld(defaults, half).line()}")
        print(f"  chosen on the other half {scores.line()}")
        print(f"    settings {best}, warning below {threshold}")
    pooled, chosen = leave_one_page_out(articles)
    print("unseen half, each page with the settings best on the other unseen pages")
    print(f"  {pooled.line()}")
    print(f"  shipped settings chosen for {chosen[Settings()]} of {sum(chosen.values())} pages")


def realworld_report(classifier: Classifier, verbose: bool) -> None:
    """Print the real-page figures: tuned half, unseen half, and all."""
    articles = load_realworld()
    if not articles:
        print(f"realworld: not found at {REALWORLD}")
        return
    halves = {"tuned on": articles[0::2], "unseen": articles[1::2], "all": articles}
    for name, part in halves.items():
        print(f"realworld {name:8} ({len(part)} pages) {score_realworld(classifier, part).line()}")
    if verbose:
        _dump(classifier, articles)


def outside_set_report(folder: Path, verbose: bool) -> int:
    """Score a labelled set kept outside the repository (`--set DIR`)."""
    articles = load_set(folder) if folder.is_dir() else ()
    if not articles:
        print(f"no labelled articles (*.yaml) in {folder}")
        return 1
    classifier = Classifier(load_default_topics())
    print(f"{folder.name} ({len(articles)} pages) {score_realworld(classifier, articles).line()}")
    confusion = Counter(
        (label, verdict.topic)
        for article in articles
        for label, verdict in zip(
            article.labels, classifier.classify(article.texts, year=article.year), strict=True
        )
        if label != verdict.topic
    )
    for (truth, got), n in sorted(confusion.items()):
        print(f"    {truth:>8} -> {got:<8} x{n}")
    if verbose:
        _dump(classifier, articles)
    return 0


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
    if "cv" in argv:
        cv_report()
        return 0
    if "warnings" in argv:
        warnings_report([Path(argv[i + 1]) for i, arg in enumerate(argv[:-1]) if arg == "--set"])
        return 0
    if "errors" in argv:
        errors_report("-v" in argv)
        return 0
    if "--set" in argv and "junk" not in argv:
        return outside_set_report(Path(argv[argv.index("--set") + 1]), "-v" in argv)
    if "junk" in argv:
        from realworld import main as junk_report  # beside this file

        return junk_report([arg for arg in argv if arg != "junk"])
    verbose = "-v" in argv
    classifier = Classifier(load_default_topics())
    chosen = [arg for arg in argv if arg in (*SETS, "realworld")] or [*SETS, "realworld"]
    if "realworld" in chosen:
        realworld_report(classifier, verbose)
    for name in (name for name in chosen if name != "realworld"):
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


def _dump(classifier: Classifier, articles: Sequence[Article]) -> None:
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
