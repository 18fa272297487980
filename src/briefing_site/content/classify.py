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
2. Share. Each topic's weight plus a small prior (`PRIOR`; `DEFAULT_PRIORS`
   gives outlook more, since meetings, plans and assessments carry few cue
   words) is divided by the total, so a long paragraph does not outvote a
   short one and scores compare across topics. The share is taken per
   sentence and averaged over the sentences that have a cue: a mixed
   paragraph takes the topic most of its sentences are about (as an editor
   does), not the topic of its one sentence dense with nouns. The first
   sentence's vote weighs a little more (`LEAD_VOTE`), so a tie goes to it.
3. Contrast. Wire copy often leans one way throughout (a preview is in the
   future tense from start to end), so a topic's average share over the
   article is partly subtracted (`CONTRAST`): a paragraph goes where it stands
   out from its neighbours, not where the whole article leans.
4. Sequence. Neighbouring paragraphs tend to share a topic: each paragraph's
   scores become probabilities (`SHARPNESS`) and the article is decided as a
   chain that stays on a topic with probability `STAY` (forward-backward).
   A paragraph with no cue at all is scored by the priors alone, as a thinly
   cued one is: on the real pages such a paragraph (a goodwill quote, who
   attended, the weather over the summit) is the meeting itself, which the
   labelling rules place in outlook, far more often than it continues its
   neighbours' topic. With priors all equal (a site's own topics) its
   neighbours decide. Either way it says so (`Verdict.own_cues`).
5. Doubt. The confidence is how much of the paragraph's own cue weight
   backs the chosen topic, the priors added so that one chance cue gives a
   soft share (with no cue of its own, what its neighbours add to the margin
   the priors give). A call its words split over, or one the neighbours made
   against its words
   (`AGAINST_ITS_WORDS`), is doubtful. A paragraph that quotes someone
   (reported speech) has its confidence cut by `QUOTED_DISCOUNT`: the words
   inside a quote are the speaker's, and an editor places reported speech by
   what it is about or what it assesses (outlook), which the cue words read
   less reliably. On the real pages this told wrong calls from right ones
   better than the gap between the two most probable topics after decoding;
   `tests/eval/report.py warnings` measures it.
6. Time. With the article's year, a year in the text reads as one of
   `YEAR_WORDS`, so "in 1985" is background in a 2025 story and news in a
   1985 one. Verb tense is no cue: news is written in the past tense.

Everything is deterministic and pure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from briefing_site.model import Topic

REPEAT_EXPONENT = 0.75
"""A cue seen n times weighs n ** 0.75 times its weight: density counts, spam less."""

PRIOR = 0.25
"""Pseudo-weight every topic starts with, so thin evidence gives a soft verdict."""

DEFAULT_PRIORS: Mapping[str, float] = MappingProxyType({"outlook": 1.0})
"""Topics that win when cues are thin: meetings, plans and assessments are outlook."""

SHARPNESS = 4.0
"""How sharply a paragraph's own score difference turns into probability: higher
trusts a paragraph's cues more than its neighbours."""

CONTRAST = 0.75
"""How much of a topic's article-wide average share is subtracted from each paragraph."""

STAY = 0.3
"""Chance that a paragraph continues the previous paragraph's topic, among four topics
(the default ones). With fewer topics the chain keeps the same odds of staying against
moving to any one other topic (`_stay_chance`), so it stays sticky: a plain 0.3 would
make two or three topics' chain prefer to switch (0.7 or 0.35 a move)."""

STAY_WIDTH = 4
"""How many topics `STAY` (and `Settings.stay`) is the chance for."""

YEAR_WORDS = ("earlieryear", "recentyear", "currentyear", "futureyear")
"""What a year ("1985") or decade ("1980s") in the text reads as, relative to the
article's year: over two or more years before it, the year before, the same
year (or a decade that holds it), or later. The lexicon weighs these words."""

MONTH_MAY = "maymonth"
"""What the month "May" ("in May", "May 12", "since May 2019") and the name ("Theresa
May") read as, so that neither counts as the modal "may" the lexicon weighs as outlook:
a capital "May" after a word, or before a number. One opening a sentence before a
word ("May the talks succeed") stays the verb."""

_MONTH_MAY = re.compile(r"\bMay\b(?=\s*\d)|(?<=[\w,;:]\s)May\b")

AGAINST_ITS_WORDS = 0.7
"""Share of its support a paragraph keeps when its neighbours placed it against the topic
its own words favour: the sequence may be right, but an editor should look."""

QUOTED_DISCOUNT = 0.5
"""A paragraph with a quotation mark in it keeps this share of its confidence.
Chosen on the even half of the real pages with `LOW_CONFIDENCE` (content/lint.py)."""

_QUOTE = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
"""Double quotation marks, straight, curly or angled: a single curly one is an apostrophe."""


@dataclass(frozen=True)
class Settings:
    """The decoder's knobs, so the evaluation can cross-validate them; defaults ship."""

    sharpness: float = SHARPNESS
    contrast: float = CONTRAST
    stay: float = STAY
    by_sentence: bool = True
    """Average the topic shares of a paragraph's sentences (False: pool its words)."""
    quoted_discount: float = QUOTED_DISCOUNT
    """Share of its confidence a paragraph that quotes someone keeps (1.0: no cut)."""


LEAD_VOTE = 1.3
"""How many votes a paragraph's first sentence with a cue casts: news puts a
paragraph's point first, so a tie between its sentences goes to the lead one,
while two sentences on another topic still outvote it."""

MAX_SENTENCES = 40
"""A paragraph's sentences beyond this many are scored together as its last one."""

_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)\]\u00bb]*\s+(?=[\"'\u201c\u2018(\[\u00ab\u00bf\u00a1]?[A-Z0-9\u00c0-\u00de])"
    r"|[\u3002\uff01\uff1f][\u300d\u300f\uff09]*"
)
"""A sentence ends at '.', '!' or '?' before a capital (Latin, accented too, maybe after
"¿" or "«"), or at a Chinese or Japanese full stop, which needs no space after it."""
_NOT_AN_END = re.compile(
    r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Capt|Sgt|Adm|Gov|Sen|Rep|Prof|Jr|Sr|No|vs|etc"
    r"|[A-Z]|[A-Za-z]\.[A-Za-z])\.$"
)
"""A full stop after a title, an initial or an abbreviation ("Mr.", "J.", "U.S.") ends no sentence."""
_MONTH_BEFORE_A_DAY = re.compile(
    r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$"
)
"""A month shortened with a full stop, as news agencies date things ("on Jan. 20",
"Sept. 3"), ends no sentence when a day number follows it."""

MAX_CHARS = 10_000
"""Only this much of a paragraph is scored, so pathological input stays fast."""

PATTERN_CHARS = 2_000
"""Topic regexes (the site's own among them) see this much of each sentence: a real
sentence is far shorter, and a regex that backtracks badly on some text (quadratic
in its length) then costs at most a few million steps a sentence, not a stalled build."""

TOKEN_MEMORY = 50_000
"""How many distinct words the lexicon remembers its candidate entries for."""

MAX_CUES = 5
"""How many cues a verdict reports: enough to explain, few enough to read."""

_TOPIC_KEYS = frozenset({"title", "aliases", "words", "patterns"})
_TOKEN = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)(s?)")
_ENTRY_WORD = re.compile(r"[a-z0-9]+\*?")
_POSSESSIVE = re.compile(r"'s\b")
_CUE_NAME = re.compile(r"^\(\?#([^)]*)\)")
# No inner class admits its own opener ("[", "(", "<"): then a try from one opener
# stops at the next, and "[a[a[a..." or "<a<a<a..." costs linear time, not quadratic.
_MARKUP = (
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # inline link -> its text
    (re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]"), r"\1"),  # reference link -> its text
    (re.compile(r"<https?://[^<>]*>|https?://\S+"), " "),  # bare URLs carry no topic
    (re.compile(r"<[^<>]+>"), " "),  # inline HTML tags
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
    own_cues: bool = True
    """False when the topic came from the neighbours or the priors, not from the
    paragraph's own words."""
    by_priors: bool = False
    """True when a paragraph with no cue went where the priors lean (outlook for the
    default topics), not where its neighbours took it."""
    quoted: bool = False
    """True when the paragraph quotes someone, which cut its confidence (`QUOTED_DISCOUNT`)."""
    own_topic: str = ""
    """The topic the paragraph's own words favour before its neighbours are weighed
    ("" with no cue): where it differs from `topic`, the sequence decided."""
    cue_share: float = 0.0
    """The chosen topic's share of the paragraph's cue weight: low when its words
    point several ways."""


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


def _tokens(text: str, year: int | None = None) -> list[str]:
    """Lower-case word tokens; possessives dropped, hyphens and dots split words.

    With the article's `year`, a year in the text becomes one of `YEAR_WORDS`; the
    month May becomes `MONTH_MAY`, not the modal verb.
    """
    if "May" in text:
        text = _MONTH_MAY.sub(MONTH_MAY, text)
    text = text.lower().replace("\u2019", "'")
    tokens = _TOKEN.findall(_POSSESSIVE.sub("", text))
    if year is None:
        return tokens
    # A year is four or five characters: the length test spares a regex call for each of
    # the article's other words (most of them).
    return [
        _year_word(token, year) if len(token) in (4, 5) and _YEAR.fullmatch(token) else token
        for token in tokens
    ]


def _year_word(token: str, year: int) -> str:
    """A year ("1985") or decade ("1980s") as a word relative to the article's year."""
    first = int(token[:4])
    last = first + 9 if token.endswith("s") else first
    if last <= year - 2:
        return YEAR_WORDS[0]
    if first > year:
        return YEAR_WORDS[3]
    return YEAR_WORDS[1] if last < year else YEAR_WORDS[2]


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
        self._seen: dict[str, tuple[_Entry, ...]] = {}

    def matches(self, tokens: Sequence[str]) -> list[_Entry]:
        """Every entry hit, scanning left to right; at each place the longest phrase wins."""
        hits: list[_Entry] = []
        position = 0
        while position < len(tokens):
            best = self._longest_at(tokens, position)
            hits.extend(best)
            position += len(best[0].words) if best else 1
        return hits

    def _starting_with(self, token: str) -> tuple[_Entry, ...]:
        """Every entry whose first word matches this token; remembered per token,
        since a corpus repeats its words (bounded by `TOKEN_MEMORY`)."""
        found = self._seen.get(token)
        if found is None:
            candidates = list(self._exact.get(token, ()))
            for length in self._prefix_lengths:
                if length > len(token):
                    break
                candidates.extend(self._prefix.get(token[:length], ()))
            found = tuple(candidates)
            if len(self._seen) >= TOKEN_MEMORY:
                self._seen.clear()
            self._seen[token] = found
        return found

    def _longest_at(self, tokens: Sequence[str], position: int) -> list[_Entry]:
        candidates = self._starting_with(tokens[position])
        if not candidates:
            return []
        fitting = [entry for entry in candidates if _fits(entry, tokens, position)]
        if not fitting:
            return []
        longest = max(len(entry.words) for entry in fitting)
        return [entry for entry in fitting if len(entry.words) == longest]


def _fits(entry: _Entry, tokens: Sequence[str], position: int) -> bool:
    """Whether the entry's words match the tokens starting at `position`."""
    if position + len(entry.words) > len(tokens):
        return False
    for offset, (word, is_prefix) in enumerate(entry.words):
        token = tokens[position + offset]
        if token != word and not (is_prefix and token.startswith(word)):
            return False
    return True


def _compile_patterns(
    topics: Sequence[Topic],
) -> tuple[tuple[re.Pattern[str], int, float, str], ...]:
    """Compile every topic's regexes once; a broken regex is the config's error, named.

    Article text is untrusted and a site's regex may backtrack badly, so each runs
    on at most `PATTERN_CHARS` of a sentence (`Classifier._evidence`).
    """
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

    def __init__(self, topics: Sequence[Topic], settings: Settings | None = None) -> None:
        if not topics:
            raise ValueError("the classifier needs at least one topic")
        self._settings = settings or Settings()
        self._names = tuple(topic.name for topic in topics)
        self._lexicon = _Lexicon(topics)
        self._patterns = _compile_patterns(topics)
        self._priors = tuple(float(DEFAULT_PRIORS.get(name, PRIOR)) for name in self._names)
        # A paragraph without a single cue has only the priors: the topic they favour
        # (outlook, where the meeting itself goes) leads unless the priors are equal.
        self._silent = self._emission([p / sum(self._priors) for p in self._priors], None)
        self._favourite = _argmax(self._priors) if len(set(self._priors)) > 1 else None

    def classify(self, texts: Sequence[str], *, year: int | None = None) -> tuple[Verdict, ...]:
        """Classify the body paragraphs of ONE article (lede excluded), in file order.

        `year` is the article's own year: a year named in the text is read
        relative to it (long before is background, after it is outlook).
        The article is decided as a sequence: each paragraph's evidence is
        weighed with its neighbours' (forward-backward over a "stay on topic"
        chain), so a paragraph without cues follows its neighbours, or with the default
        topics goes where the priors lean, and says so.
        """
        if not texts:
            return ()
        plain = [strip_markup(text[:MAX_CHARS]) for text in texts]
        parts = [_sentences(text) if self._settings.by_sentence else [text] for text in plain]
        sentences = [[self._evidence(part, year) for part in each] for each in parts]
        evidence = [_merged(each, len(self._names)) for each in sentences]
        shares = [self._shares(each) for each in sentences]
        cued = [share for item, share in zip(evidence, shares, strict=True) if not item.empty]
        mean = [sum(column) / len(cued) for column in zip(*cued, strict=True)] if cued else None
        uniform = [1.0 / len(self._names)] * len(self._names)
        emissions = [
            self._emission(share, mean) if not item.empty else self._silent
            for item, share in zip(evidence, shares, strict=True)
        ]
        # The chain is decoded with a cue-less paragraph saying nothing, so it never
        # pulls a cued neighbour its way; its own pick then weighs the priors in.
        posteriors = _forward_backward(
            [uniform if item.empty else e for item, e in zip(evidence, emissions, strict=True)],
            _stay_chance(self._settings.stay, len(self._names)),
        )
        if self._favourite is not None:
            posteriors = [
                _normalised([p * e for p, e in zip(post, emission, strict=True)])
                if item.empty
                else post
                for item, emission, post in zip(evidence, emissions, posteriors, strict=True)
            ]
        return tuple(
            self._verdict(item, emission, posterior, bool(_QUOTE.search(text)))
            for item, emission, posterior, text in zip(
                evidence, emissions, posteriors, plain, strict=True
            )
        )

    def _shares(self, sentences: Sequence[_Evidence]) -> list[float]:
        """Each topic's share of the cue weight, the priors mixed in, averaged over
        the sentences that have a cue (each such sentence one vote)."""
        votes = [item for item in sentences if not item.empty] or list(sentences[:1])
        total_share = [0.0] * len(self._names)
        weight = 0.0
        for index, item in enumerate(votes):
            vote = LEAD_VOTE if index == 0 and len(votes) > 1 else 1.0
            raw = [w + a for w, a in zip(item.weights, self._priors, strict=True)]
            total = sum(raw)
            total_share = [t + vote * r / total for t, r in zip(total_share, raw, strict=True)]
            weight += vote
        return [t / weight for t in total_share]

    def _emission(self, share: Sequence[float], mean: Sequence[float] | None) -> list[float]:
        """How well each topic explains the paragraph alone, as a probability.

        The article's mean share is partly subtracted (`CONTRAST`), so a
        paragraph counts where it stands out from the article's drift.
        """
        contrast, sharpness = self._settings.contrast, self._settings.sharpness
        scores = [
            s - (contrast * mean[t] if mean is not None else 0.0) for t, s in enumerate(share)
        ]
        top = max(scores)
        return _normalised([math.exp(sharpness * (x - top)) for x in scores])

    def _evidence(self, plain: str, year: int | None) -> _Evidence:
        """Raw cue weight per topic of plain text, with each cue's contribution for the explanation."""
        counts: dict[tuple[int, str], tuple[float, int]] = {}
        for entry in self._lexicon.matches(_tokens(plain, year)):
            _count(counts, entry.topic, entry.label, entry.weight, 1)
        window = plain[:PATTERN_CHARS]
        for pattern, topic, weight, label in self._patterns:
            hits = sum(1 for _ in pattern.finditer(window))
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

    def _verdict(
        self,
        item: _Evidence,
        emission: Sequence[float],
        posterior: Sequence[float],
        quoted: bool,
    ) -> Verdict:
        """Pick the most probable topic (ties go to page order) and say how sure and why.

        The confidence is the gap between the two most probable topics, cut by
        `Settings.quoted_discount` for a paragraph that quotes someone.
        """
        order = sorted(range(len(posterior)), key=lambda t: (-posterior[t], t))
        chosen = order[0]
        ranked = sorted(item.cues[chosen], key=lambda cue: (-cue[1], cue[0]))
        return Verdict(
            topic=self._names[chosen],
            scores=tuple((self._names[t], round(posterior[t], 4)) for t in order),
            cues=tuple(label for label, value in ranked if value > 0)[:MAX_CUES],
            confidence=round(
                self._support(item, chosen, emission, posterior, order)
                * (self._settings.quoted_discount if quoted else 1.0),
                4,
            ),
            own_cues=item.weights[chosen] > 0,
            by_priors=item.empty and chosen == self._favourite,
            quoted=quoted,
            own_topic="" if item.empty else self._names[_argmax(emission)],
            cue_share=round(item.weights[chosen] / total, 4)
            if (total := sum(item.weights))
            else 0.0,
        )

    def _support(
        self,
        item: _Evidence,
        chosen: int,
        emission: Sequence[float],
        posterior: Sequence[float],
        order: Sequence[int],
    ) -> float:
        """How much of the paragraph's own evidence backs the chosen topic: its share
        of the cue weight, each topic's prior added (so one chance cue gives a soft
        share, not 1.00). A paragraph without a cue has only the priors and its
        neighbours: how much the neighbours widen the gap between the two most probable
        topics beyond the lead the priors alone give the chosen one (0 for a lone one;
        with equal priors, the gap itself), and it is always warned about. A
        call the neighbours made against the paragraph's own words keeps
        `AGAINST_ITS_WORDS` of its share.

        On the real pages this told wrong calls from right ones better than the gap
        between the two most probable topics after sequence decoding (`tests/eval/
        report.py warnings`): a call the words split over, or that the neighbours
        made against the words, is where an editor most often disagrees.
        """
        if item.empty:
            lean = max(0.0, _gap(self._silent, order))
            return max(0.0, min(1.0, _gap(posterior, order) - lean))
        total = sum(item.weights) + sum(self._priors)
        share = (item.weights[chosen] + self._priors[chosen]) / total
        return share if _argmax(emission) == chosen else share * AGAINST_ITS_WORDS


def _sentences(text: str) -> list[str]:
    """The paragraph cut at sentence ends (not after "Mr.", "U.S." or "Jan." before
    a day), in at most `MAX_SENTENCES` parts."""
    parts: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        stop = end.start() + 1
        before = text[max(start, stop - 8) : stop]
        if _NOT_AN_END.search(before) or (
            text[end.end() : end.end() + 1].isdigit() and _MONTH_BEFORE_A_DAY.search(before)
        ):
            continue
        parts.append(text[start : end.end()])
        start = end.end()
        if len(parts) == MAX_SENTENCES - 1:
            break
    parts.append(text[start:])
    return [part for part in parts if part.strip()] or [text]


def _merged(sentences: Sequence[_Evidence], width: int) -> _Evidence:
    """One paragraph's evidence from its sentences': weights and cue values added."""
    if len(sentences) == 1:
        return sentences[0]
    weights = [0.0] * width
    values: list[dict[str, float]] = [{} for _ in range(width)]
    for item in sentences:
        for topic in range(width):
            weights[topic] += item.weights[topic]
            for label, value in item.cues[topic]:
                values[topic][label] = values[topic].get(label, 0.0) + value
    return _Evidence(
        weights=tuple(weights),
        cues=tuple(tuple(sorted(cues.items())) for cues in values),
    )


def _stay_chance(stay: float, width: int) -> float:
    """The chance of staying on a topic among `width` topics, fewer than `STAY_WIDTH`,
    at the odds `stay` gives among `STAY_WIDTH` (stay / ((1 - stay) / 3) against each
    other topic): a plain `stay` would make their chain prefer to switch. With more
    topics `stay` is kept: it is sticky there already."""
    if width >= STAY_WIDTH or stay >= 1.0 or width < 2:
        return stay
    odds = stay * (STAY_WIDTH - 1) / (1.0 - stay)
    return odds / (odds + width - 1)


def _forward_backward(emissions: Sequence[Sequence[float]], stay: float) -> list[list[float]]:
    """Each paragraph's topic probability given the whole article, on a sticky chain.

    The chain stays on a topic with probability `stay` and otherwise moves to
    any other topic alike; the start is uniform. Normalised at every step.
    """
    width = len(emissions[0])
    move = (1.0 - stay) / (width - 1) if width > 1 else 0.0

    def step(belief: Sequence[float]) -> list[float]:
        total = sum(belief)
        return [b * stay + (total - b) * move for b in belief] if width > 1 else list(belief)

    forward: list[list[float]] = []
    belief = [1.0 / width] * width
    for emission in emissions:
        belief = _normalised([b * e for b, e in zip(belief, emission, strict=True)])
        forward.append(belief)
        belief = step(belief)
    posteriors: list[list[float]] = [[]] * len(emissions)
    back = [1.0] * width
    for index in range(len(emissions) - 1, -1, -1):
        posteriors[index] = _normalised([f * b for f, b in zip(forward[index], back, strict=True)])
        back = _normalised(step([b * e for b, e in zip(back, emissions[index], strict=True)]))
    return posteriors


def _gap(values: Sequence[float], order: Sequence[int]) -> float:
    """How far the first topic of `order` is ahead of the second in `values`."""
    return values[order[0]] - values[order[1]] if len(order) > 1 else values[order[0]]


def _argmax(values: Sequence[float]) -> int:
    """The index of the largest value; ties go to the first (page order)."""
    return max(range(len(values)), key=lambda index: (values[index], -index))


def _normalised(values: Sequence[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values] if total > 0 else [1.0 / len(values)] * len(values)


def _count(
    counts: dict[tuple[int, str], tuple[float, int]], topic: int, label: str, weight: float, n: int
) -> None:
    key = (topic, label)
    _, seen = counts.get(key, (weight, 0))
    counts[key] = (weight, seen + n)
