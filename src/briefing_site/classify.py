"""The topic classifier: which section a body paragraph belongs in, and why.

The sectioner asks here only for paragraphs that no editor override or heading
has placed. The cues are data (`Topic.words` and `Topic.patterns`, by default
from `data/topics.yaml`) so an editor can read and change why a paragraph
landed where it did; the code adds only topic-agnostic structure:

1. Cue weight. Words and phrases match whole tokens (a trailing `*` matches any
   ending); where entries overlap the longest phrase wins, so "defense
   ministers" or "nuclear power" count once, for the topic that lists them.
   Regex patterns run on the plain text. A cue seen n times counts
   `weight * n ** REPEAT_EXPONENT`: repetition matters, with diminishing returns.
2. Share. Each topic's weight is divided by the paragraph's total, so a long
   paragraph does not outvote a short one and scores compare across topics.
3. Contrast. Wire copy often leans one way throughout (a preview is in the
   future tense from start to end), so a topic's average share over the
   article is partly subtracted (`CONTRAST`): a paragraph goes where it stands
   out from its neighbours, not where the whole article leans.
4. Position. `DEFAULT_END_BONUS` nudges the last paragraph towards a wrap-up
   topic (outlook). It is keyed by topic name; absent topics are ignored.

A paragraph with no cue at all keeps the previous paragraph's topic (it most
likely continues that section), or takes the first topic when it opens the
article. Everything is deterministic and pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from briefing_site.model import Topic

REPEAT_EXPONENT = 0.75
"""A cue seen n times weighs n ** 0.75 times its weight: density counts, spam less."""

CONTRAST = 0.75
"""How much of a topic's article-wide average share is subtracted from each paragraph."""

DEFAULT_END_BONUS: Mapping[str, float] = MappingProxyType({"outlook": 0.12})
"""Score added to these topics for the article's last paragraph (where wrap-ups sit)."""

MAX_CHARS = 10_000
"""Only this much of a paragraph is scored, so pathological input stays fast."""

MAX_CUES = 5
"""How many cues a verdict reports: enough to explain, few enough to read."""

_TOPIC_KEYS = frozenset({"title", "aliases", "words", "patterns"})
_TOKEN = re.compile(r"[a-z0-9]+")
_ENTRY_WORD = re.compile(r"[a-z0-9]+\*?")
_POSSESSIVE = re.compile(r"'s\b")
_CUE_NAME = re.compile(r"^\(\?#([^)]*)\)")
_MARKUP = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # inline link -> its text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference link -> its text
    (re.compile(r"<https?://[^>]*>|https?://\S+"), " "),  # bare URLs carry no topic
    (re.compile(r"<[^>]+>"), " "),  # inline HTML tags
    (re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+", re.MULTILINE), ""),  # block marks
    (re.compile(r"[*_`~]+"), ""),  # emphasis and code spans
)


@dataclass(frozen=True)
class Verdict:
    """One paragraph's topic with the evidence, so `explain` can show why."""

    topic: str
    scores: tuple[tuple[str, float], ...]
    cues: tuple[str, ...]
    confidence: float


@dataclass(frozen=True)
class _Entry:
    """A compiled lexicon entry: its words (each exact or a prefix) and owner."""

    words: tuple[tuple[str, bool], ...]
    topic: int
    weight: float
    label: str


@dataclass(frozen=True)
class _Evidence:
    """A paragraph's raw weight per topic and the cues behind it."""

    weights: tuple[float, ...]
    cues: tuple[tuple[tuple[str, float], ...], ...]

    @property
    def empty(self) -> bool:
        return not any(self.weights)


def strip_markup(text: str) -> str:
    """Reduce simple Markdown/HTML to plain words so link targets and marks do not score."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


def _tokens(text: str) -> list[str]:
    """Lower-case word tokens; possessives dropped, hyphens and dots split words."""
    text = text.lower().replace("\u2019", "'")
    return _TOKEN.findall(_POSSESSIVE.sub("", text))


def _parse_entry(phrase: str) -> tuple[tuple[str, bool], ...]:
    """Split a lexicon phrase into words, each marked True when it ends in `*`."""
    words = _ENTRY_WORD.findall(_POSSESSIVE.sub("", phrase.lower().replace("\u2019", "'")))
    return tuple((word.rstrip("*"), word.endswith("*")) for word in words if word.rstrip("*"))


class _Lexicon:
    """All topics' words in one index, matched longest-first in a single pass."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self._exact: dict[str, list[_Entry]] = {}
        self._prefix: dict[str, list[_Entry]] = {}
        for index, topic in enumerate(topics):
            for phrase, weight in topic.words:
                words = _parse_entry(phrase)
                if not words:
                    raise ValueError(f"topic {topic.name!r}: word {phrase!r} has no letters")
                head, is_prefix = words[0]
                table = self._prefix if is_prefix else self._exact
                table.setdefault(head, []).append(_Entry(words, index, float(weight), phrase))
        self._prefix_lengths = sorted({len(key) for key in self._prefix})

    def matches(self, tokens: Sequence[str]) -> list[_Entry]:
        """Every entry hit, scanning left to right; at each place the longest phrase wins."""
        hits: list[_Entry] = []
        position = 0
        while position < len(tokens):
            best = self._longest_at(tokens, position)
            hits.extend(best)
            position += len(best[0].words) if best else 1
        return hits

    def _longest_at(self, tokens: Sequence[str], position: int) -> list[_Entry]:
        token = tokens[position]
        candidates = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            candidates.extend(self._prefix.get(token[:length], ()))
        fitting = [entry for entry in candidates if _fits(entry, tokens, position)]
        if not fitting:
            return []
        longest = max(len(entry.words) for entry in fitting)
        return [entry for entry in fitting if len(entry.words) == longest]


def _fits(entry: _Entry, tokens: Sequence[str], position: int) -> bool:
    """Whether the entry's words match the tokens starting at `position`."""
    if position + len(entry.words) > len(tokens):
        return False
    for (word, is_prefix), token in zip(entry.words, tokens[position:], strict=False):
        if token != word and not (is_prefix and token.startswith(word)):
            return False
    return True


def _compile_patterns(
    topics: Sequence[Topic],
) -> tuple[tuple[re.Pattern[str], int, float, str], ...]:
    """Compile every topic's regexes once; a broken regex is the config's error, named."""
    compiled = []
    for index, topic in enumerate(topics):
        for source, weight in topic.patterns:
            try:
                pattern = re.compile(source, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"topic {topic.name!r}: bad pattern {source!r}: {exc}") from exc
            named = _CUE_NAME.match(source)
            label = f"pattern: {named.group(1).strip() if named else source}"
            compiled.append((pattern, index, float(weight), label))
    return tuple(compiled)


class Classifier:
    """Sorts one article's body paragraphs into topics; build once, reuse for every article."""

    def __init__(
        self, topics: Sequence[Topic], *, end_bonus: Mapping[str, float] | None = None
    ) -> None:
        if not topics:
            raise ValueError("the classifier needs at least one topic")
        self._names = tuple(topic.name for topic in topics)
        self._lexicon = _Lexicon(topics)
        self._patterns = _compile_patterns(topics)
        bonus = DEFAULT_END_BONUS if end_bonus is None else end_bonus
        self._end_bonus = tuple(float(bonus.get(name, 0.0)) for name in self._names)

    def classify(self, texts: Sequence[str]) -> tuple[Verdict, ...]:
        """Classify the body paragraphs of ONE article (lede excluded), in file order.

        Position and neighbours are used: the last paragraph leans to the wrap-up
        topic, and each paragraph is compared with the article's average.
        """
        evidence = [self._evidence(text) for text in texts]
        shares = [_shares(item.weights) for item in evidence]
        mean = _mean_shares(shares, len(self._names))
        verdicts: list[Verdict] = []
        for position, (item, share) in enumerate(zip(evidence, shares, strict=True)):
            last = position == len(texts) - 1 and len(texts) > 1
            scores = [
                s - CONTRAST * m + (self._end_bonus[t] if last else 0.0)
                for t, (s, m) in enumerate(zip(share, mean, strict=True))
            ]
            previous = verdicts[-1].topic if verdicts else None
            verdicts.append(self._verdict(item, scores, previous))
        return tuple(verdicts)

    def _evidence(self, text: str) -> _Evidence:
        """Raw cue weight per topic, with each cue's contribution for the explanation."""
        plain = strip_markup(text[:MAX_CHARS])
        counts: dict[tuple[int, str], tuple[float, int]] = {}
        for entry in self._lexicon.matches(_tokens(plain)):
            _count(counts, entry.topic, entry.label, entry.weight, 1)
        for pattern, topic, weight, label in self._patterns:
            hits = sum(1 for _ in pattern.finditer(plain))
            if hits:
                _count(counts, topic, label, weight, hits)
        weights = [0.0] * len(self._names)
        cues: list[list[tuple[str, float]]] = [[] for _ in self._names]
        for (topic, label), (weight, hits) in sorted(counts.items()):
            value = weight * hits**REPEAT_EXPONENT
            weights[topic] += value
            cues[topic].append((label, value))
        return _Evidence(
            weights=tuple(max(0.0, w) for w in weights),
            cues=tuple(tuple(c) for c in cues),
        )

    def _verdict(self, item: _Evidence, scores: list[float], previous: str | None) -> Verdict:
        """Pick the best topic (ties go to page order) and say how sure and why."""
        # A topic without a single cue never wins on contrast or position alone.
        order = sorted(range(len(scores)), key=lambda t: (item.weights[t] <= 0, -scores[t], t))
        if item.empty:
            topic = previous if previous is not None else self._names[0]
            confidence = 0.0
        else:
            topic = self._names[order[0]]
            confidence = _confidence(scores, order)
        chosen = self._names.index(topic)
        ranked = sorted(item.cues[chosen], key=lambda cue: (-cue[1], cue[0]))
        return Verdict(
            topic=topic,
            scores=tuple((self._names[t], round(scores[t], 4)) for t in order),
            cues=tuple(label for label, value in ranked if value > 0)[:MAX_CUES],
            confidence=confidence,
        )


def _count(
    counts: dict[tuple[int, str], tuple[float, int]], topic: int, label: str, weight: float, n: int
) -> None:
    key = (topic, label)
    _, seen = counts.get(key, (weight, 0))
    counts[key] = (weight, seen + n)


def _shares(weights: Sequence[float]) -> list[float]:
    """Each topic's fraction of the paragraph's cue weight (all zero when nothing matched)."""
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else [0.0] * len(weights)


def _mean_shares(shares: Sequence[Sequence[float]], width: int) -> list[float]:
    """The article's average share per topic, over paragraphs that had any cue."""
    scored = [share for share in shares if any(share)]
    if not scored:
        return [0.0] * width
    return [sum(share[t] for share in scored) / len(scored) for t in range(width)]


def _confidence(scores: Sequence[float], order: Sequence[int]) -> float:
    """Margin of the winner over the runner-up, scaled to 0..1 (1 = clear, 0 = coin toss)."""
    if len(order) < 2:
        return 1.0
    margin = scores[order[0]] - scores[order[1]]
    return round(max(0.0, min(1.0, margin / 0.5)), 4)
