"""A deterministic corpus of ~700-word briefings, for the benchmark (stdlib only).

Article i comes from its own RNG seeded with "briefing-bench-v1-<i>", so the
same N always gives the same bytes and the first 1,000 articles of a
10,000-article corpus are the 1,000-article corpus. Each article has YAML
front matter (title, date, event, summary, tags) and a Markdown body: a lede
with one emphasis, Economy / Defense / History / Outlook sections under `##`
headings, one link and one bulleted list, as wire copy edited for the site.

    python bench/corpus.py --n 1000 [--format briefing|hugo] OUT

`briefing` writes OUT/content/*.md (what briefing-site reads); `hugo` writes
the same articles as a minimal Hugo site (config, two layouts, content/posts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = "briefing-bench-v1-"
COUNTRIES = [
    ("Japanese", "prime minister", "Tokyo"),
    ("American", "president", "Washington"),
    ("South Korean", "president", "Seoul"),
    ("German", "chancellor", "Berlin"),
    ("French", "president", "Paris"),
    ("British", "prime minister", "London"),
    ("Indian", "prime minister", "New Delhi"),
    ("Australian", "prime minister", "Canberra"),
    ("Brazilian", "president", "Brasilia"),
    ("Kenyan", "president", "Nairobi"),
]
VENUES = [
    ("Washington", "The White House, Washington, D.C.", "America/New_York"),
    ("Tokyo", "Prime Minister's Office, Tokyo", "Asia/Tokyo"),
    ("Singapore", "Shangri-La Hotel, Singapore", "Asia/Singapore"),
    ("New Delhi", "Hyderabad House, New Delhi", "Asia/Kolkata"),
    ("Paris", "Elysee Palace, Paris", "Europe/Paris"),
    ("Sao Paulo", "Palacio dos Bandeirantes, Sao Paulo", "America/Sao_Paulo"),
]
TOPICS = ["tariffs", "chip supply chains", "energy security", "shipbuilding", "LNG exports",
          "export controls", "critical minerals", "farm trade", "digital trade"]  # fmt: skip
SUBJECTS = ["Officials on both sides", "Senior diplomats", "Trade negotiators",
            "Analysts in {city}", "Lawmakers in {city}", "Advisers to the {title}",
            "Business groups in {city}", "{adj} officials"]  # fmt: skip
VERBS = ["expect that", "have warned that", "signalled that", "argue that", "say that",
         "privately concede that", "believe that", "caution that"]  # fmt: skip
CLAUSES = {
    "Economy": [
        "tariffs on {good} remain the main sticking point in the talks",
        "investment pledges worth {n} billion dollars could be announced",
        "growth could slow to {pct} percent next year if the dispute drags on",
        "exporters of {good} would bear most of the cost of any new duties",
        "a deal on {topic} would ease pressure on manufacturers",
    ],
    "Defense": [
        "defense spending is set to reach {pct} percent of GDP by {year}",
        "joint exercises near the {sea} are expected to expand this year",
        "procurement of patrol aircraft is on the agenda for the first time",
        "missile tests near the {sea} have sharpened the focus on deterrence",
    ],
    "History": [
        "the two governments first signed a security treaty in {old}",
        "relations cooled sharply after a dispute over export quotas in {old}",
        "a similar meeting in {old} ended without a joint statement",
        "leaders have met in {city} {n} times since {old}",
    ],
    "Outlook": [
        "a joint statement on {topic} is the most likely outcome",
        "follow-up talks could take place in {city} by the end of the year",
        "neither side wants the meeting to end in open disagreement",
        "domestic politics could limit how much either leader can concede",
    ],
}
GOODS = ["steel", "autos", "rice", "chips", "solar panels", "batteries", "beef"]
SEAS = ["East China Sea", "South China Sea", "Baltic", "Red Sea", "Arctic"]
TAILS = ["", "", "", ", officials said", ", analysts say", ", though details remain scarce"]
HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en-us"
title = "Briefings"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
buildFuture = true
"""
HUGO_SINGLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article><h1>{{ .Title }}</h1><p class="summary">{{ .Params.summary }}</p>
<div class="body">{{ .Content }}</div></article></body></html>
"""
HUGO_INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><ul>{{ range .Site.RegularPages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></body></html>
"""


class _Writer:
    """Sentences for one article from its own RNG."""

    def __init__(self, index: int) -> None:
        self.rng = random.Random(SEED + str(index))
        self.a, self.b = self.rng.sample(COUNTRIES, 2)
        self.venue = self.rng.choice(VENUES)
        self.topics = self.rng.sample(TOPICS, 2)

    def fill(self, template: str) -> str:
        rng = self.rng
        country = rng.choice((self.a, self.b))
        return template.format(
            adj=country[0],
            title=country[1],
            city=rng.choice((self.a[2], self.b[2], self.venue[0])),
            good=rng.choice(GOODS),
            n=rng.randrange(3, 150),
            pct=rng.choice(("1.2", "1.5", "2", "2.5", "3")),
            topic=rng.choice(self.topics),
            year=rng.choice((2027, 2028, 2030)),
            sea=rng.choice(SEAS),
            old=rng.randrange(1951, 2020),
        )

    def paragraph(self, section: str, words: int, first: str = "") -> str:
        parts = [first] if first else []
        count = len(first.split())
        while count < words:
            subject = self.fill(self.rng.choice(SUBJECTS))
            clause = self.fill(self.rng.choice(CLAUSES[section]))
            sentence = f"{subject} {self.rng.choice(VERBS)} {clause}{self.rng.choice(TAILS)}."
            parts.append(sentence)
            count += len(sentence.split())
        return " ".join(parts)


def make_article(index: int) -> tuple[str, str]:
    """(slug, file text) of article `index`."""
    w = _Writer(index)
    rng = w.rng
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(730))
    city, location, zone = w.venue
    hour, minute = rng.randrange(8, 19), rng.choice((0, 30))
    start = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))
    topic1, topic2 = w.topics
    title = f"{w.a[0]} and {w.b[0]} Leaders Weigh {topic1.title()} Ahead of {city} Talks"
    summary = f"The {w.a[0]} {w.a[1]} and the {w.b[0]} {w.b[1]} meet in {city} on {day:%B} {day.day}, {day.year}."
    lede = (
        f"The {w.a[0]} {w.a[1]} and the {w.b[0]} {w.b[1]} will meet in {city} on {day:%A}, "
        f"for talks that are *expected to test the relationship* on {topic1} and {topic2}."
    )
    blocks = [w.paragraph("Economy", 70, lede)]
    for section in CLAUSES:
        blocks.append(f"## {section}")
        first = ""
        if section == "History":
            first = f"The ties rest on [a treaty signed in {day.year - 60}](https://example.org/archive/{index})."
        blocks.append(w.paragraph(section, 75, first))
        if section == "Economy":
            items = "\n".join(f"- Tariffs on {g} and the timetable for cuts" for g in GOODS[:3])
            blocks.append("Items expected on the table:\n\n" + items)
        blocks.append(w.paragraph(section, 60))
    front = "\n".join(
        [
            "---",
            f"title: {json.dumps(title)}",
            f"date: {(day - dt.timedelta(days=rng.randrange(2, 21))).isoformat()}",
            "event:",
            f"  name: {json.dumps(f'{w.a[0]}-{w.b[0]} Talks')}",
            f'  start: "{start.isoformat()}"',
            f"  timezone: {zone}",
            f"  location: {json.dumps(location)}",
            f"summary: {json.dumps(summary)}",
            f"tags: [{', '.join(sorted(rng.sample(['trade', 'defense', 'energy', 'summit', 'asia'], 3)))}]",
            "---",
            "",
        ]
    )
    slug = f"{index:05d}-{w.a[0]}-{w.b[0]}-{city}".lower().replace(" ", "-")
    return slug, front + "\n" + "\n\n".join(blocks) + "\n"


def write_corpus(out: Path, count: int, form: str = "briefing") -> None:
    """Write `count` articles into `out` in the given format."""
    folder = out / "content" if form == "briefing" else out / "content" / "posts"
    folder.mkdir(parents=True, exist_ok=True)
    if form == "hugo":
        (out / "config.toml").write_text(HUGO_CONFIG)
        (out / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
        (out / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
        (out / "layouts" / "index.html").write_text(HUGO_INDEX)
    for index in range(count):
        slug, text = make_article(index)
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--format", choices=("briefing", "hugo"), default="briefing")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    write_corpus(args.out, args.n, args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main())
