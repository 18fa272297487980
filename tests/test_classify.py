"""The topic classifier: seed and held-out accuracy, custom topics, odd input."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from briefing_site.config.schema import default_topics as load_default_topics
from briefing_site.config.schema import pattern_problem
from briefing_site.content.classify import QUOTED_DISCOUNT, Classifier, Verdict
from briefing_site.content.lint import LOW_CONFIDENCE
from briefing_site.model import Topic

EVAL = Path(__file__).parent / "eval"


def _load_report() -> ModuleType:
    """Import tests/eval/report.py by path: tests/ is not a package."""
    spec = importlib.util.spec_from_file_location("eval_report", EVAL / "report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


report = _load_report()


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_default_topics())


def test_default_topics_are_in_page_order_with_cues() -> None:
    topics = load_default_topics()
    assert [t.name for t in topics] == ["economy", "defense", "history", "outlook"]
    assert all(t.words and t.title for t in topics)
    assert "What's next" in topics[3].aliases


def test_packaged_topic_patterns_pass_the_checks_a_site_s_own_patterns_get() -> None:
    """A build no longer checks the packaged patterns (only a site's own): this does,
    so none that could stall a build on a line it does not match ever ships."""
    patterns = [pattern for topic in load_default_topics() for pattern, _ in topic.patterns]
    assert patterns
    problems = {pattern: pattern_problem(pattern) for pattern in patterns}
    assert {pattern: why for pattern, why in problems.items() if why} == {}


def test_topics_yaml_has_no_duplicate_cues() -> None:
    """PyYAML keeps the last of two equal keys silently; a duplicate would lose a weight."""

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(key) for key, _ in node.value]
        assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
        return dict(loader.construct_pairs(node))

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    path = Path(__file__).parents[1] / "src/briefing_site/data/topics.yaml"
    yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)  # Strict extends SafeLoader


def test_seed_paragraphs_land_in_their_sections(classifier: Classifier) -> None:
    (seed,) = report.load_set("seed")
    assert seed.labels == ("economy", "defense", "history", "outlook")
    assert tuple(v.topic for v in classifier.classify(seed.texts)) == seed.labels


def test_heldout_accuracy_is_at_least_95_percent(classifier: Classifier) -> None:
    articles = report.load_set("heldout")
    assert len(articles) >= 6
    result = report.evaluate(classifier, articles)
    print(f"heldout accuracy {result.correct}/{result.total} = {result.accuracy:.3f}")
    assert result.total >= 40
    assert result.accuracy >= 0.95


def test_independent_editor_set_accuracy_is_at_least_95_percent(classifier: Classifier) -> None:
    """Articles by an editor who never saw the classifier, its lexicon or the other sets."""
    articles = report.load_set("independent")
    assert len(articles) >= 6
    result = report.evaluate(classifier, articles)
    print(f"independent accuracy {result.correct}/{result.total} = {result.accuracy:.3f}")
    assert result.total >= 30
    assert result.accuracy >= 0.95


def test_tune_accuracy_is_reported(classifier: Classifier) -> None:
    result = report.evaluate(classifier, report.load_set("tune"))
    print(f"tune accuracy {result.correct}/{result.total} = {result.accuracy:.3f}")
    assert result.accuracy >= 0.9


def test_classification_is_deterministic() -> None:
    texts = [a for article in report.load_set("tune") for a in article.texts]
    first = Classifier(load_default_topics()).classify(texts)
    second = Classifier(load_default_topics()).classify(texts)
    assert first == second
    assert Classifier(load_default_topics()).classify(texts) == first


def test_site_topic_wins_on_its_own_words() -> None:
    energy = Topic("energy", "Energy", words=(("lng", 3.0), ("pipeline", 2.0)))
    topics = (*load_default_topics(), energy)
    text = "The LNG cargoes will arrive through the new pipeline, and a second LNG pipeline is planned."
    (verdict,) = Classifier(topics).classify([text])
    assert verdict.topic == "energy"
    assert verdict.cues[:2] == ("lng", "pipeline")


def test_works_with_a_site_that_drops_topics() -> None:
    topics = tuple(t for t in load_default_topics() if t.name in ("defense", "history"))
    verdicts = Classifier(topics).classify(
        ["Troops and missiles were deployed.", "The treaty was signed in 1951, decades ago."]
    )
    assert [v.topic for v in verdicts] == ["defense", "history"]
    assert all({name for name, _ in v.scores} == {"defense", "history"} for v in verdicts)


def test_markdown_links_and_emphasis_are_read_as_plain_text(classifier: Classifier) -> None:
    plain = "Tariffs on steel hit exporters and factories."
    marked = "*Tariffs* on [steel](https://example.com/missile-weapons) hit **exporters** and _factories_."
    assert classifier.classify([marked]) == classifier.classify([plain])


@pytest.mark.parametrize(
    "text", ["", "   ", "?!...", "Loading...", "*" * 500, "[](", "\x00\u2019", "trade " * 50_000]
)
def test_odd_text_does_not_raise(classifier: Classifier, text: str) -> None:
    (verdict,) = classifier.classify([text])
    assert verdict.topic in {"economy", "defense", "history", "outlook"}
    assert 0.0 <= verdict.confidence <= 1.0


def test_empty_article_gives_no_verdicts(classifier: Classifier) -> None:
    assert classifier.classify([]) == ()


EQUAL_PRIORS = (
    Topic("energy", "Energy", words=(("lng", 3.0), ("pipeline", 2.0))),
    Topic("navy", "Navy", words=(("warship*", 3.0), ("drill*", 2.0))),
    Topic("farms", "Farms", words=(("wheat", 3.0), ("harvest*", 2.0))),
    Topic("space", "Space", words=(("satellite*", 3.0), ("rocket*", 2.0))),
)
"""A site's own topics: none is named like a default one, so their priors are equal."""


def test_paragraph_without_cues_takes_the_topic_the_priors_favour(
    classifier: Classifier,
) -> None:
    """On the real pages a paragraph without a single cue word (a goodwill quote, who
    attended, the weather over the summit) is the meeting itself, which the labelling
    rules place in outlook, far more often than its neighbours' topic: 22 of 25 such
    paragraphs over two editors' pages, 16 of them placed right by following the
    neighbours. It goes where the priors lean, says it has no cues, and is warned about."""
    verdicts = classifier.classify(
        ["Troops and warships held exercises.", "Hmm.", "Missiles and drones were deployed."]
    )
    assert [v.topic for v in verdicts] == ["defense", "outlook", "defense"]
    assert verdicts[1].cues == () and verdicts[1].own_topic == ""
    assert not verdicts[1].own_cues and verdicts[0].own_cues
    # No words of its own and neighbours against it: nothing backs the call.
    assert verdicts[1].confidence == 0.0 < LOW_CONFIDENCE


def test_paragraph_without_cues_follows_its_neighbours_when_the_priors_are_equal() -> None:
    verdicts = Classifier(EQUAL_PRIORS).classify(
        ["Warships held drills.", "Hmm.", "More warships and drills."]
    )
    assert [v.topic for v in verdicts] == ["navy", "navy", "navy"]
    assert verdicts[1].cues == () and not verdicts[1].own_cues
    # Not a silent 0.00: the neighbours make it likely, but less sure than they are.
    assert 0.0 < verdicts[1].confidence < verdicts[0].confidence


@pytest.mark.parametrize("width", [2, 3, 4])
def test_neighbours_pull_together_whatever_the_number_of_topics(width: int) -> None:
    """With two or three topics a plain 0.3 chance of staying made the chain prefer to
    switch: the paragraph between two navy ones went to energy."""
    verdicts = Classifier(EQUAL_PRIORS[:width]).classify(
        ["Warships held drills.", "Hmm.", "More warships and drills."]
    )
    assert [v.topic for v in verdicts] == ["navy", "navy", "navy"]
    assert 0.0 < verdicts[1].confidence < verdicts[0].confidence


def test_a_paragraph_without_cues_never_pulls_a_cued_neighbour_its_way(
    classifier: Classifier,
) -> None:
    """The cue-less paragraph's lean to outlook is its own pick only: its missile-test
    neighbour stays in defense (it went to outlook with it)."""
    verdicts = classifier.classify(
        ["Missiles were tested.", "Crowds gathered in the sunshine.", "Warships held drills."]
    )
    assert [v.topic for v in verdicts] == ["defense", "outlook", "defense"]
    assert verdicts[1].by_priors and not verdicts[0].by_priors


def test_five_topics_keep_the_plain_chance_of_staying() -> None:
    """The rescaled chance of staying is for two or three topics; with five the chain was
    sticky already, and a cue-less paragraph between two navy ones stays navy."""
    topics = tuple(
        Topic(f"t{i}", f"T{i}", words=((f"w{i}a", 3.0), (f"w{i}b", 1.0), (f"w{i}c", 0.4)))
        for i in range(5)
    )
    verdicts = Classifier(topics).classify(["Filler.", "w2c w4b filler.", "w4b filler.", "Filler."])
    assert [v.topic for v in verdicts] == ["t4", "t4", "t4", "t4"]


def test_lone_paragraph_without_cues_has_no_confidence(classifier: Classifier) -> None:
    (verdict,) = classifier.classify(["Hmm."])
    assert verdict.topic == "outlook" and verdict.confidence == 0.0
    assert not verdict.own_cues
    (verdict,) = Classifier(EQUAL_PRIORS).classify(["Hmm."])
    assert verdict.confidence == 0.0


def test_reported_speech_in_the_past_tense_is_not_history(classifier: Classifier) -> None:
    """News is written in the past tense; what leaders said about the talks is outlook."""
    texts = [
        "The ministers described the talks as candid and productive, and said they "
        "hoped to meet again before the summer.",
        "She praised the atmosphere of the meeting and called the declaration a landmark.",
    ]
    assert [v.topic for v in classifier.classify(texts, year=2024)] == ["outlook", "outlook"]


def test_page_furniture_gets_no_confident_topic_from_chance_cues(classifier: Classifier) -> None:
    """ "Powered" once matched the past-tense cue and landed in History at 1.00."""
    texts = ["Tariffs on steel and cars will hit exporters.", "Powered by automated translation"]
    furniture = classifier.classify(texts, year=2024)[1]
    assert furniture.cues == () and not furniture.own_cues
    assert furniture.confidence < 0.3


def test_background_needs_time_not_tense(classifier: Classifier) -> None:
    texts = [
        "The two navies signed a logistics pact in 2007, and relations have been close "
        "for decades, since the first visit of a prime minister in 1974.",
        "Officials said the agenda for Friday includes a plan to expand port visits.",
    ]
    verdicts = classifier.classify(texts, year=2024)
    assert [v.topic for v in verdicts] == ["history", "outlook"]
    assert "earlieryear" in verdicts[0].cues


def test_years_are_read_against_the_article_year(classifier: Classifier) -> None:
    text = "The leaders met in Houston in 1990 to discuss aid to Moscow."
    (then,) = classifier.classify([text], year=1990)
    (now,) = classifier.classify([text], year=2025)
    assert then.topic == "outlook" and "earlieryear" not in then.cues
    assert dict(now.scores)["history"] > 1.5 * dict(then.scores)["history"]


def test_verdict_scores_are_ordered_and_cues_explain(classifier: Classifier) -> None:
    texts = report.load_set("heldout")[0].texts
    for verdict in classifier.classify(texts, year=2025):
        assert isinstance(verdict, Verdict)
        values = [score for _, score in verdict.scores]
        assert values == sorted(values, reverse=True)
        assert verdict.scores[0][0] == verdict.topic
        assert len(verdict.scores) == 4
        assert 1 <= len(verdict.cues) <= 5


def test_history_cues_outweigh_trade_nouns_in_past_narrative(classifier: Classifier) -> None:
    texts = [
        "Tokyo offered to cut tariffs on beef and to invest in U.S. factories to save jobs.",
        "In the 1980s, Washington pressed Tokyo into export restraints on cars in 1981, "
        "and the 1985 Plaza Accord was meant to shrink the trade deficit.",
        "Analysts expect a deal before the deadline next month, but talks could stall.",
    ]
    verdicts = classifier.classify(texts, year=2025)
    assert [v.topic for v in verdicts] == ["economy", "history", "outlook"]
    assert "earlieryear" in verdicts[1].cues


def test_named_patterns_appear_as_cues() -> None:
    topic = Topic("history", "History", patterns=((r"(?#old year)\b19\d\d\b", 1.0),))
    (verdict,) = Classifier([topic]).classify(["It happened in 1951."])
    assert verdict.cues == ("pattern: old year",)


def test_bad_pattern_is_reported_with_its_topic() -> None:
    with pytest.raises(ValueError, match="'broken'"):
        Classifier([Topic("broken", "Broken", patterns=(("(", 1.0),))])


def test_real_pages_unseen_half_beats_the_old_classifier(classifier: Classifier) -> None:
    """The scraped pages in ../shared (not in the repo); the odd half was never tuned on.

    The classifier before sequence decoding and time-aware cues agreed on 0.43,
    before sentence votes on 0.57; it now agrees on 0.61 (0.77 on the even half).
    """
    articles = report.load_realworld()
    if not articles:
        pytest.skip(f"no real-page set at {report.REALWORLD}")
    scores = report.score_realworld(classifier, articles[1::2])
    print(f"realworld unseen: {scores.line()}")
    assert scores.total >= 60
    assert scores.correct / scores.total >= 0.59
    assert scores.clear_correct / scores.clear_total >= 0.56
    assert scores.wrong_flagged / scores.wrong >= 0.5
    tuned = report.score_realworld(classifier, articles[0::2])
    assert tuned.correct / tuned.total >= 0.76


def test_real_pages_cross_validated_settings(classifier: Classifier) -> None:
    """Decoder settings and warning threshold chosen on one half, scored on the other."""
    articles = report.load_realworld()
    if not articles:
        pytest.skip(f"no real-page set at {report.REALWORLD}")
    folds = {held: scores for held, _, _, scores in report.cross_validate(articles)}
    for held, scores in folds.items():
        print(f"realworld cv, held-out {held}: {scores.line()}")
    assert folds["odd"].correct / folds["odd"].total >= 0.56
    assert folds["even"].correct / folds["even"].total >= 0.72


def test_wire_copy_set_accuracy(classifier: Classifier) -> None:
    """News as wires write it: past-tense reporting, logistics, background with years."""
    articles = report.load_set("wire")
    assert len(articles) >= 5 and all(a.year != 2025 for a in articles[:1])
    result = report.evaluate(classifier, articles)
    print(f"wire accuracy {result.correct}/{result.total} = {result.accuracy:.3f}")
    assert result.accuracy >= 0.9


def test_sanctions_as_economic_pressure_are_economy(classifier: Classifier) -> None:
    """LABELLING: sanctions as economic pressure are economy, not defense."""
    text = (
        "The leaders agreed to widen sanctions on Moscow and to close the loopholes "
        "that let sanctioned goods reach it through third countries."
    )
    (verdict,) = classifier.classify([text], year=2023)
    assert verdict.topic == "economy"


def test_meeting_logistics_are_outlook_even_beside_war_words(classifier: Classifier) -> None:
    """Who sat down with whom, where and for how long is the meeting itself: outlook."""
    texts = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "On Tuesday the chancellor sat down with the president at the state guesthouse, "
        "capping a three-day trip on which executives accompanied him, at a time when the "
        "war in Ukraine and a military rivalry strain ties.",
    ]
    assert classifier.classify(texts, year=2024)[1].topic == "outlook"


def test_what_a_pact_is_meant_to_bring_is_outlook(classifier: Classifier) -> None:
    """A pact's pending steps and what it is meant to open up are what happens next."""
    texts = [
        "The treaty was first signed in 1951 and has been revised since, decades ago.",
        "The new defense pact, which still needs ratification by both parliaments, is meant "
        "to open the door to joint drills and pave the way for closer security ties.",
    ]
    assert classifier.classify(texts, year=2024)[1].topic == "outlook"


def test_a_mixed_paragraph_takes_the_topic_most_of_its_sentences_are_about(
    classifier: Classifier,
) -> None:
    """LABELLING: the dominant topic is the one most sentences are about, not the densest."""
    text = (
        "Officials said the talks would resume next month. Both sides hope to settle the "
        "remaining issues before the deadline. The dispute covers tariffs on steel, "
        "aluminium, cars, auto parts, soybeans and beef."
    )
    (verdict,) = classifier.classify([text], year=2025)
    assert verdict.topic == "outlook"


def test_a_prefix_cue_does_not_swallow_unrelated_words(classifier: Classifier) -> None:
    """'import*' once read "importance" and "important" as trade ('host*' read "hostile")."""
    texts = [
        "The envoys stressed the importance of calm and said it was important that both "
        "capitals keep talking; they hoped to meet again.",
    ]
    (verdict,) = classifier.classify(texts, year=2023)
    assert verdict.topic == "outlook"
    assert not any(cue.startswith("import") for cue in verdict.cues)


def test_sea_disputes_and_the_use_of_force_are_defense(classifier: Classifier) -> None:
    """Communiques on disputed waters speak of disputes, force and navigation, not troops."""
    texts = [
        "The talks opened with a review of the bloc's budget and investment plans.",
        "The leaders said the disputes at sea must be settled peacefully, without the use "
        "of force, and that freedom of navigation and self-restraint were needed to keep "
        "peace and stability in the region.",
    ]
    assert classifier.classify(texts, year=2023)[1].topic == "defense"


def test_a_record_in_history_is_an_assessment_not_background(classifier: Classifier) -> None:
    """'The shortest talks in history' judges the meeting; 'a long history' is background."""
    texts = [
        "Troops and warships held exercises near the strait.",
        "An adviser said it was one of the shortest high-level meetings in history.",
        "Tariffs on steel and cars hit exporters and factories.",
    ]
    assert classifier.classify(texts, year=2023)[1].topic == "outlook"
    background = ["The two neighbours have a long if uneven history."]
    assert classifier.classify(background, year=2023)[0].topic == "history"


def test_trade_ties_are_economy_beside_diplomatic_verbs(classifier: Classifier) -> None:
    """'Trade relations' and 'trade and investment' name the economy, whatever the verb."""
    texts = [
        "The treaty between the two was signed in 1951 and revised decades ago.",
        "The ministers issued a joint statement affirming efforts to enhance trade relations.",
        "Navy ships and troops joined the drills near the strait.",
        "The leaders agreed to deepen trade and investment ties, officials said.",
    ]
    verdicts = classifier.classify(texts, year=2022)
    assert [v.topic for v in verdicts] == ["history", "economy", "defense", "economy"]


def test_a_tie_between_sentences_goes_to_the_lead_one(classifier: Classifier) -> None:
    """News puts a paragraph's point first: one sentence each way is the first one's."""
    background = "Earlier talks in Geneva collapsed in the past, at the time of a quarrel."
    plans = "The envoys will meet there again next week."
    more = "They hope to settle the remaining issues before the deadline."
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    tie = classifier.classify([around[0], f"{background} {plans}", around[1]], year=2022)
    assert tie[1].topic == "history"
    outvoted = classifier.classify(
        [around[0], f"{background} {plans} {more}", around[1]], year=2022
    )
    assert outvoted[1].topic == "outlook"


def test_a_run_of_past_attendances_is_background(classifier: Classifier) -> None:
    """'Its fifth consecutive summit' counts earlier meetings: how the relationship got here."""
    texts = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "It was the premier's fifth consecutive appearance there.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    assert classifier.classify(texts, year=2024)[1].topic == "history"


def test_sentences_end_at_cjk_stops_and_before_accented_capitals() -> None:
    from briefing_site.content.classify import _sentences

    assert len(_sentences("首相は7日、会談した。日米同盟の強化で一致した。")) == 2
    assert len(_sentences("Se reunió el viernes. ¿Qué pasó? Él dijo que sí.")) == 3


def test_quoted_speech_halves_the_confidence_and_says_so(classifier: Classifier) -> None:
    """Reported speech is placed by what it is about, which cue words read less reliably."""
    # "Will talk about trade" would be an agenda (outlook): this test is about quotes.
    said = "Both navies will join the drills, and both sides will talk trade"
    told, quoted = (
        classifier.classify(
            [
                "Tariffs on cars and investment in factories will create jobs.",
                middle,
                "Officials expect a joint statement next week.",
            ],
            year=2025,
        )[1]
        for middle in (f"{said}, the minister said.", f"\u201c{said},\u201d the minister said.")
    )
    assert (told.topic, told.quoted) == ("defense", False)
    assert (quoted.topic, quoted.quoted) == ("defense", True)
    assert quoted.confidence == pytest.approx(told.confidence * QUOTED_DISCOUNT, abs=0.01)
    assert quoted.confidence < LOW_CONFIDENCE <= told.confidence
    # A quote its words back all one way stays clear: the cut does not warn on every quote.
    clear = classifier.classify(
        [
            "Troops and warships held exercises near the strait.",
            '"Tariffs on steel, cars and chips hurt exporters and importers. Investors pull '
            'out, factories shed jobs and the trade deficit grows," he said.',
            "Officials expect a joint statement next week.",
        ]
    )[1]
    assert clear.quoted and clear.topic == "economy" and clear.confidence >= LOW_CONFIDENCE


def test_shipped_warning_rule_is_the_one_chosen_on_the_tuned_half() -> None:
    """The quote cut and the warning threshold are what `report.py warnings` picks on the
    even half; the odd half, unseen by both the lexicon and the rule, is scored with them."""
    articles = report.load_realworld()
    if not articles:
        pytest.skip(f"no real-page set at {report.REALWORLD}")
    discount, threshold, _ = report._warning_rule(articles[0::2], load_default_topics())
    assert (discount, threshold) == (QUOTED_DISCOUNT, LOW_CONFIDENCE)
    unseen = report.score_realworld(Classifier(load_default_topics()), articles[1::2])
    print(f"realworld unseen warnings: {unseen.warning_line()}")
    # Before the confidence became the paragraph's own support: 0.55 wrong, 0.35 right.
    assert unseen.wrong_recall >= 0.65
    assert unseen.right_rate <= 0.4


def test_warning_rule_is_scored_on_sets_it_was_not_chosen_on() -> None:
    """`report.py warnings --set DIR` scores each set by the rule chosen on the others:
    every set is scored whole, and a rule chosen on one half of the real pages flags
    wrong calls on the other half more often than right ones (the confidence means
    something there, though short of the 70% / 15% target)."""
    articles = report.load_realworld()
    if not articles:
        pytest.skip(f"no real-page set at {report.REALWORLD}")
    halves = {"even": articles[0::2], "odd": articles[1::2]}
    rows = report.cross_set_warnings(halves)
    assert [held for held, *_ in rows] == ["even", "odd"]
    for held, _, _, scores in rows:
        assert scores.total == sum(len(a.texts) for a in halves[held])
        assert scores.wrong_recall > scores.right_rate


def test_confidence_is_the_support_of_the_paragraphs_own_words(classifier: Classifier) -> None:
    """Words all one way give a high confidence, words split two ways a lower one, one
    chance cue a soft one, and a call the neighbours made against the words a lower one."""
    context = "Officials expect a joint statement next week."
    one_way, split, chance = (
        classifier.classify([text, context], year=2025)[0]
        for text in (
            "Tariffs on cars and steel hurt exporters, importers and investors.",
            "Tariffs on cars and steel hurt exporters while troops and warships drilled.",
            "The photo shows an old-growth forest.",
        )
    )
    assert one_way.topic == "economy" and one_way.confidence >= 0.8
    assert split.confidence < 0.6 * one_way.confidence
    assert chance.confidence < 0.6
    assert max(v.confidence for v in (split, chance)) < one_way.confidence


def test_confidence_separates_wrong_calls_from_right_ones_on_unseen_pages() -> None:
    """On the real pages the lexicon was not written against, a wrong call has a lower
    confidence than a right one more often than the old confidence (the gap between the
    two most probable topics after decoding) managed: AUC 0.69 against 0.59. Counted
    over the calls whose warning the confidence decides: one without a cue word for its
    topic is always warned about (74 of the 79 calls have one)."""
    articles = report.load_realworld()
    if not articles:
        pytest.skip(f"no real-page set at {report.REALWORLD}")
    unseen = [call for call in report.calls(articles[1::2]) if call.verdict.cues]
    shipped = report.separation(unseen, report.SIGNALS["shipped confidence"])
    margin = report.separation(unseen, report.SIGNALS["margin after decoding"])
    print(f"realworld unseen AUC: confidence {shipped:.2f}, margin {margin:.2f}")
    assert shipped >= 0.65
    assert shipped > margin + 0.05


def test_verdict_says_where_its_own_words_lean_when_the_neighbours_decide(
    classifier: Classifier,
) -> None:
    """`explain` can then say that the sequence, not the paragraph, chose the topic."""
    verdicts = classifier.classify(
        [
            "Tariffs on cars and investment in factories will create jobs.",
            "Troops held exercises.",
            "Tariffs will be discussed.",
            "Officials expect a joint statement next week.",
            "Hmm.",
        ],
        year=2025,
    )
    assert [v.topic for v in verdicts] == ["economy", "defense", "outlook", "outlook", "outlook"]
    assert verdicts[0].own_topic == "economy" and verdicts[0].cue_share > 0.9
    assert verdicts[2].own_topic == "economy" and 0.0 < verdicts[2].cue_share < 1.0
    assert verdicts[2].confidence < LOW_CONFIDENCE
    assert verdicts[4].own_topic == "" and verdicts[4].cue_share == 0.0


def test_an_anniversary_still_ahead_is_outlook_and_one_past_is_history(
    classifier: Classifier,
) -> None:
    """LABELLING: anniversaries are background, but preparing one next year is a plan."""
    ahead, past = (
        classifier.classify(["Tariffs on steel rose.", text], year=2024)[1]
        for text in (
            "With next year marking the 50th anniversary of their alliance, the two ministers "
            "agreed to work together on a series of joint events, the ministry said.",
            "The alliance marked its 50th anniversary in 2019 with a parade in the capital.",
        )
    )
    assert ahead.topic == "outlook" and "pattern: an anniversary ahead" in ahead.cues
    assert past.topic == "history"


def test_a_sentence_opening_on_until_reads_as_background(classifier: Classifier) -> None:
    """ "Until the pact was signed, ..." tells how things stood before: background."""
    (verdict,) = classifier.classify(
        ["Until the pact was signed, the two sides met only once a year."], year=2024
    )
    assert verdict.topic == "history"
    assert "pattern: until, opening a sentence" in verdict.cues


def test_report_scores_a_labelled_set_kept_outside_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report.py --set DIR`: real pages that may not be copied in are scored where they are,
    with `fit: weak` paragraphs left out of the clear-fit figure."""
    article = {
        "title": "Ministers meet",
        "year": 2024,
        "paragraphs": [
            {"topic": "lede", "text": "Trade ministers met in Lisbon on Monday."},
            {
                "topic": "economy",
                "text": "Tariffs on steel imports rose and the trade deficit widened.",
            },
            {"topic": "outlook", "fit": "weak", "text": "The ministers posed for a photograph."},
        ],
    }
    (tmp_path / "ministers.yaml").write_text(yaml.safe_dump(article), encoding="utf-8")
    (loaded,) = report.load_set(tmp_path)
    assert loaded.year == 2024
    assert loaded.clear == (True, False)
    assert report.main(["--set", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert f"{tmp_path.name} (1 pages) agreement " in printed
    assert "clear fit 1/1 = 1.00" in printed
    assert report.main(["--set", str(tmp_path / "absent")]) == 1


def test_word_model_cross_validation_scores_each_set_on_pages_it_was_not_fitted_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`wordcv.py`: a naive Bayes model over words, fitted on labelled paragraphs, learns
    which words go where, and each set is scored by folds that never saw its pages. Made-up
    words no lexicon knows are placed right only by what the other pages taught."""
    sys.path.insert(0, str(EVAL))
    import wordcv  # beside report.py

    rows = [
        (wordcv.features("Tariffs on steel and trade deficit talks", 2024), "economy"),
        (wordcv.features("Navy drills and missile defence pact", 2024), "defense"),
        (wordcv.features("The treaty was signed in 1985 after the war", 2024), "history"),
        (wordcv.features("Leaders will meet again next year to plan", 2024), "outlook"),
    ]
    model = wordcv.NaiveBayes.fit(rows, ("economy", "defense", "history", "outlook"), 0.3)
    scores = model.log_likelihood(wordcv.features("New tariffs on steel exports", 2024))
    assert scores[0] == 0.0 and all(score < 0.0 for score in scores[1:])
    assert "<num>" in wordcv.features("Up 12 percent", None)
    assert "earlieryear" in wordcv.features("It began in 1985", 2024)

    body = [
        {"topic": "economy", "text": "Zorblax quantle plink."},
        {"topic": "defense", "text": "Frimble wozzle drab."},
    ]
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        for index in range(3):
            lede = {"topic": "lede", "text": "Ministers met."}
            article = {"title": f"{folder} {index}", "year": 2024, "paragraphs": [lede, *body]}
            path = tmp_path / folder / f"{index}.yaml"
            path.write_text(yaml.safe_dump(article), encoding="utf-8")
    (tmp_path / "groups.yaml").write_text("'0': first\n'1': first\n", encoding="utf-8")
    sets = ["--set", str(tmp_path / "one"), "--set", str(tmp_path / "two"), "--folds", "3"]
    # Paragraphs without a cue lean to outlook: the word model needs its full weight.
    sets += ["--weight", "1"]
    for how in ("page", "set", "group"):
        assert wordcv.main([*sets, "--by", how, "--groups", str(tmp_path / "groups.yaml")]) == 0
        printed = capsys.readouterr().out
        assert "  one " in printed and "  two " in printed
        assert "shipped 0/6 = 0.000  with word model 6/6 = 1.000  (fixed 6, broke 0)" in printed
    assert "leaving out one of " in printed
    assert wordcv.main([*sets, "--by", "group"]) == 1


def test_a_month_shortened_before_a_day_ends_no_sentence(classifier: Classifier) -> None:
    """AP dates ("on Sept. 3") once cut a sentence in two, so a background sentence
    with a date cast two votes and outvoted the plan leading the paragraph."""
    from briefing_site.content.classify import _sentences

    text = (
        "The envoys will meet again next week. Earlier talks collapsed on Sept. 3 in the "
        "past, at the time of a quarrel and decades ago."
    )
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    assert classifier.classify([around[0], text, around[1]], year=2024)[1].topic == "outlook"
    dated = "They met on Jan. 20 and Feb. 4, then Aug. 9, Oct. 1 and Dec. 12. They will meet again."
    assert len(_sentences(dated)) == 2
    titles = (
        "U.S. Sen. Reed met Gen. Brown, Rep. Lee and Gov. Ross. No. 2 officials came. It ended."
    )
    assert len(_sentences(titles)) == 3


def test_the_month_may_is_not_the_modal_verb(classifier: Classifier) -> None:
    """'Suspended in May' is background: the month once read as the hedging "may"
    (an outlook cue), while "officials may meet again" still hedges."""
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    suspended = classifier.classify([around[0], "Talks were suspended in May.", around[1]])
    assert suspended[1].topic == "history"
    for dated in ("The embassy reopened on May 12.", "Theresa May met them since May 2019."):
        assert "may" not in classifier.classify([dated], year=2024)[0].cues
    (hedged,) = classifier.classify(["Officials may meet again."], year=2024)
    assert hedged.topic == "outlook" and "may" in hedged.cues


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("No date has been set for the signing of the treaty.", "outlook"),
        ("It will be the first meeting of the two since the pact took effect.", "outlook"),
        ("The two leaders have never met.", "history"),
    ],
)
def test_dates_not_set_and_firsts_ahead_are_plans_never_met_is_background(
    classifier: Classifier, text: str, topic: str
) -> None:
    """ "No date has been set" and "will be the first meeting" look ahead, though "has
    been" and "the first" are background cues; "have never met" tells the past, though
    "met" is the meeting itself."""
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    assert classifier.classify([around[0], text, around[1]], year=2024)[1].topic == topic


def test_the_first_since_a_year_names_its_cue(classifier: Classifier) -> None:
    """ "The first ... since 2019" measures a gap in the past, even across "U.S."."""
    (verdict,) = classifier.classify(
        ["It was the first visit by a U.S. defense chief to the base since 2019."], year=2024
    )
    assert verdict.topic == "history"
    assert "pattern: the first since a year" in verdict.cues


def test_said_in_a_statement_weighs_nothing(classifier: Classifier) -> None:
    """ "The ministry said in a statement" tells how the wire heard it, not that the
    paragraph is about the meeting: its "statement" once leaned such a paragraph to outlook."""
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    said = "The talks were suspended, the ministry said in a statement."
    assert classifier.classify([around[0], said, around[1]], year=2024)[1].topic == "history"
    (verdict,) = classifier.classify(["Costs rose, the ministry said in a statement."])
    assert "statement" not in verdict.cues
    (issued,) = classifier.classify(["The two leaders will issue a statement."], year=2024)
    assert "statement" in issued.cues


@pytest.mark.parametrize(
    "text",
    [
        "Ottawa threatened to walk out of the talks.",
        "The premier was threatening not to sign the closing text.",
    ],
)
def test_threatened_to_is_a_move_not_a_military_threat(classifier: Classifier, text: str) -> None:
    """ "Threatened to walk out" is a negotiating move: its "threat" once sent such a
    paragraph to defense; the noun keeps its weight."""
    (verdict,) = classifier.classify([text], year=2024)
    assert verdict.topic == "outlook"
    (noun,) = classifier.classify(["The missiles are a threat to the region."], year=2024)
    assert "threat*" in noun.cues


def test_the_21st_century_is_the_present_not_background(classifier: Classifier) -> None:
    """ "The defining partnership of the 21st century" speaks of today; "a century of
    rivalry" still tells the past."""
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    text = "The prime minister called it the defining partnership of the 21st century."
    assert classifier.classify([around[0], text, around[1]], year=2024)[1].topic != "history"
    (past,) = classifier.classify(["It ended a century of rivalry."], year=2024)
    assert past.topic == "history"


@pytest.mark.parametrize(
    ("text", "not_topic"),
    [
        ("Kyiv pressed for faster Euro-Atlantic integration.", "economy"),
        ("Earlier on Monday, the envoy spoke to reporters.", "history"),
        ("Earlier today, the envoy spoke to reporters.", "history"),
        ("The guests were greeted by the first lady.", "history"),
        ("Drought has put food security on the agenda.", "defense"),
        ("They spoke at an Asia-Pacific Economic Cooperation gathering.", "economy"),
    ],
)
def test_cue_words_inside_other_phrases_keep_their_own_sense(
    classifier: Classifier, text: str, not_topic: str
) -> None:
    """ "Euro-Atlantic" is no currency, "earlier on Monday" is the day's news and
    "the first lady" a guest, not background, food security is supply, not arms,
    and a forum named for the economy says where leaders met: each once lent its
    paragraph the wrong topic's cue."""
    (verdict,) = classifier.classify([text], year=2024)
    scores = dict(verdict.scores)
    assert verdict.topic != not_topic
    assert scores[not_topic] == pytest.approx(min(scores.values()))


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Ana Costa said the talks were warm and open.",
        "The trade minister called the visit a success.",
        "Defense Secretary Lee Park praised the visit.",
        "National Security Adviser Ravi Menon praised the visit.",
    ],
)
def test_a_ministers_title_says_who_speaks_not_what_about(
    classifier: Classifier, text: str
) -> None:
    """ "Defence Minister X said the talks were warm" is about the talks: the title once
    sent such a paragraph to defense. What the minister speaks of still counts."""
    (verdict,) = classifier.classify([text], year=2024)
    assert verdict.topic == "outlook"
    (drills,) = classifier.classify(
        ["Defence Minister Ana Costa said the navy would join the drills."], year=2024
    )
    assert drills.topic == "defense"


def _leads_the_rest(classifier: Classifier, text: str, topic: str) -> bool:
    """Whether `topic` scores above every topic but outlook, which the priors lift."""
    (verdict,) = classifier.classify([text], year=2024)
    scores = dict(verdict.scores)
    return scores[topic] > max(s for name, s in scores.items() if name not in (topic, "outlook"))


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Both sides pledged billions to the fund.", "economy"),
        ("The ministers signed three deals.", "economy"),
        ("They are combating smuggling.", "defense"),
        ("The two world wars left deep scars.", "history"),
        ("Both anniversaries fell in the spring.", "history"),
        ("Both levies were lifted.", "economy"),
        ("Two spies were expelled.", "defense"),
    ],
)
def test_plural_and_inflected_cue_words_count(
    classifier: Classifier, text: str, topic: str
) -> None:
    """ "Billions", "deals", "combating", "world wars", "anniversaries", "levies" and
    "spies" are the cues "billion", "deal", "combat", "world war", "anniversary", "levy"
    and "spy": they once counted for nothing."""
    assert _leads_the_rest(classifier, text, topic)


def test_wars_is_a_defense_cue_and_trade_wars_stay_economy(classifier: Classifier) -> None:
    """ "The wars in Ukraine and Gaza" once left a paragraph without its defense cue;
    "trade wars", like "trade war", are fought with tariffs."""
    assert _leads_the_rest(classifier, "Two wars overshadowed the gathering.", "defense")
    assert _leads_the_rest(classifier, "Trade wars hurt exporters.", "economy")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("A cease-fire took hold.", "defense"),
        ("They sent peace-keeping units.", "defense"),
        ("Counterterrorism was discussed.", "defense"),
        ("The coastguard stopped a trawler.", "defense"),
        ("Ship-building yards were busy.", "economy"),
    ],
)
def test_cue_words_count_however_they_are_hyphenated_or_joined(
    classifier: Classifier, text: str, topic: str
) -> None:
    """ "Cease-fire", "peace-keeping", "counterterrorism" and "coastguard" are the cues
    "ceasefire", "peacekeeping", "counter-terrorism" and "coast guard" written another way."""
    assert _leads_the_rest(classifier, text, topic)


@pytest.mark.parametrize(
    "text",
    [
        "The lunch the chancellor gives for her guest is the first of its kind.",
        "His visit to the islands is the first ever by a Chilean president.",
    ],
)
def test_this_meeting_being_a_first_is_the_meeting_itself(
    classifier: Classifier, text: str
) -> None:
    """ "The visit is the first ever by ..." says what this meeting is, in the present:
    "the first" alone once read it as background. A first measured against the past
    ("since 1983", "in 41 years") and a first that is not a meeting stay background."""
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    assert classifier.classify([around[0], text, around[1]], year=2024)[1].topic == "outlook"
    for past in (
        "The visit is the first by a Chilean president in 41 years.",
        "It is the first visit by a Chilean president since 1983.",
        "The pact is the first Chile has signed with a Gulf state.",
    ):
        assert classifier.classify([around[0], past, around[1]], year=2024)[1].topic == "history"


@pytest.mark.parametrize(
    "text",
    [
        "He said memories of a trip he made 30 years back drew him there.",
        "The two are celebrating 60 years of diplomatic relations.",
        "Her plane landed in Lima after 27 years away from the city.",
        "The two are marking sixty years of ties this week.",
        "The pair are marking twenty-three years of ties this week.",
    ],
)
def test_a_span_of_years_is_background(classifier: Classifier, text: str) -> None:
    """ "30 years back", "60 years of relations", "after 27 years" measure the past:
    with no year or "ago" in them, the meeting's words once decided."""
    (verdict,) = classifier.classify([text], year=2024)
    assert verdict.topic == "history"


@pytest.mark.parametrize(
    "text",
    [
        "We'll be talking about the navy's patrols. We'll be talking about steel tariffs.",
        "The summit will focus on a free trade zone and on border troops.",
        "The presidents will discuss trade, investment and the navy's drills.",
        "Trade and arms sales will be the main topics of discussion, an aide said.",
        "Energy, trade and the coast guard are on the agenda.",
    ],
)
def test_what_the_talks_will_cover_is_the_agenda(classifier: Classifier, text: str) -> None:
    """An agenda names topics ("we'll be talking about the navy, tariffs") without
    being about them: its trade and military words once decided it. What has long
    been on the agenda is no agenda for these talks."""
    (verdict,) = classifier.classify([text], year=2024)
    assert verdict.topic == "outlook"
    assert "pattern: what the talks will cover" in verdict.cues
    (long_wanted,) = classifier.classify(["A visit has been on the agenda since 2019."], year=2024)
    assert "pattern: what the talks will cover" not in long_wanted.cues


def test_a_visit_told_in_the_past_tense_is_the_days_news(classifier: Classifier) -> None:
    """News is told in the past tense: "the premier also visited the museum on Monday"
    is the visit itself, where "visited" once read as background. An earlier visit,
    told in the perfect, still is."""
    around = [
        "Tariffs on steel and cars hit exporters and factories this year.",
        "Navy ships and troops joined the drills near the strait.",
    ]
    today = "The premier also visited the harbour museum on Monday and was greeted by the mayor."
    assert classifier.classify([around[0], today, around[1]], year=2024)[1].topic == "outlook"
    before = "The foreign minister has visited the islands twice."
    assert classifier.classify([around[0], before, around[1]], year=2024)[1].topic == "history"
