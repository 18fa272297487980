"""`briefing-site explain`: each paragraph's topic and why, for an editor."""

from __future__ import annotations

import textwrap

from briefing_site.assemble import Assembled


def explain(assembled: Assembled) -> list[str]:
    """Lines that show, in file order, where each paragraph went and why."""
    briefing = assembled.briefing
    rows = [
        (
            p.paragraph.number,
            p.paragraph.line,
            p.topic,
            _why(p.reason, p.scores, p.cues),
            p.paragraph.text,
        )
        for p in briefing.placements
    ]
    rows += [
        (
            d.paragraph.number,
            d.paragraph.line,
            "dropped",
            f"scrape junk (pattern {d.pattern!r})",
            d.paragraph.text,
        )
        for d in assembled.dropped
    ]
    lines = [f"{briefing.source}: {briefing.meta.title}"]
    for number, line, topic, why, text in sorted(rows):
        lines.append(f"  ¶{number:<3} line {line:<4} {topic:<9} {why}")
        lines.append("        " + textwrap.shorten(text.replace("\n", " "), 90, placeholder=" ..."))
    return lines


def _why(reason: str, scores: tuple[tuple[str, float], ...], cues: tuple[str, ...]) -> str:
    if not scores:
        return reason
    top = ", ".join(f"{topic} {score:.1f}" for topic, score in scores[:3])
    decided = f"; cues: {', '.join(cues)}" if cues else ""
    return f"{reason}: {top}{decided}"
