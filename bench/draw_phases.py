"""Draw one output stage of a site once, for instruction counts (stdlib and the package).

    python bench/draw_phases.py SITE PHASE

PHASE is `briefing` (every briefing's page), `fragments` (every briefing's card and
topic entries, as a worker draws them), `listings` (every archive, topic and tag page,
the fragments drawn first and handed over as the build cache hands them: less
`fragments`' count, the pages alone) or `none` (only load the site and compile the
templates). Under callgrind, the instructions of a stage are its run's total less
`none`'s; they repeat within a fraction of a
percent on a busy machine, where timings swing by a third:

    valgrind --tool=callgrind --callgrind-out-file=cg.none python bench/draw_phases.py SITE none
    valgrind --tool=callgrind --callgrind-out-file=cg.page python bench/draw_phases.py SITE briefing
    grep summary cg.none cg.page

With `--digest` it prints a SHA-256 of what it drew: two versions of the code that
draw the same bytes print the same digest.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import load_site
from briefing_site.model import Briefing
from briefing_site.output import render
from briefing_site.output.listings import newest_first, pages
from briefing_site.output.theme import make_environment

NOW = datetime.fromisoformat("2030-01-01T00:00:00+00:00")  # as cold_phases.py
PHASES = ("none", "briefing", "fragments", "listings")
TEMPLATES = ("briefing.html", "_card.html", "_topic_entry.html", "archive.html", "topic.html")


class Drawn:
    """`render.Fragments` over fragments drawn beforehand, as the build cache serves them."""

    def __init__(self, made: dict[int, dict[str, str]]) -> None:
        self.made = made

    def get(self, briefing: Briefing, name: str, make: Callable[[], dict[str, str]]) -> str | None:
        return self.made[id(briefing)].get(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path, help="a site folder (its content/)")
    parser.add_argument("phase", choices=PHASES)
    parser.add_argument("--digest", action="store_true", help="print a digest of the output")
    options = parser.parse_args(argv)
    site = load_site(BuildOptions(site=options.site, now=NOW, jobs=1, cache=False)).site
    env = make_environment(options.site / "templates")
    urls = render.prepare(env, site)
    for name in TEMPLATES:  # compiled in every phase, so `none` subtracts them
        env.get_template(name)
    drawn = hashlib.sha256()
    if options.phase == "briefing":
        for briefing in site.briefings:
            drawn.update(render.render_briefing(env, urls, briefing).data)
    elif options.phase == "fragments":
        for briefing in site.briefings:
            drawn.update(repr(sorted(render.listing_fragments(env, briefing).items())).encode())
    elif options.phase == "listings":
        made = {id(b): render.listing_fragments(env, b) for b in site.briefings}
        urls = render.prepare(env, site, Drawn(made))
        for pager in pages(site, newest_first(site.briefings)):
            drawn.update(render._render_listing(env, urls, pager).data)
    if options.digest:
        print(options.phase, drawn.hexdigest())
    return 0


if __name__ == "__main__":
    sys.exit(main())
