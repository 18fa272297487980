"""Drop scrape junk: menus, bylines, captions, headlines, link lists, "Loading...".

A classifier of text blocks in the manner of jusText (Pomikálek 2011), not a
list of phrases. Each paragraph is first judged on its own shape: whether it
ends like a sentence, its length, its density of function words (prose is
about 40% "the", "of", "and"...; menus, headlines and name lists far less),
caption and credit shapes, and whether it repeats the headline or another
paragraph. Paragraphs that are neither clearly prose nor clearly furniture
("short") are then judged by their neighbours, since page furniture clusters
at the top and bottom. Everything above the first real prose paragraph that
is not prose itself, and a standfirst above the byline (or one restating the
headline above a picture), is furniture. A sentence under a wire dateline is
the story however short, and so is a short full sentence (with a verb such as
"is" or "said") below the page header. A bulleted key-points box or a site's
word to the reader ("you can...") above the story is not its lede, nor is a
short standfirst that the paragraph right under it restates, and the site's
pitch to the reader below the story goes with the furniture there. Lines of
headlines in one block (related stories with their section), a gallery's
counted or present-tense captions, the outlet's box about itself below the
story, a credit for what the article draws on, and a bare signpost to what
follows ("Here are the highlights:") are shapes too, not phrases of one page;
so are the outlet's pitch in its own voice ("we need reporters", beside its
words to the reader), a source credit line that closes the story ("via
Agency"), other stories' teasers cut off mid-clause, the site's call to its
own pages, and the points under a key-points label (kept in doubt, never the
lede). So are a paywall's prompt to log in or register to read on, a post embedded
with its sign-off inside the block, a heading-like label ending in a colon inside the
story ("Schedule for Day 2:"), and a syndication line ("This article was originally
published on ..."). A standfirst right under the repeated headline with
none of the marks of a story's first sentence (a day, a source, a perfect, a modal, a
number, a dateline), and a summary printed both above and below the headline, do not
lead; prose that lost its full stop at the top of the page does.

The configurable patterns still match a whole paragraph, never part of one.
When in doubt a paragraph is kept and marked (`Paragraph.doubt`), and `check`
warns about it. jusText itself is not used: it parses HTML with lxml (a C
extension), while our input is plain text, and its cues are the ones below.
"""

from __future__ import annotations

import copy
import functools
import heapq
import itertools
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, cast

from briefing_site.content.load import FINITE_VERBS, LIST_FOOTER
from briefing_site.model import Paragraph


class _LazyPattern:
    """A regular expression compiled on its first use, standing in for the compiled one.

    This module's ~70 patterns take ~20 ms to compile, and a rebuild whose
    articles are all Markdown (only the site's patterns apply: `JunkFilter.clean`)
    or unchanged uses none: so every build would pay for them for nothing. The
    first use compiles the pattern and keeps its methods on this object, so each
    later call costs what a call on the compiled pattern costs.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags = pattern, flags  # read without compiling (see `_POINTED`)

    def __reduce__(self) -> tuple[type[_LazyPattern], tuple[str, int]]:
        return _LazyPattern, (self.pattern, self.flags)  # copied and pickled as made

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # copy and pickle probe these before __init__ ran
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in ("match", "fullmatch", "search", "sub", "split", "findall", "finditer"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def _lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled on first use (see `_LazyPattern`)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


# A run of a call's words: no sentence end, comma, colon or quotation, and no " and ".
_CALL_RUN = r"(?:(?! and )[^.!?,;:\"\u201c]){0,50}"
_CALL_PROMO = r"\b(?:above|below|here|to see|to watch|for more)\b"
VIDEO_CALL = (
    r"(?:watch|view|see) (?:the|our|this|a) (?:[\w-]+ ){0,2}(?:video|clip|footage)\b"
    rf"{_CALL_RUN}{_CALL_PROMO}{_CALL_RUN}[.!]?"
)
PLAY_CALL = rf"(?:click|press|tap|hit) (?:on )?play\b{_CALL_RUN}{_CALL_PROMO}{_CALL_RUN}[.!]?"
# An ad slot's label: a page sets one inside its story, never under it (`Shape.ad`).
AD_SLOT = r"advertisements?|advert|sponsored(?: content)?|ad"
DEFAULT_PATTERNS: tuple[str, ...] = (
    r"loading\s*(?:\.{2,}|…)?",
    AD_SLOT,
    r"(?:share|email|print|tweet)(?: this)?(?: (?:article|story|page|post))?[.!:]?",
    r"share (?:on|via) [\w ,/]{1,60}",
    # Link lines: the label must stand alone or end in ':' or an arrow, so that
    # "Read more widely, the treaty..." stays.
    r"(?:read more|see also|related(?: (?:stories|articles|coverage|readings?|news|posts|links))?"
    r"|more on this"
    r"|(?:also )?read(?: also)?(?=\s*\|)|(?:also read|read also)(?=\s*:))"
    r"(?:\s*[:|»›>→].{0,200})?",  # noqa: RUF001
    r"(?:read next|up next|recommended(?: for you)?|most read|more from [\w ]{1,40})"
    r"(?:\s*[:»›>→].{0,200})?",  # noqa: RUF001
    # "More news: <another story's headline>", "More:": a link line only with its mark, and
    # no sentence in it ("More: the ministers meet again in June, officials said." is news).
    r"more(?: (?:news|stories|headlines|coverage|to read))?\s*[:»›>→|][^.!?\"“”]{1,120}",  # noqa: RUF001
    r".{0,160}\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies"
    r"|cookie (?:policy|settings|preferences))\b.{0,200}",
    r"(?:subscribe|sign up)(?: now)?(?: to| for)? (?:our|the) [\w ]{0,40}newsletter\b.{0,120}",
    # The same pitch after one sentence of its own to the reader ("Start your day with the
    # news you need. Sign up for our newsletter.", "Don't miss the day's news. Get it on our
    # Telegram channel"): the sentence speaks to "you" or tells "don't miss", no quotation.
    r"(?:[^.!?\"\u201c\u201d]{0,80}\byou(?:r)?\b[^.!?\"\u201c\u201d]{0,80}"
    r"|(?:don't|don\u2019t|do not|never) miss\b[^.!?\"\u201c\u201d]{0,100})[.!]\s+"
    r"(?:(?:subscribe|sign up)(?: now)?(?: to| for)? (?:our|the) [\w ]{0,40}newsletter"
    r"|(?:get|follow|join|find) (?:them|it|us|all this) on (?:our|the) [\w ]{0,30}"
    r"(?:channel|app))\b[^.!?\n]{0,60}[.!]?",
    r"(?:click|tap) here to .{0,80}",
    # The page talking to its reader about where they read it: "If you are viewing this in
    # our app, tap here." (a condition on the reader, then "click/tap here").
    r"if you(?:'re|\u2019re| are) (?:reading|viewing|using|on) [^.!?]{1,60},? (?:please )?"
    r"(?:click|tap) here\b[^.!?]{0,60}[.!]?",
    # A live page's lead-in: "The desk brings you the latest news, here:", "We bring you
    # all the news below." Only with "you", "the latest/all the/live" and a pointer at the end.
    r"(?:[\w.'\u2019-]+ ){1,3}brings? you (?:the latest|all the|live)\b[^.!?:\"\u201c]{0,60}"
    r"(?:,? here| below)\s*[:.]?",
    # The comment box's prompt: "Be the first to reply to this discussion.", "Leave a reply".
    r"(?:be the first to|leave a|post a|add a|write a) (?:comment|reply|response|review)"
    r"(?: (?:to|on) (?:this|the) [\w ]{0,40})?[.!:]?",
    r"(?:skip|continue) (?:to (?:main )?content|reading|advertisement)\.?",
    # A video player's message where the video was: "Sorry, this video is not yet available
    # or has expired", "This clip is unavailable in your region." Only a negative state.
    r"(?:sorry,? )?(?:this|the) (?:video|clip|media|player)\b[^.!?]{0,40}"
    r"\b(?:not (?:yet |currently )?available|no longer available|unavailable|(?:has )?expired"
    r"|can ?not be played|could not be (?:loaded|played))\b[^.!?]{0,40}[.!]?",
    r"(?:image|photo|video)(?: credit)?: .{0,80}",
    # A pointer to what follows: "Read the full statement below:", "Here is the text in full."
    r"(?:read|see|watch|view|download)\b.{0,120}\b(?:below|in full)\s*[:.]?",
    # A video's call to the reader: "Watch the video above to see the ministers sign.",
    # "Click play to watch the signing." (an order to the reader naming the video and
    # where it is or what it is for: above, below, here, "to see", "to watch", "for
    # more"; one short sentence with nothing going on after "and", a colon or a comma:
    # "Watch the video released by the ministry and you will see ..." and "Press play on
    # diplomacy: the two leaders agreed ..." tell something, and stay).
    VIDEO_CALL,
    PLAY_CALL,
    # "Read the full story by Jane Doe here.", "Download the full statement here."
    r"(?:read|download|watch|view|listen to|see)\b.{0,80}\bhere\s*[:.]?",
    # "The ministerial decision on fisheries subsidies is available here." (not "Ministers
    # issued a statement, which is available here.": that tells something)
    r"[^,.!?]{0,120}\b(?:is|are) available here\s*[:.]?",
    r"(?:(?:here|below) (?:is|are)|following (?:is|are))\b.{0,120}\b(?:full text|in full)\b.{0,120}",
    # A broadcast's anchor handing over: "Harbour TV's Jane Doe has more.", "Our
    # correspondent John Roe has this report." Only to a reporter: a name after the
    # outlet's possessive, or a reporter's title ("Morocco has more.", "Only the transport
    # ministry has the details." are news).
    r"(?:our (?:[\w-]+ ){0,2}(?:correspondent|reporter)(?: (?-i:[A-Z][\w'\u2019.-]*)){0,3}"
    r"|(?:[\w'\u2019.-]+ ){0,3}(?:correspondent|reporter)(?: (?-i:[A-Z][\w'\u2019.-]*)){2,3}"
    r"|(?:[\w.-]+ ){0,2}[\w.-]+['\u2019]s(?: (?-i:[A-Z][\w'\u2019.-]*)){2,3})"
    r" (?:has|brings us) (?:more|the (?:story|details|latest)|(?:our|this|the|her|his) report)\.?",
)

# Markers after which headline-like lines are a list of links, not prose.
_LIST_MARKERS = _lazy(r"^(?:read next|up next|related(?: stories| articles)?|more stories)\b", re.I)
_HEADLINE_MAX_WORDS = 15

# English function words (jusText's idea: prose is dense with them).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    upon very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say told will would may might must shall since among
    amid across toward towards via per whether though although however also yet still""".split()  # noqa: SIM905
)
_WORD = _lazy(r"\w+(?:['’]\w+)*")  # noqa: RUF001
# A template marker a site left at the end of a paragraph ("... this week.{{more}}").
_TEMPLATE_TAIL = _lazy(r"\s*(?:\{\{[^{}]{0,40}\}\}|<!--[^<>]{0,40}-->)$")
_ENDS = ".!?…。！？"  # noqa: RUF001 (Chinese and Japanese sentence ends)
# A link's label in square brackets glued after a sentence's stop: "...deepened.[Special
# coverage]", "...in 2019.[1]".
_LINK_TAIL = _lazy(r"\w[.!?…][\"'’”)]*\s?\[[^\[\]]{1,30}\]$")  # noqa: RUF001
_STRAY_OPENER = _lazy(r"(?<=[.!?])\s+[\u201c\u2018]\s*$")
# A sentence's stop inside a block, with the next sentence opening after it.
_INNER_STOP = _lazy(r"\w[.!?][\"'\u2019\u201d)]*\s+[\"'\u2018\u201c]?[A-Z0-9]")
# A table row's cell ends ("... officials say. | ... officials say. |", "... a sham. | |"):
# a page setting copy in a table (two versions of a story side by side) ends its cells so.
_TABLE_TAIL = _lazy(r"(?:\s*\|)+\s*$")
_CLOSERS = "'\"’”)] \t\n」』）»"  # noqa: RUF001
# Credits and captions: a position in brackets, an agency at the very end, "Photo:".
# Agencies and photo libraries as they sign pictures ("REUTERS/Jane Doe", "(AP Photo/...)").
_AGENCY = (
    r"(?-i:REUTERS|Reuters|AFP|AP|EPA|PTI|ANI|IANS|UPI|AAP|TASS|Xinhua|XINHUA|Yonhap|YONHAP"
    r"|Kyodo|KYODO|Getty Images|Bloomberg|Flickr|Associated Press|Agence France-Presse)"
)
# A caption signed after its full stop with a dash and its agency ("... 2022. \u2014 Reuters").
_AGENCY_WORD = _lazy(rf"\b{_AGENCY}\b")
CREDIT_LINE_WORDS = 4  # a credit line on its own: "Reuters Archive", "AP Photo / Jane Doe"
CAPTION_TWIN = "a caption printed twice (its first copy over its credit)"
BYLINE = "a byline"
# Its year right before the signature: a story's last sentence signed so ends elsewhere.
_DASH_AGENCY = _lazy(rf"\b\d{{4}}\.\s*[\u2013\u2014-]\s*{_AGENCY}\s*$")
DASH_CREDIT_WORDS = 45
# A photo caption's marks, by the character each cannot match without (see `_captioned`).
_CAPTION_ALTERNATIVES: tuple[tuple[str, str], ...] = (
    ("(", r"\((?:left|right|centre|center|top|bottom|front|back|from left)\)|\((?:L-R|l-r)\)"),
    ("(", rf"\({_AGENCY}(?: File)? Photos?\)"),
    (",", r",\s(?:left|right|centre|center|second from (?:left|right)),\s"),
    (",", r"^from (?:the )?(?:left|right),"),
    # The picture's source at the end, glued on or not: "...to his leftImage source, Agency".
    (",", r"(?-i:Image|Picture|Video) source,\s(?-i:[A-Z])[^.!?]{0,60}$"),
    # A picture's date stamp as its own last "sentence": "... in Biarritz. August 26, 2019.",
    # maybe with the picture's agency in brackets after it ("... 2021. (AA)"); not a
    # story's stamp ("... 2021. (UPDATED)").
    (
        ".!?",
        r"[.!?]\s+(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.?"
        r"(?:\s?\((?!(?:updated?|updates|corrected|correction|edited|video|photos?|audio|watch|live"
        r"|breaking|exclusive)\))(?-i:[A-Z]{2,6}|[A-Z][a-z]{1,14})\))?$",
    ),
    # The credit glued to the caption's full stop: "... at the Kremlin.Photo by Agency reporter X".
    (".!?", r"[a-z][.!?](?-i:Photo(?:graph)?s?|Picture|Image) by (?-i:[A-Z])[^.!?]{0,80}\.?$"),
    # A credit after the caption's last sentence, in the other shapes sites print one.
    (
        ".!?",
        r"[.!?][\"'\u2019\u201d]?\s+[(\[]?(?:"
        # What kind of picture, maybe whose: "(File photo)", "Handout via Agency", "Supplied".
        r"(?:file|handout|pool|supplied)(?: (?:photo(?:graph)?|picture|image)s?)?"
        r"(?: (?:via|from|by) [^.!?()\[\]]{1,40})?"
        # "Photo / Supplied", "Photo/Ministry of Foreign Affairs", "Photo courtesy of the ministry".
        r"|(?:photo(?:graph)?|picture|image)s?(?: ?/ ?| courtesy(?: of)? )[^.!?()\[\]]{1,60}"
        # An outlet's or agency's name and "photo": "Bernama photo", "(Example Daily photo)".
        r"|(?-i:[A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,3}) (?:file )?(?:photo(?:graph)?"
        r"|picture|image)s?"
        # An agency's code and the photographer in capitals: "EPA-EFE/JANE DOE".
        r"|(?-i:[A-Z]{2,8}(?:-[A-Z]{2,8})? ?/ ?[A-Z][\w '\u2019.-]{1,40})"
        r")[)\]]?\.?$",
    ),
    (
        ":",
        r"\b(?:photo(?:graph)?|image|picture|video|source|credit|caption|file photo|illustration)s?"
        r"\s?:\s*\S",
    ),
    ("/", rf"\b{_AGENCY}(?:\s+(?:photo|images?))?\s?/\s?(?-i:[A-Z])"),
    ("|", r"\|\s*(?:photo|image|video)\b"),
    ("", r"\b(?:from )?left to right\b"),
    ("", r"\b(?:hide|toggle|show) caption\s*$"),  # the caption's own button, scraped with it
    # A credit as the last "sentence", each alternative with its own short tail to the end.
    (
        "",
        r"(?:^|[.!?]\s+)(?:courtesy|screenshot|(?:file )?photo(?:graph)? by|picture by|image by"
        r"|video by)\b[^.!?]{0,80}\.?$",
    ),
)
_CAPTION = _lazy("|".join(source for _, source in _CAPTION_ALTERNATIVES), re.I)
# The same forms, one pattern per character they need ("": the forms that need none).
_CAPTION_BY_NEED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (need, _lazy("|".join(s for n, s in _CAPTION_ALTERNATIVES if n == need), re.I))
    for need in dict.fromkeys(need for need, _ in _CAPTION_ALTERNATIVES)
)
# A one-letter position, "(L)", "(R)", "(C)": a caption's only in a caption's context
# (`_positioned`), since "(R)" after a name is also a party ("Senator Jane Doe (R) said").
# One told where the person stands or sits ("(standing R)", "(seated, L)", "(front row,
# 2nd R)") is a caption's alone: a party label has no such word.
_POSITION_LETTER = _lazy(
    r"\((?P<place>(?:standing|seated|sitting|front|back|middle|centre|center|far)(?: row)?,? )?"
    r"(?:\d(?:st|nd|rd|th) )?(?:L|R|C)(?:-\d{1,2})?\)"
)
# The row of a group picture in brackets: "(front row, from left)", "(Back row, L-R)".
_ROW_POSITION = _lazy(
    r"\((?:front|back|top|bottom|middle|first|second|third|1st|2nd|3rd) row\b[^()]{0,25}\)", re.I
)
# A group picture's key to its rows, unbracketed, over the names: "standing row, from left:",
# "front row (L-R):". With names parted by semicolons, a caption however many it names.
_ROW_KEY = _lazy(
    r"\b(?:standing|sitting|seated|front|back|middle|top|bottom|first|second|third) row,?\s"
    r"\(?(?:from (?:left|right)|l-r|left to right)\)?\s?:",
    re.I,
)
ROW_KEY_CAPTION_WORDS = 200
# The side a row or seat is told from: "(back row, from left)", "(L-R)", "(standing R)".
_SIDE = _lazy(r"\bfrom (?:left|right)\b|\b(?:L-R|l-r|left to right)\b|[ ,](?:[LRC]|left|right)\)$")
# A picture's date stamp in brackets ("(29/8/18)") and a picture's words, beside a position.
_DATE_STAMP = _lazy(r"\(\d{1,2}/\d{1,2}/\d{2,4}\)")
_PLACED_PICTURE_WORD = _lazy(
    r"\b(?:pose[sd]?|posing|photo(?:graph)?s?|pictures?|pictured|witnessing)\b", re.I
)
_PICTURE_WORD = _lazy(r"\b(?:photo|picture|image|pictured|pool|file|credit)s?\b", re.I)
# A signed picture credit in brackets at the end: a caption however long it runs.
# "(AP Photo/...)", or an agency or outlet and a name after a slash or colon:
# "(Xinhua/Jane Doe)", "(Example News: Jane Doe)", "(Photo: Agency)".
_PHOTO_CREDIT = _lazy(
    rf"\({_AGENCY}\s+Photo\b[^()]{{0,80}}\)\s*$"
    r"|\((?-i:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) ?[/:] ?"  # noqa: RUF001
    r"(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\)\.?\s*$"  # noqa: RUF001
    # "(Photo by Jane Doe/Agency)", "(Picture courtesy of the ministry)", "(Official White
    # House Photo by Jane Doe)"
    r"|\((?:[\w'’.-]+ ){0,4}(?:photo(?:graph)?|picture|image|video)s? (?:by|courtesy of)"  # noqa: RUF001
    r" [^()]{1,80}\)\.?\s*$",
    re.I,
)
# Wire agencies whose names are not written in capitals ("May 21 (Reuters) - ").
WIRE_AGENCIES = (
    "Reuters", "Kyodo", "Kyodo News", "Xinhua", "Bloomberg", "Yonhap", "Bernama", "Anadolu",
    "Antara", "Interfax", "Jiji", "Jiji Press", "Tass", "Sputnik", "Prensa Latina",
)  # fmt: skip
# A wire dateline opening a paragraph: "CITY, Month 14 (Agency) -- ", "CITY: ", "Month 14 (Agency) -- ",
# "(Agency) - ", "City (AP) -- ". A sentence under one is the story, however short.
# With no dash after the agency, the sentence must start after it ("BEIJING (Xinhua)
# The ..."): "The Prime Minister's Office (PMO) tweeted ..." is a sentence, not a dateline.
_DATELINE = _lazy(
    r"^(?:[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+){0,3}"  # noqa: RUF001
    # A year after the date only before the agency's bracket ("Ankara, August 29, 2018 (AA)
    # - ..."): "Hiroshima, August 6, 1945 — at 8:15 ..." tells history, not a wire's place.
    r"(?:, [A-Z][\w.]+(?: \d{1,2}(?:, \d{4}(?=,? ?\([A-Z]))?| [A-Z][\w.]+)?)?"
    r"(?:,? ?\([A-Z][^()]{1,60}\)(?: ?(?:--|[-–—:])|(?=\s+[A-Z\"“‘']))"  # noqa: RUF001
    r"| ?(?:--|[–—:]| -))"  # noqa: RUF001
    r"|\([A-Z][\w .&-]{1,30}\) ?(?:--|[-–—])"  # noqa: RUF001
    # The wire's date for a place: "May 21 (Agency) -- ", "Aug. 18 (Agency) - ".
    # Only an agency's name in the brackets: "Feb. 7 (Friday) - " is a timeline's entry.
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2} "
    r"\((?:[A-Z]{2,}(?:[-/ ][A-Z]{2,})?|" + "|".join(WIRE_AGENCIES) + r")\) ?(?:--|[-–—])"  # noqa: RUF001
    # A syndicated story's place, its country in square brackets, and its date, with or
    # without the agency: "Samarkand [Uzbekistan], April 13 (ANI): ", "... April 13 : ".
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} \[[A-Z][^\[\]]{1,40}\],? "  # noqa: RUF001
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r"(?: \([A-Z][^()]{1,30}\))? ?:)"
    # A dash glued to the agency's bracket and the sentence ("... (Agency)-United ...").
    r"(?:\s+|(?<=:)(?=[A-Z])|(?<=\)[-–—])(?=[A-Z]))(?=\S)"  # noqa: RUF001
)
# A wire's date and its agency's bracket right before a glued dash: "August 29, 2018 (AA)-".
_GLUED_DATED = _lazy(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?,? ?"
    r"\([^()]+\)[-\u2013\u2014]$"
)
# The words before a dateline's first comma, bracket, colon or dash: its place, or a label.
_DATELINE_HEAD = _lazy(r"\s*(?:[,(\[:\u2013\u2014]|--| -)")
# A story's own labels, which open a paragraph as "LIMA:" does but name no place
# ("Update: the ministers ...", "Editor's Note - ..."): what follows is no wire's story.
STORY_LABELS = frozenset(
    (
        "update", "updated", "updates", "latest", "breaking", "breaking news", "developing",
        "more", "read more", "also", "also read", "see also", "related", "analysis",
        "news analysis", "explainer", "explained", "fact check", "factbox", "background",
        "context", "note", "editor's note", "editors' note", "correction", "clarification",
        "opinion", "comment", "commentary", "editorial", "exclusive", "interview", "watch",
        "video", "listen", "summary", "highlights", "key points", "bottom line",
        "the bottom line", "what's next", "why it matters", "timeline", "recap", "meanwhile",
        "separately", "elsewhere", "earlier", "previously", "plus", "disclaimer", "reminder",
        "live", "live updates", "photos", "pictures", "in pictures", "watch video", "podcast",
        "fact sheet", "profile", "preview", "review", "obituary", "poll", "opinion poll",
    )
)  # fmt: skip
# A teaser cut off mid-word ("... has increased to appr…"): not a sentence of the story.
# A site's cut also leaves a space before its ellipsis ("... on Sunday for …"), never
# after a closing quotation mark: a quotation that trails off ('"We will see …"') is kept.
# Cut after a comma ("... staying at home,…") is cut too: no sentence ends there.
_TEASER = _lazy(r"(?:\w|\w \[)(?:…|\.{3})\]?\W*$|[\w)] …\s*$|\w[,;] ?(?:…|\.{3})\s*$")
# An embedded social-media post signs off "— Jane Doe (@handle) June 2, 2023".
_EMBED_SIGNOFF = _lazy(r"[—–-]\s*[^—–]{0,60}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")  # noqa: RUF001
# The same sign-off inside a block, opened by a long dash, with the post's text after it.
_EMBED_SIGNOFF_INSIDE = _lazy(
    r"(?:^|\s)[—–]\s*[^—–]{0,60}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}(?=\s|$)"  # noqa: RUF001
)
# Initials with their stops inside a sentence: "U.S. President", "the U.S., Japan", "U.S.
# troops". Before a name or another sentence ("... lands in the U.S. Trump greets him")
# their last stop may end a sentence.
_INITIALS = _lazy(
    r"\b(?:[A-Z]\.){2,}(?=,|\s+(?:[a-z\d]|(?:President|Vice|Prime|Minister|Secretary|Senator"
    r"|Ambassador|Embassy|Envoy|Representative|Trade|Treasury|State|Department|Army|Navy"
    r"|Air|Marine|Forces?|Congress|Senate|House|Supreme|Court|Federal|Special|Defense"
    r"|Defence)\b))"
)
# A video player's length line: "Duration 7:31", "Length: 2:05:10".
_VIDEO_LENGTH = _lazy(
    r"^(?:duration|length|running time|runtime)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?$", re.I
)
VIDEO_LENGTH_CHARS = 40  # "Running time: 1:02:03" and its spaces: longer is no length line
VIDEO_TEXT_WORDS = 80
VIDEO_TEXT = "the video's description, under its length"
# A transcript's speaker label in capitals opening a block: "SECRETARY BLINKEN: ...".
_SPEAKER = _lazy(r"^(?:[A-Z][A-Z.'\u2019-]*\s){1,6}[A-Z][A-Z.'\u2019-]*:\s")
# A transcript's moderator or host handing the floor over ("MODERATOR: First we will
# hear from ...", "Operator: ..."): the proceedings, not the story's first paragraph.
_MODERATOR = _lazy(
    r"^(?:the\s+)?(?:moderator|operator|master of ceremonies|emcee|mc|host|announcer"
    r"|chair(?:man|person|woman)?)\s*(?:\([^)]{0,60}\))?\s*:\s",
    re.I,
)
# A speaker named in title case with an office ("President of Ruritania Jane Doe: ...",
# "Ms Jane Doe, Minister for Trade: ..."): an "of", a "for" or a comma in the label parts
# a title from a name; a bare name of three words may be an outlet's ("Daily News: ...").
_NAMED_SPEAKER = _lazy(
    r"^[A-Z][\w.'\u2019-]*(?=[^:]{0,80}(?:\s(?:of|for)\s|,\s))"
    r",?(?:\s(?:[A-Z][\w.'\u2019-]*|of|for|the|and),?){0,7}\s[A-Z][\w.'\u2019-]*:"
    r"(?:\s|(?=[A-Z]))"  # a transcript typed without the space: "..., Spokesperson:Good"
)
# A speaker's office in title case with the name in brackets ("Foreign Minister of X (Ms.
# Jane Doe): ..."), or a reporter's turn in a transcript ("Question: ...", "Q: ...").
# The name is up to five words, each after one space: words that may also run together
# ("Ms.Doe") were read as `(?:[A-Z][\w.]*\.?\s?){1,5}`, which splits a run of capitals
# at any of its letters, every way (160 capitals and no ")": 41 s; 300: ~15 min).
_BRACKETED_SPEAKER = _lazy(
    r"^(?:[A-Z][\w.'\u2019-]*\s(?:(?:[A-Z][\w.'\u2019-]*|of|for|the|and)\s){0,7}"
    r"\([A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,4}\s?\)|Question|Q):(?:\s|(?=[A-Z]))"
)
# Someone's words in single quotation marks, then who said them ("'We agreed,' she said",
# "'... talks.' The minister ..."): the closing mark after the words' last stop, not an
# apostrophe ("the leaders' talks").
_SINGLE_QUOTED = _lazy(
    r"^[\u2018'](?:[^\u2018\u2019']|(?<=\w)[\u2019'](?=\w))*?\w[,.!?][\u2019']\s+\w"
)
# A time of day alone on its line, maybe with its zone: a live page's entry stamp.
_CLOCK_LINE = _lazy(
    r"^(?:\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,5})?$", re.I
)
# Closed captions mark each change of speaker with ">>" (">>> LADIES AND GENTLEMEN ... >>
# GOOD AFTERNOON", ">> a short time ago ..."), and name speakers inline in any case
# ("announcer: ladies and ...", "president doe: thank you").
_CAPTION_MARK = _lazy(r"(?:^|\s)>{2,3}\s*(?=\S)")
_INLINE_SPEAKER = _lazy(
    r"(?:^|[.!?]\s+|>{2,3}\s*)(?:announcer|moderator|reporter|question|president|prime minister"
    r"|chancellor|secretary|minister)(?: [a-z]+){0,2}:\s",
    re.I,
)
# A line opened with arrows is a link to another story (">>> China hopes for ...").
_ARROWED = _lazy(r"^\s*(?:>{2,}|[»→▶►➤]+)\s*\S")
# A post's sign-off on a line of its own, and the post's text over it (and its link).
EMBED_SIGNOFF_WORDS = 12
EMBED_TEXT_WORDS = 60
# A block with a post's sign-off inside it (the post's text around it) is the post, up to this long.
EMBED_BLOCK_WORDS = 80
_POST_MARK = _lazy(r"(?:^|\s)[#@]\w")  # a hashtag or a handle in a post's text
EMBEDDED_TEXT = "the text of a social-media post, over its link and sign-off"
POST_LINE_WORDS = 25  # one line of a post the copy parted into paragraphs
_TELLS_OF_POST = _lazy(
    r"[\"\u201c\u201d]|\b(?:said|says|told|tweeted|posted|wrote|according to)\b", re.IGNORECASE
)
# A bare link at the end of a block: a link line, or a social post embedded as text.
# (In any case: a banner in capitals prints its address so, "HTTP://WWW.X.ORG".)
_LINK_END = _lazy(r"(?:https?://|www\.|pic\.twitter\.com/)\S+\s*$", re.I)
_LAST_SPACE = _lazy(r"(?s:.*)\s")  # matched, it ends past the text's last white space
# A block that ends like a plain statement: a word and a full stop (not "!", "..", ":").
_SENTENCE_STOP = _lazy(r"[.!?][\"'\u2019\u201d)]*(?:\s|$)")
_FULL_STOP = _lazy(r"\w\.[\"'’”)]*$")  # noqa: RUF001
# A sentence ended inside a block, by a word and not a number ("leaders. Watch", not "3. The").
_TOLD_BEFORE = _lazy(r"[a-z]{2}[.!?][\"'’”)]*\s+\S")  # noqa: RUF001
_CREDIT_WORDS = ("report", "contribut", "provided", "compiled", "editing", "writing")
# Contact details: an email address, or a phone number of seven digits or more.
_EMAIL = _lazy(r"[\w.+-]@[\w-]+\.\w")
# Digits with spaces, dashes or brackets between them, checked one by one in `_contact`.
_DIGIT_RUN = _lazy(r"[+(]?\d[\d ()-]{6,}\d")
_PHONE = _lazy(
    r"(?:\+\d|\(?0\d)[\d ()-]{5,}\d|\d{2,4}-\d{3,4}-\d{3,4}"
)  # +61.., 02.., 202-456-1111
# A source named after the story's last sentence ("... on Friday. Source: Agency").
# The space run is taken whole from its start only (lookbehind, possessive): a plain
# `\s+` retried from every space of a long run costs time quadratic in the run.
_TRAILING_SOURCE = _lazy(r"(?<!\s)\s++(?:source|via|credit)s?\s?:\s*[^.!?:]{1,60}$", re.I)
# An agency's sign-off after the last sentence: "... on Friday. NAN", "...yesterday.- AGENCY-TASS",
# "... talks. (AFP)": the sentence still ends there (a dash before it, or the code in capitals).
_SIGNOFF = _lazy(
    r"[.!?][\"'’”)]*\s*(?:[-–—]+\s*(?-i:[A-Z][\w-]*(?:[ /-][A-Z][\w-]*){0,2})"  # noqa: RUF001
    r"|\(?/?(?-i:[A-Z][A-Z-]{1,14})/?\)?)\s*$"
)
# Who wrote or helped: "Jane Doe reports.", "Reporting by ...", "... contributed to this report."
_REPORT_CREDIT = _lazy(
    r"^(?:additional )?(?:reporting|writing|editing)(?: and \w+)? by\b"
    r"|\b(?:contributed|provided|compiled)\b.{0,40}\b(?:to|for|in) (?:this|the) (?:report|story|article)\b"
    r"|\b(?:for|in|to) (?:this|the) (?:report|story|article)\b.{0,60}\b(?:contributed|provided|compiled)\b"
    r"|^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}) (?:reports|reporting|contributed)\.?$",  # noqa: RUF001
    re.I,
)
# What an article draws on, said of the article itself: "Some information in this article
# comes from Agency.", "This story includes material from wire services.", "With inputs
# from agencies". A line of its own that opens on it: "the ministry said this report was
# prepared over months" is the story's.
_SOURCE_CREDIT = _lazy(
    r"^(?:some |additional |other |the )?(?:information|material|reporting|content|inputs?"
    r"|details|quotes)\b.{0,40}\b(?:in|for|of|to) this (?:article|story|report|piece|post)\b"
    r"|^this (?:article|story|report|piece|post)\b.{0,40}\b(?:comes? from|came from"
    r"|includes?|included|contains?|is based on|was based on|draws? on|drew on"
    r"|(?:was|has been) (?:originally |first )?(?:published|produced|adapted|translated"
    r"|republished|written|prepared|generated|compiled))\b"
    r"|^\(?with (?:additional )?inputs? from\b"
    # A syndicated copy's footer: "The post <its title> first appeared on Example News."
    r"|^(?:the|this) (?:post|article|story)\b.{0,200}\b(?:first|originally) appeared (?:on|in|at)\b",
    re.I,
)
SOURCE_CREDIT_WORDS = 30
# A sentence that ends on who said it ("..., the ministry said.", "..., said officials on
# Friday."): reported speech, the story telling of another text ("This report was prepared
# over six months, the minister said."), never the page's word on its own sources.
_SAID_AT_END = _lazy(
    r",\s+(?:(?:[\w'\u2019-]+\s+){0,5}(?:said|says|added|adds|stated|noted|told\s+[\w'\u2019-]+)"
    r"|(?:said|says|added|adds)\s+(?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]+)"
    r"(?:\s+(?:on|in|last|this)\s+[\w'\u2019-]+|\s+(?:today|yesterday))?"
    # The first run of spaces is taken whole (`\s*+`): given back one at a time, each
    # try ran the second `\s*` to the run's end, so a long run not at the end of the
    # text ("..., said" and 200,000 spaces before a word) cost time in its square.
    r"\s*+[.!]?[\"'\u201d\u2019]?\s*$",
    re.I,
)
# What the copy is, said of itself: "this article", "a version of this story", "the
# original piece". Only "this" (or "the original") points at the page; "The report was
# first published by the institute in March" tells of another text.
_THIS_COPY = (
    r"(?:(?:a|an|the) (?:[\w-]+ ){0,2}?(?:version|edition|form|part|portion)s? of )?"
    r"(?:this|the original) (?:[\w-]+ )?"
    r"(?:article|story|report|piece|post|content|interview|op-?ed|column|commentary|essay"
    r"|analysis|feature|blog(?: post)?|item)(?! of\b)"
)
# A syndication or republication line ("This article was originally published on Example
# News.", "Originally published on example.com", "Republished with permission from ...",
# "This piece first ran in ...", "Read the original article."): where the copy came from,
# not the story. Whole lines only, and short (`SYNDICATED_WORDS`); the bare forms with
# no "this" end on the outlet, a date or a permission, never going on into a clause
# ("Originally published in 1952, the treaty ..." is the story's).
_SYNDICATED = _lazy(
    rf"^{_THIS_COPY}\b[^.!?]{{0,60}}?\b(?:(?:was|is|has been|were|had been) )?"
    r"(?:(?:originally|first|previously|initially|also) )?"
    r"(?:published|appeared|ran|printed|posted|syndicated|re-?published|reprinted|reproduced)"
    # Where or by whom, not "This story appeared to confirm ...".
    r"(?: (?:here |online |in print |in full |with permission )?(?:on|in|at|by|from|with|under"
    r"|as part of|courtesy of|through|via)\b|\s*[.,]?$)"
    r"|^(?:it was |and )?(?:originally|first|previously) (?:published|appeared|posted|ran|printed)"
    r" (?:on|in|at|by)\b(?![^.!?]*,\s+(?:the|a|an|it|he|she|they|we|this|its|his|her|their)\s)"
    r"(?:[^.!?]|\.(?=\w)){1,100}"
    r"(?:\.\s+(?:re-?published|reprinted|reproduced)\b(?:[^.!?]|\.(?=\w)){0,60})?\.?$"
    r"|^(?:re-?published|reprinted|reproduced|republished)(?: here)?(?: with (?:the )?(?:kind )?"
    r"permission| from| courtesy of| under (?:a |the )?creative commons| by arrangement| as part"
    r" of| through| via| in partnership)\b"
    r"|^read the original (?:article|story|post|piece|report|version)\b",
    re.I,
)
SYNDICATED_WORDS = 30
SYNDICATED = "a syndication line: where the copy was first published"
# Where a syndication line glued onto the story's last sentence may start ("... in the
# spring. Originally published on Example Daily."): a new sentence in the forms that only
# ever speak of the copy. Not "It was first published in March.", which tells of a report.
_SYNDICATED_TAIL = _lazy(
    r"(?<=[.!?])([\"'\u201d\u2019)]*)\s+(?=(?:Originally|First) (?:published|appeared|posted)\b"
    r"|Re-?published (?:with|from|courtesy|under|by)\b|Reprinted (?:with|from|courtesy|by)\b"
    r"|(?:This|The original) (?:article|story|post|piece)\b|Read the original\b)"
)
# A word every form of _SYNDICATED_TAIL holds, looked for before that pattern runs.
_SYNDICATED_HINTS = (
    "published",
    "appeared",
    "printed",
    "article",
    "story",
    "post",
    "piece",
    "original",
)
SYNDICATED_TAIL_MIN_WORDS = 8  # the prose before it: a sentence of the story at least
HEADLINE_TAIL = "the headline printed again"
# A press release's contacts under a label ("Inquiries: Jane Doe, Adviser, tel. ...,
# John Doe, Head of Communications, tel. ..."): several names and numbers run longer than
# one contact line, and are no story's sentence all the same.
_CONTACT_LABEL = _lazy(
    r"^(?:inquiries|enquiries|contacts?|media (?:contacts?|inquiries|enquiries)"
    r"|press (?:contacts?|inquiries|enquiries)|(?:for )?(?:further|more) information)"
    r"(?: [\w-]+){0,3}\s*:",
    re.I,
)
CONTACT_LABELLED_WORDS = 90
# The page's word on its own age, printed over old pages ("This article is more than 5
# years old", "This content is more than 1 year old."): about the page, not the story.
_ARCHIVE_NOTICE = _lazy(
    r"^this (?:article|content|page|story|post|piece|item|news item|press release)"
    r" is (?:more than|over|older than) (?:\d+|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten) (?:years?|months?|weeks?|days?) old\s*[.!]?$",
    re.I,
)
ARCHIVE_NOTICE = "the page's notice of its own age"
HEADLINE_TAIL_MIN_WORDS = 5  # a headline that long is no phrase a sentence happens to end on


def _labelled(label: str) -> str:
    """A line opening on the site's own label, a colon or a dash after it, then its note."""
    return rf"^(?:{label})\s*[:\u2013\u2014-]\s*\S"


# The copy's note on its own editing: "This interview has been edited for length and
# clarity.", "The conversation has been condensed.", "Editor's note: This story was
# updated ...", "Correction: An earlier version ...": what was done to the text, not the
# story. "this" (or "the" over a talk's transcript) points at the page; a labelled note
# is the site's, whatever it says after the label. Short lines only (`EDITED_WORDS`).
_EDITED_NOTE = _lazy(
    r"^(?:this|the following|the) (?:[\w-]+ )?(?:interview|conversation|transcript|q ?& ?a"
    r"|exchange|discussion|article|story|piece)s? (?:has been|have been|was|were|is|are) "
    r"(?:lightly |slightly |also )?(?:edited|condensed|abridged|shortened)\b"
    r"|^this (?:[\w-]+ )?(?:article|story|piece|page) (?:has been|was) "
    r"(?:updated|corrected|amended|translated)\b"
    r"|" + _labelled(r"editors?[\u2019']?s?[\u2019']? note|correction|clarification"),
    re.I,
)
EDITED_WORDS = 40
EDITED_NOTE = "the copy's note on its own editing (an editor's note, a correction)"
# The site's note on the copy under its own label ("Disclaimer: No staff journalist was
# involved in creating this content.", "Disclosure: The owner of this site ..."): what
# made the page, not the story, whatever it says after the label.
_DISCLAIMER = _lazy(_labelled("disclaimer|disclosure"), re.I)
DISCLAIMER = "the site's disclaimer on its copy"
# The outlet the copy came from, on a line of its own under the story: "via Agency".
_VIA = _lazy(r"^(?:via |sources? ?: ?)(?-i:[A-Z])[\w.&'\u2019-]*(?:,? [\w.&'\u2019-]+){0,5}$", re.I)
VIA_WORDS = 7
VIA = "a source credit line ('via Agency', 'Sources: A, B')"
SOURCE_CREDIT = "a source credit: what the article draws on"
# A press cutting's reference: a publication's name, the day it printed the piece and
# the page ("The Island Times 04/05/2026 page 12", "- Daily Courier, 4 May 2026, p. 3"),
# one a line or as the items of one list under the story. No sentence reads so: it has
# no verb, and a page number ends it.
_CUTTING = _lazy(
    r"^(?:[-*+\u2022\u25aa\u00b7]\s*)?(?-i:[A-Z])[\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+){0,5},?\s+"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:[/.-]\d{2,4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}),?\s+(?:page|pg\.?|pp?\.)\s*\d{1,4}[a-z]?\.?$",
    re.I,
)
CUTTING_ITEMS = 6  # a list of this many references at most
CUTTING = "a press cutting's reference (publication, date, page)"
# A gallery's counter on a caption: "1 of 12 | ...", "Photo 3 of 8: ...", "(2/5) ...".
_GALLERY = _lazy(
    r"^(?:(?:photo|image|picture|slide|gallery)s?\s*)?\(?\d{1,3}\s*(?:of|/)\s*\d{1,3}\)?"
    r"\s*(?:[|:.\u2013\u2014-]|\)|$)"
    r"|\b(?:photo|image|picture|slide)s? \d{1,3} of \d{1,3}\b",
    re.I,
)
GALLERY = "a gallery caption (picture N of M)"
GALLERY_COUNTER_WORDS = 4  # "Photo 2 of 5" alone: a counter with no caption of its own
_COUNTER = _lazy(r"\d\s*(?:of|/)", re.I)  # in every text `_GALLERY` finds (its "N of")
# A caption tells what a picture shows in the present tense, dated or set in an event:
# "The two leaders shake hands before their talks on Friday.", "... during the summit." Verbs of what a camera sees; news
# prose tells the same in the past tense ("shook hands") or the future ("will meet").
PICTURE_VERBS = frozenset(
    "shake shakes pose poses gesture gestures wave waves smile smiles listen listens "  # noqa: SIM905
    "walk walks greet greets embrace embraces hug hugs salute salutes chat chats "
    "applaud applauds clap claps toast toasts".split()
)
_CAPTION_DATE = _lazy(
    r"\bon (?:(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})\b"
    r"|\b(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
    r"|\bduring (?:a|an|the|their|his|her|its)\b",
    re.I,
)
PICTURE_CAPTION_WORDS = 35
# A news agency's caption: who does what, then where and when set off by commas, the year
# too ("... at the forum in Suva, Fiji, on September 8, 2026.", "..., Sept. 8, 2026."). A
# story's sentence tells the day without the place and year around it ("in Suva on Monday").
_PLACE_DATE_END = _lazy(
    r"\b(?:in|at) (?-i:[A-Z])[\w'\u2019.-]*(?: (?-i:[A-Z])[\w'\u2019.-]*){0,3}, (?-i:[A-Z])"
    r"[\w'\u2019.-]*(?: (?-i:[A-Z])[\w'\u2019.-]*){0,3}, (?:on )?(?:(?-i:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday), )?(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov"
    r"|Dec)[a-z]*\.? \d{1,2}, \d{4}\.$"
)
# What the people in a news picture do, in its present tense: more than a camera's own
# verbs (`PICTURE_VERBS`), since the place and the year mark the caption here.
SCENE_VERBS = PICTURE_VERBS | frozenset(
    "speaks speak talks talk arrives arrive attends attend addresses address delivers "  # noqa: SIM905
    "holds hold meets meet signs sign looks look sits sit stands stand inspects inspect "
    "reviews review receives receive visits visit leaves leave departs depart lays lay "
    "takes take gives give shows show watches watch".split()
)
PLACE_DATE_CAPTION_WORDS = 60
_MONTH_DOT = _lazy(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?= \d)")
# Who a picture shows when not by name ("Island leaders arrive ...").
PEOPLE = frozenset(
    "leaders ministers delegates officials presidents members participants heads "  # noqa: SIM905
    "delegations envoys diplomats".split()
)
_DURING = _lazy(r"\bduring (?:a|an|the|their|his|her|its)\b", re.I)
# A caption telling where its people stand ("(standing R)", "(back row, from left)") names
# them all and what they sign: it may run this long (other captions stop at 60 words).
PLACED_CAPTION_WORDS = 100
# A position with its side and one more cue marks a caption of up to 60 words; with two
# more, one of up to `PLACED_CAPTION_WORDS`.
PLACED_CUES = 2
# Names parted by this many semicolons under a row opening the block: the row's list.
PLACED_LIST_NAMES = 3
# Words before a noun: a picture word after one is no verb ("a salute", "their embrace").
DETERMINERS = frozenset("a an the his her their its our my your this that".split())  # noqa: SIM905
# A picture signed first by its agency ("AFP - A protester wears a mask during ..."); a
# wire story names its agency in brackets after its dateline instead.
_AGENCY_LEAD = _lazy(rf"^{_AGENCY}\s?[-\u2013\u2014]\s")
# A picture's full date ("on August 27, 2023"): a caption's, seldom a story sentence's.
_PICTURE_DATE = _lazy(
    r"\b(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
)
# A shorter sentence (under `Thresholds.good_min_chars`) whose only verb is a participle.
PARTICIPLE_CAPTION_WORDS = 25
PICTURE_CAPTION = "a photo caption (what a picture shows, in the present tense)"
# A caption that names its own picture first: "This file photo taken on May 3, 2024 shows
# ...", "In this handout picture released by the ministry, ...", "A file photo of ...".
# A story names a picture it tells about with "the" ("The picture shows ...", "In the
# photo, ... could be seen"): a photo story's own prose, not a caption over it. So "this"
# or "a" and a word only a caption's picture bears: file, handout, undated, pool,
# combination; or "this" and how the picture was had (taken, released, provided, grabbed).
_THIS_PICTURE = _lazy(
    r"^(?:in )?(?:this|a|an)(?P<kinds>(?: [\w-]+){0,3}?) "
    r"(?:photo(?:graph)?|picture|image|grab|screen ?grab|screenshot|still|handout)s?\b"
    r"(?P<how>(?:\W+\w+){0,12}?\W+(?:taken|released|provided|obtained|distributed|made"
    r" available|grabbed|courtesy)\b)?",
    re.I,
)
_PICTURE_KINDS = frozenset("file handout undated pool combination archive archival".split())  # noqa: SIM905
THIS_PICTURE_WORDS = 60
# A programme's line, never a caption: who takes part, or its hours ("at 09 to 11.00",
# "at 11:30 a.m.").
_SCHEDULE = _lazy(
    r"\bwith the participation of\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*(?:to|-|\u2013)\s*\d{1,2}[.:]\d{2}\b"
    r"|\b\d{1,2}[.:]\d{2}\s*[ap]\.?m\b",
    re.I,
)
# A day standing alone as a programme's heading: "Wednesday 10th November", "Tuesday, May 4:".
_DAY_LABEL = _lazy(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:\d{1,2}(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)\s*:?$"
)
# A quotation signed by a bare pronoun ("..." she adds.): its speaker is named in the
# story below, so opening the page (above the headline) it is a pull quote.
_PRONOUN_SIGNED = _lazy(
    r"[\"\u201d\u2019'][,.]?\s*,?\s*(?:(?:he|she|they)\s+(?:says|said|adds|added|notes|noted"
    r"|explains|explained|stresses|stressed)|(?:says|said|adds|added)\s+(?:he|she))\s*\.?$",
    re.I,
)
PRONOUN_PULL_QUOTE = "a quotation its speaker is not yet named for, opening the page: a pull quote"
# The outlet describing itself, at the foot of the page: "About Example News: ...",
# "Example News is an independent newsroom ...". Kept in doubt when the story goes on
# in prose below it (a story may describe a news agency).
_ABOUT_LABEL = _lazy(
    r"^about (?:us\b|(?:the )?(?-i:[A-Z])[\w&'.\u2019-]*(?: [\w&'.\u2019-]+){0,5}"
    r"\s*[:\u2013\u2014|-])",
    re.I,
)
_OUTLET = _lazy(
    r"^(?:the )?(?-i:[A-Z])[\w&'.\u2019-]*(?: (?-i:[A-Z])[\w&'.\u2019-]*){0,4},? (?:is|are) "
    r"(?:a|an|the|\w+'s|\w+\u2019s)\b[^.]{0,100}?\b(?:news(?:paper|room|letter| agency| organi[sz]ation"
    r"| site| website| service| outlet| network| platform| publisher| portal| magazine)"
    r"|broadcaster|media (?:company|group|outlet|organi[sz]ation|house|platform)"
    r"|publication|magazine|wire service|daily|weekly|publisher)\b"
    r"|\bour (?:journalism|newsroom|reporters|readers|mission)\b",
    re.I,
)
ABOUT_WORDS = 80
ABOUT = "the outlet describing itself: an about box?"
# A signpost to what follows, with nothing of its own: "Here are the highlights:",
# "Here's what you need to know:", "Below are the key points:". A lead-in with a fact
# ("The ministers agreed on three points:") is the story's and stays.
_SIGNPOST = _lazy(
    # Maybe after a short clause of when: "As the summit gets underway, here are ...",
    # or a wire dateline in capitals: "HELSINKI \u2013 Here's the latest on ... :".
    r"^(?-i:[A-Z][A-Z.'\u2019]+(?:[ ,]+[A-Z][A-Z.'\u2019]+){0,3}\s*[\u2013\u2014-]{1,2}\s+)?"
    r"(?:(?:as|while|with|now that) [^,;:\"\u201c]{3,60}, )?"
    r"(?:here(?:'s|\u2019s| is| are)|these are|below (?:is|are)"
    # "The following are ...", not "The following countries signed ...": a fact.
    r"|(?:the )?following(?: (?:is|are|was|were)\b|\s*:)|what (?:we|you) (?:know|need to know))",
    re.I,
)
SIGNPOST_WORDS = 12
# What a signpost points to: "a recap", "a look", "the highlights", "what we know".
_POINTED = _lazy(
    r"\b(?:recap|look|list|timeline|highlights?|key (?:points|issues|takeaways|moments)"
    r"|takeaways?|summary|rundown|round-?up|overview|breakdown|glimpse|guide|everything"
    r"|what (?:we|you) know|full text|photos|pictures|video|(?:live )?updates|latest news"
    r"|the latest|transcript"
    r"|(?:top|main|key) events)\b",
    re.I,
)
SIGNPOST = "a signpost to what follows ('Here are the highlights:')"
# What it points to right after the signpost ("Here are live updates", "Here are some of the
# main events"), not somewhere later in a sentence of the story ("Here is a leader ... and
# the latest polls back him").
_POINTED_DIRECTLY = _lazy(
    r"\s*(?:(?:some|many|most|all|a few|one|each) of )?(?:(?:the|a|an|our|your|some|this|these)\s+)?"
    r"(?:(?:brief|quick|short|full|complete|first|final|main|biggest|top|key|latest|live"
    r"|official)\s+){0,2}(?:" + _POINTED.pattern + ")",
    re.I,
)
# A sentence of the story: it names who said it, or "the latest in a string of ...".
_NOT_SIGNPOST = _lazy(r"\b(?:said|says)\b|\bthe latest (?:in|of)\b", re.I)
# A signpost that ends in a full stop ("Here are the key issues discussed.") is one only
# over a subhead or a list item; over prose it is the story's ("Here is a minister who...").
# Right over a subhead, a longer one goes too ("Here's a look at ... on Day 1:").
SIGNPOST_OVER_HEADING_WORDS = 16
SIGNPOST_SOFT = "opens like a signpost to what follows"
# A signpost to what people said ("Here is what some of them said:", "Below are some
# remarks from the leaders.", "Following is a sample of comments from the leaders:") is
# the story's lead-in to their words, not a bare signpost: the quotations under it, each
# under its speaker's name line, are the story's.
_SPEECH_POINTED = _lazy(
    r"\bwhat\b(?: [\w'\u2019-]+){0,4} (?:said|says|say|told|had to say)\b"
    r"|\b(?:comments|remarks|quotes|reactions|quotations)\b",
    re.I,
)
SPEECH_LEAD_IN = "a lead-in to what people said"
SPEECH_RUN = 24  # name lines and quotations looked back over for that lead-in
SPEECH_NAMES = 3  # name lines looked past, under the lead-in, for its first quotation
# An interview: a block opening on a short label and a colon that asks a question, right
# over a block opening on another label with the answer ("Daily Courier: Why ...?" /
# "Jane Doe: The port ...", "Q: ...?" / "A: ..."). Its questions are the interviewer's,
# cut by an editor as subheads are; its answerer's name is no wire dateline.
_QA_LABEL = _lazy(r"^([A-Z][^:\n]{0,40}?)\s?:\s+\S")
QA_LABEL_WORDS = 4
INTERVIEW_QUESTION_WORDS = 40
INTERVIEW_MIN_QUESTIONS = 2
QA_ANSWER_WORDS = 8
INTERVIEW_QUESTION = "an interviewer's question"
# A signpost naming what it points to ("Here are some of the top events to look out for
# today:", "..., here are live updates from the venue.") says nothing of its own up to
# this many words, whatever is under it.
SIGNPOST_POINTED_WORDS = 20
# Lines of headlines or links in one block, none a sentence: related stories with
# their section ("... Politics"), a menu. Hard-wrapped prose ends a line mid-sentence
# on a small word or a comma, or starts one in lower case, and ends its last in a stop.
LIST_LINE_WORDS = 16
# The names a picture's credit ends on (see `_credit_end`).
_CREDIT_NAMES = (
    *("AFP", "AP", "PTI", "ANI", "IANS", "EPA", "UPI", "REUTERS", "Reuters", "Xinhua", "Yonhap"),
    *("Getty Images", "Bloomberg", "Kyodo", "dpa", "Anadolu", "WAM", "SPA", "TASS", "Sputnik"),
    *("Flickr", "Wikimedia Commons"),
)
_CREDIT_END = _lazy(
    r"(?:^|[.!?]['\"’”]?\s+|\s[|/]\s*)"  # noqa: RUF001
    rf"(?:(?:{'|'.join(_CREDIT_NAMES)})"
    r"(?:\s+(?:File\s+)?Photos?)?)[)\]]?\.?\s*$"
)
# What a text `_CREDIT_END` finds ends on, past its stops, brackets and spaces.
_CREDIT_TAILS = (*_CREDIT_NAMES, "Photo", "Photos")
_BYLINE = _lazy(  # "By Jane Doe", "- By Jane Doe and John Roe", not "By the numbers"
    r"^[-–—•*|]?\s*(?i:(?:(?:article|story|words|text|report) )?by|written by|reported by)"  # noqa: RUF001
    r"\s+[A-Z][\w'’.-]*(?:\s|$)"  # noqa: RUF001
)
# "Jane DoeForeign correspondent": a name glued to a role, or a name and a role word.
_GLUED_BYLINE = _lazy(
    r"^[A-Z][a-z]+(?: [A-Z][\w'’-]+)*? [A-Z][a-z]{2,}[A-Z]\w*(?: \w+){0,4}$"  # noqa: RUF001
    r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3},? (?:[\w ]{0,30} )?(?i:correspondent|editor"  # noqa: RUF001
    r"|reporter|writer|columnist|bureau chief)$"
)
_STAMP = _lazy(
    r"(?:^|[|•·]\s*)(?:last\s+)?(?:updated|published|posted|modified|first published)\b"
    # A section's name in lower case glued before it: "world Updated: Jun 12, 2018 22:02".
    r"|^(?-i:[a-z]{3,15}) (?-i:Updated|Published|Posted|Last updated)\s*:"
    r"|\b\d+\s*(?:min|mins|minute|minutes)\s+read\b"
    r"|\b\d+\s+(?:hours?|days?|weeks?)\s+ago\b",
    re.I,
)
# A live page's entry headline with its time glued on ("2. X says Ypublished at 13:41
# BST 18 May"): a heading inside the page, not a stamp ending its header. Glued to the
# headline's last word and ending the block: "The operator published at 10:15 a list of
# ..." is a story's clause.
_ENTRY_TIME = _lazy(
    r"(?<=[^\W\d_])published at \d{1,2}:\d{2}(?:\s+[A-Z]{2,5})?"
    r"(?:,?\s+\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)?\s*$"
)
# The page speaking of itself, not of the news: when it was published, that its feed has
# ended or its comments are closed ("This was published under the 2010 to 2015
# government", "This live feed has ended.", "We are not accepting comments on this article."),
# or how often it was changed.
_SELF_REFERENCE = _lazy(
    # One word may qualify what the page is ("live", "news", a typo's "life").
    r"^this (?:(?:\w+ )?(?:article|page|story|post|feed|blog|live ?blog|item|news) )?"
    r"(?:was|has been|is|has) (?:first |last |now )?"
    r"(?:published|updated|posted|archived|ended|read|viewed)\b"
    # A site's note on how the copy came to it: "This article was automatically
    # translated from ...", "This article has been migrated from an earlier version ...".
    # Only with what the page is, or done by a machine: "This was translated into a
    # 12 per cent rise ..." and "This has been translated into national law ..." are news.
    r"|^this (?:\w+ )?(?:article|page|story|post|blog|item|news) (?:was|has been|is) "
    r"(?:automatically |machine[- ])?(?:translated|migrated)\b"
    r"|^this (?:was|has been|is) (?:automatically|machine[- ])translated\b"
    # A page tracking a story's versions: "The article has changed 5 times."
    # Only with a count or since when ("... changed 5 times", "... edited since it was
    # published"): "The article was amended in 2016 to ..." is a constitution's article.
    r"|^(?:this|the) (?:\w+ )?(?:article|page|post) (?:has|was|has been) (?:changed|edited"
    r"|amended|revised|corrected) (?:(?:\d+|once|twice|\w+) times\b|since (?:it was )?(?:first )?"
    r"(?:published|posted))"
    r"|\bcomments?\b.{0,40}\b(?:on|to|for|under) this (?:article|story|post|page)\b"
    r"|\bcomments? (?:are|is) (?:now )?(?:closed|disabled|turned off)\b",
    re.I,
)
# A live page about its own coverage: "We're going to close down this live blog now",
# "Thank you for following our live coverage", "we'll bring you the rest ... shortly".
# The page itself speaks: "we" close "this" or "our" blog, the blog being the thing closed
# (a story's "the bill would close the coverage gap", "the judge said the blogger must
# close the blog and pay" is not the page); "we'll bring you more" of the news, not of
# what a speaker promised after a colon ("promised: we'll bring you more support").
_OWN_COVERAGE = _lazy(
    r"\bwe(?:'re|\u2019re| are|'ll|\u2019ll| will)?(?: now| going to| about to)* (?:close"
    r"|closing|wrap|wrapping|wind|winding) (?:down |up )?(?:this|our) (?:live ?blog|blog"
    r"|(?:live )?coverage|live page)(?: of [^.!?:;]{1,80}?)?(?: now| here| for (?:now|today"
    r"|tonight|the (?:day|night|evening)))*\s*(?:[.!,;]|[-\u2013\u2014]|$)"
    r"|\bthanks? (?:you )?for (?:following|reading|joining) (?:our|this|the) (?:live|coverage"
    r"|blog)\b"
    r"|(?<![:;]\s)(?<![:;])\bwe(?:'|\u2019|\s+wi)ll bring you (?:the rest|the latest|all the"
    r"|(?:more )?(?:updates|details|news|lines|reaction)|more(?= (?:on|as|from|here|when|shortly"
    r"|throughout|later)\b|\s*[.!,]|$))",
    re.I,
)
# A live page pointing at the picture or video beside it ("Here is a picture of the
# leaders' arrival.", "This is the scene at the resort as leaders arrive."): a caption.
# The noun must point ("... of", "... at/in/from ..."; after "here is", its end too): one
# going on in a clause ("the scene that greeted ...", "the picture Beijing wants to
# present") is the story's sentence.
_PICTURE_POINTER = _lazy(
    r"^(?:here(?:'s|\u2019s| is| are)|this is|these are) (?:a |an |the |some )?(?:first |latest "
    r"|new |more )?(?:pictures?|photos?|photographs?|images?|videos?|footage|scene)"
    r"(?: (?:of|at|in|from|on|showing|taken)\b|\s*[.!:]?$)",
    re.I,
)
# The page pointing the reader at its player ("You can watch what she said in the video
# below:", "Watch the news conference in the player above."): the recording is not in the
# text, and a story's own sentence never places one below or above itself. Only said to
# the reader ("you", or an order to watch, see or hear): "X walked out, as seen in the
# video above." still tells what X did; nor after another clause (see its use).
_PLAYER_POINTER = _lazy(
    r"\b(?:in|on|from|via) (?:the|this|our) (?:[\w-]+ ){0,2}?(?:videos?|clips?|player"
    r"|footage|live ?streams?|streams?|recordings?)\s+(?:below|above)\s*[.:!]?\s*$",
    re.I,
)
_WATCH_ORDER = _lazy(r"^(?:watch|see|view|hear|listen)\b", re.I)
# A clause or a colon's statement after the noun: "... the scene that greeted ...: ...".
_POINTER_GOES_ON = _lazy(r"\b(?:that|which|who|whom)\b|:\s*\S+\s+\S+\s+\S", re.I)
# A line about the website itself opening on it ("A .gov website belongs to ...",
# "Official websites use .gov"): a government site's banner, never the story's lede.
_SITE_TALK = _lazy(r"^\W*(?:[\w.']+\W+){0,3}?(?:web ?sites?|\.gov)\b", re.I)
# The words such a banner uses: a story's sentence about a website has none of them.
_BANNER_WORDS = _lazy(
    r"\bbelongs? to\b|\bofficial (?:web ?sites?|\w+ web ?site)\b|\buses? \.gov|\bsecure\b"
    r"|\bhttps\b|how you know\b|\ban official (?:web ?site|\w+) of the\b.{0,40}\bgovernment\b",
    re.I,
)
# A day, month or year: a story's sentence about a website, not the site's banner.
_NEWS_DAY = _lazy(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|yesterday|today|(?:19|20)\d\d)\b",
    re.I,
)
# The page's word on when or under whom it was published: a stamp, as a date is.
_PUBLISHED = _lazy(r"\b(?:published|updated|posted|archived)\b", re.I)
_COVERAGE_KEYS = ("blog", "coverage", "live page", "bring you")
SELF_REFERENCE_WORDS = 25
# A run of this many short lines or more inside the story, this share of them sharing one
# of their first few words, is a list without bullets (names and titles one a line).
PARALLEL_RUN = 3
PARALLEL_SHARE = 1 / 2
PARALLEL_MAX_WORDS = 25
PARALLEL_LEAD_WORDS = 4
PARALLEL = "an item of a list of lines alike?"
# The site's small print, spoken to the reader ("you agree that we may process your
# personal data as set out in our privacy policy"): never the story's, which quotes anyone
# it lets say "you".
_SMALL_PRINT = _lazy(
    r"\b(?:privacy (?:policy|notice|statement)|terms (?:of|and) (?:use|service|conditions)"
    r"|personal data|subscri(?:ber|ption)s?)\b",
    re.I,
)
# The site's legal small print: a disclaimer, a copyright notice, a note to its wire's
# subscribers ("provided 'as is' without warranty", "© Crown Copyright", "reproduced
# with the permission of", "Please contact us for subscription options").
_LEGAL = _lazy(
    r"\bwithout warranty\b|\b(?:do not|does not|cannot) accept any (?:responsibility|liability)"
    r"|\ball rights reserved\b|\u00a9\s*(?:\w+ )?copyright\b|\breproduced with the permission\b"
    r"|\bcontact us for (?:subscription|licensing|syndication)\b"
    # A wire's note on its own rights and its paid service, in the third person ("The
    # agency reserves the copyright to the stories it files, granted to subscribers",
    # "the full text is available in the paid version of the service").
    r"|\breserves? (?:the|all|its) (?:copy)?rights?\b|\bgranted to (?:its )?subscribers\b"
    r"|\bavailable (?:only )?(?:in|to) (?:the )?(?:paid|subscribers?'?) (?:version|edition|service)\b",
    re.I,
)
SMALL_PRINT = "the site's legal small print below the story"
# Words each of `_LEGAL`'s phrases holds: a block with none of them is no small print.
_LEGAL_KEYS = (
    "warranty",
    "accept any",
    "rights reserved",
    "\u00a9",
    "permission",
    "contact us",
    "reserve",
    "subscriber",
    "paid",
)
# A button's icon with its alt text, as a scraper reads it: "Close icon Two crossed lines
# that form an 'X'. It indicates a way to close ...", "Chevron icon It indicates an
# expandable section or menu". A name of a few capitalised words, "icon", then what the
# button does on the page ("Pop icon Ann Lee waves to fans" names no page's control).
_ICON_OPENING = _lazy(r"^(?:[A-Z][\w-]*\s){1,3}icon\b")
_ICON_CONTROL = _lazy(
    r"\b(?:icons?|indicates?|click|tap|button|menu|notification|navigation|dismiss"
    r"|expand(?:s|able|ed)?|collapses?|interaction|panel|options)\b",
    re.I,
)
ICON_TEXT_WORDS = 40
ICON_TEXT = "a button's icon and its alt text (what the control does on the page)"
# A verb reporting speech: a quotation right under its sentence goes on from the speaker.
_SAYS = _lazy(
    r"\b(?:says|said|told|tells|adds|added|observed|noted|stated|explained|warned|argued)\b"
)
# A story reporting what someone said, argued or ruled about a liability clause or a
# copyright line: the news, not the site's own small print.
_REPORTED = _lazy(
    r"\b(?:says|said|told|tells|adds|added|argued|argues|ruled|rules|found|finds|claimed"
    r"|claims|according to)\b",
    re.I,
)
# The site naming itself: this page or our site, or "contact us". Not any website a story
# tells of ("the clause on the airline's website", "a website-by-website approach").
_SITE_ITSELF = _lazy(
    r"\bthis (?:article|site|web ?site|page|story)(?![\w-])|\bour (?:web ?)?site\b"
    r"|\bcontact us\b|\bthe (?:news|full) (?:item|story|text)s?\b",
    re.I,
)
# A paywall's or sign-up wall's prompt: an imperative to log in, register or subscribe (at
# the start, or after "please" or a comma) with what it unlocks ("to continue reading",
# "unlimited articles"). A story telling that someone must register is not imperative.
_WALL_PROMPT = _lazy(
    r"(?:^|[,.!?]\s+|\bplease\s+)(?:log ?in|sign (?:in|up)|subscribe|register|create (?:a |an |your )?"
    r"(?:free )?account|become a (?:member|subscriber))\b",
    re.I,
)
# What the wall unlocks is reading: "continue reading", "unlimited articles", "read the full
# story", "access to this article". Access to shelters or "Article 5" is the story's.
_WALL_UNLOCKS = _lazy(
    r"\b(?:(?:continue|keep) reading|read(?:ing)? (?:the )?(?:rest|full|more)"
    r"|unlimited (?:\w+ ){0,2}(?:articles?|stor(?:y|ies)|access|reading)"
    r"|access (?:to )?(?:this|the|our|all|every) (?:full |premium |exclusive )?"
    r"(?:articles?|stor(?:y|ies)|content|journalism))\b(?!\s*\d)",
    re.I,
)
# A story telling what someone asked of people ("..., the ministry said", "officials
# advised") reports a call; the wall's prompt speaks for itself.
_WALL_REPORTED = _lazy(
    r"\b(?:said|says|told|tells|asked|asks|urged|urges|advised|advises|announced|stated"
    r"|reported|added|according to)\b",
    re.I,
)
WALL_WORDS = 30
WALL = "a paywall's prompt (log in, register or subscribe to read on)"
# A cookie or consent notice: the site telling its reader what it stores and asking
# leave ("We use cookies ... your experience", "You can withdraw your consent ...", "you
# may opt out ..."). Two of its terms at least, said to "you" and nobody said to say it;
# a story on a regulator's ruling about cookies tells of users, not to "you".
_CONSENT_TERMS = _lazy(
    r"\bcookies?\b|\bconsent\b|\bopt(?:-| )?out\b|\bpersonal (?:data|information)\b"
    r"|\btracking (?:technolog\w*|preferences)\b|\bbrowsing data\b|\blegitimate interest\b"
    r"|\bprivacy (?:policy|settings|preferences)\b",
    re.I,
)
# Words each of `_CONSENT_TERMS` holds: a block with none of them is no consent notice.
_CONSENT_KEYS = ("cookie", "consent", "opt", "personal", "tracking", "browsing", "legitimate",
                 "privacy")  # fmt: skip
# What a notice's other blocks speak of: the site and its visitors ("essential for the
# website to work", "no record that would single out one visitor").
_CONSENT_SITE = _lazy(
    r"\b(?:web ?sites?|site|subdomains?|pages?|browsers?|visitors?|devices?|buttons?|screens?)\b",
    re.I,
)
CONSENT_TERMS = 2
CONSENT_WORDS = 120
CONSENT = "a cookie or consent notice: the site asking its reader"
# A live page's note on its clocks at the end of its header ("... (All times are local.)",
# "(all times GMT):"): the page's furniture over its stamped entries, never a story's
# sentence. Only at the very end, in brackets.
_TIMES_NOTE = _lazy(
    r"\(\s*(?:all )?times (?:are |given |shown )?(?:in )?(?:local|gmt|utc|bst|cest|cet|e[ds]?t"
    r"|p[ds]?t|ist|jst|kst|msk|aest)(?: time)?\s*\.?\s*\)"
    r"\s*[.:]?\s*$",
    re.I,
)
LIVE_HEADER = "a live page's header, ending on its note on the times of its entries"
# The wall's notice on its own: "This article is for subscribers only", "This story is
# available to paying members". A sentence telling it ("..., the agency said") is news.
_WALL_NOTICE = _lazy(
    r"^(?:this|the (?:rest|full text) of this) (?:article|story|content|post|report|piece|page)"
    r"\s+is\s+(?:only\s+)?(?:available\s+)?(?:for|to)\s+(?:our\s+)?"
    r"(?:paid\s+|paying\s+|premium\s+|digital\s+)?(?:subscribers|members)(?:\s+only)?\W*$",
    re.I,
)
_COPYRIGHT = _lazy(
    # "(c)" in prose is a lettered list's third item: a sign only opening a line or before a year
    r"(?:©|^\s*\(c\)|\bcopyright\b)\s*(?:\d{4}|(?-i:[A-Z]))|\(c\)\s*\d{4}|\ball rights reserved\b",
    re.I,
)
# A teaser card scraped without its line break: a headline's last word glued to the
# summary's first ("...security in the PacificAnthony Albanese will...").
_GLUED_TEASER = _lazy(r"\b[A-Z]?[a-z]{3,}[A-Z][a-z]+\b")
GLUE_REACH = 160  # a headline ends within this many characters
# Bullets as pages print them, an en dash among them ("\u2013 Item"); an em dash opens an
# attribution ("— Jane Doe"), not an item.
# A hyphen glued to the item's first letter ("-the Plan for ...,") marks one too.
_LIST_ITEM = _lazy(r"^\s*(?:(?:[-*+•▪·◦‣–]|\d{1,3}[.)])\s+|-(?=[^\W\d_]))")  # noqa: RUF001
_BULLET = _lazy(r"^\s*[-*+•▪·◦‣–]\s+")  # noqa: RUF001
# An editor's note naming the text below, with no finite verb: "The text of the draft
# prepared by the two foreign secretaries, completed at dawn on July 16." ("The text of
# the declaration was agreed at dawn." tells news and stays.)
_TEXT_NOTE = _lazy(
    r"^(?:the )?(?:full |complete |official |final )?text of (?:the|a|an|this)\b", re.I
)
TEXT_NOTE_WORDS = 40
TEXT_NOTE = "an editor's note naming the text below (no verb of its own)"
# A paragraph of a draft text in square brackets with its number: "[5. The President ...".
_DRAFT_PARAGRAPH = _lazy(r"^\[\d{1,3}\.\s+[A-Z]")
# Where one bullet point ends and the next starts, in a list joined into one block.
_POINT_SPLIT = _lazy(r"(?:^|\s)[-*+•▪·◦‣–]\s+")  # noqa: RUF001
MIN_POINTS = 2
POINT_MIN_WORDS = 8  # shorter points are labels or links, whatever their verbs
_DASHED = _lazy(r"^[-\u2013\u2014]+\s.{1,80}\s[-\u2013\u2014]+$")

# Function words of other languages written in Latin script (none an English word):
# a sentence dense with them is prose, not a name list or a headline, whatever
# its share of English ones (Spanish, French, German, Italian, Portuguese, Dutch).
FOREIGN_STOPWORDS = (
    frozenset(
        """el la los las del que y en un una por con para se es al lo como más pero sus su
    le les des du et est une dans pas qui sur au aux avec ce il elle ont été sont
    der das und ist nicht mit von zu zum zur dem ein eine auf für über sich im des wird
    auch nach bei aus wie oder noch nur
    il della dei che non per una sono gli nel alla è
    os um uma não com ao da dos das em mais na nos pelo pela
    het een en niet op te voor zijn met ook""".split()  # noqa: SIM905
    )
    - STOPWORDS
)
# Chinese, Japanese and Korean letters: their sentences have no spaces between words.
_CJK = _lazy(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A sentence with this many CJK letters, or (in Latin script) this many words, reads
# as prose in another language: kept in doubt, never dropped for its English shape.
FOREIGN_MIN_CJK = 15
FOREIGN_MIN_WORDS = 8
FOREIGN = "reads as a sentence in another language: kept, check it"
OWN_LANGUAGE = "a sentence in the copy's own language (not English)"

Kind = Literal["good", "short", "bad"]


@dataclass(frozen=True)
class Thresholds:
    """The block classifier's cut-offs (tests/eval/realworld.py cross-validates them)."""

    good_min_chars: int = 110  # a sentence this long, reading like English, is prose
    good_min_stopwords: float = 0.2
    label_max_words: int = 20  # no sentence ending and this short: a heading or a menu
    sparse_stopwords: float = 0.12  # fewer function words: a name list or a headline
    repeat_share: float = 0.8  # this share of word triples again later: a pull quote


# Longer blocks are not checked for being a repeat: pull quotes and captions are short.
REPEAT_MAX_WORDS = 60
# A standfirst (dek) is one sentence or two; a longer paragraph above a byline is the story.
STANDFIRST_MAX_WORDS = 35
# A standfirst the story restates: this share of its content words comes again in the
# paragraph right under it (a story's real first paragraph shares at most about 0.4 of
# its words with the next one on the real pages tried; a dek restated there, over 0.5).
RESTATED_SHARE = 0.5
# A lone paragraph above a byline this long or longer, which the story under the byline
# does not restate (RESTATED_SHARE), is the story's lede going on below it: a standfirst
# (a teaser, a summary) on the real pages tried runs to about 20 words, a news lede
# to 25 or more.
LONE_LEDE_WORDS = 25
# A reading-time stamp and its date opening a block, maybe glued to its first word
# ("2 min read 14 Mar 2026, 09:15 AM IST"): up to the zone's capitals.
_GLUED_READ_STAMP = _lazy(
    r"^\d{1,3} min(?:ute)?s? read\b,?\s*(?:\d{1,2} [A-Z][a-z]{2,8} \d{4},?\s*)?"
    r"(?:\d{1,2}:\d{2}\s*(?:[AP]M)?\s*(?:[A-Z]{2,4}(?=[A-Z][a-z]|\s))?)?"
)
RESTATED_FAR_SHARE = 0.9  # the same, with page furniture between the two
QUOTE_OPENERS = "\"“‘'«"  # noqa: RUF001
# How far from the top a byline or a date stamp still marks the page header.
HEADER_REACH = 10
# A numbered line this short, in title case, between prose is a subhead.
HEADING_WORDS = 6
# A line in title case with no sentence, this long or longer, reads as a headline.
HEADLINE_MIN_WORDS = 5
# A short sentence this long, with a finite verb, below the page header may be the lede.
LEAD_MIN_WORDS = 10
# Past forms without "-ed": with FINITE_VERBS and "-ed", how a sentence shows a verb
# (English grammar, not any page's wording).
IRREGULAR_PAST = frozenset(
    "met left held took made gave came went began saw told became brought sent led won set "  # noqa: SIM905
    "put got stood spoke wrote paid sat ran rose fell struck sought thought found kept felt "
    "heard meant built spent lost knew grew drew threw flew chose broke hit cut let shut read "
    "sold bought fought caught taught dealt laid drove wore shook".split()
)
# Past forms spelt like the bare verb: a verb of a told sentence, except first or after
# "to" ("Read the full text", "to read the rest of the article").
BARE_PAST = frozenset("read put set hit cut let shut".split())  # noqa: SIM905
# A verb in a contraction: "it's", "they're", "we'll", "isn't" (not a possessive "Xi's").
_CONTRACTED_VERB = _lazy(
    r"\w+n't$|(?:i|we|they|you|he|she|it|that|there|here|what|who|where|how)'(?:s|re|ll|ve|d|m)$"
)
# Subject pronouns: the word after one is a verb ("we welcome", "they urge").
SUBJECTS = frozenset("i we they you he she it".split())  # noqa: SIM905
# A line without a sentence end that has a verb and this share of function words, in
# at least CLAUSE_WORDS words, reads as a clause (a closing line that lost its stop, a
# lead-in, a line of dialogue), not a heading or a menu: kept in doubt, by its neighbours.
CLAUSE_STOPWORDS = 0.3
# Past a headline's length (SUBHEAD_CLAUSE_WORDS) a story's sentence thick with names and
# titles ("The visiting president also met the opposition leader, Jane Doe, today") reads
# as a clause with fewer function words.
LONG_CLAUSE_STOPWORDS = 0.2
# Adverbs between a subject and its "-s" verb ("the minister also warns").
BEFORE_VERB = frozenset(("also", "now", "still"))
# Words in "-ly" that are no adverb before a verb: adjectives before a plural noun
# ("deadly floods", "weekly talks", "friendly ties") and nouns ("assembly elects" is
# told by the noun rule, not this one).
LY_NOT_ADVERBS = frozenset(
    """deadly costly friendly unfriendly lively lovely likely unlikely timely untimely orderly
    elderly early daily weekly monthly yearly hourly nightly quarterly biweekly fortnightly
    holy silly jolly lonely ugly manly womanly worldly scholarly kindly sickly
    family italy july assembly anomaly rally supply reply apply monopoly""".split()  # noqa: SIM905
)
# What follows a verb and not a plural noun: a determiner, an object pronoun, an adverb.
AFTER_VERB = frozenset(
    "the a an that this these those its their his her our it them us him now also not no".split()  # noqa: SIM905
)
CLAUSE_WORDS = 6
# A live page: this many lines that are only a time of day, each an entry's stamp. A line
# with no sentence end next to a stamp, up to this long, is an entry's title or caption.
LIVE_STAMPS = 2
LIVE_LINE_WORDS = 25
LIVE_PROSE = "over a live page's time stamp, no sentence, told as prose: the entry's?"
CLAUSE = "no sentence end, but reads as a clause"
PLAYER_POINTER = "points the reader at a video on the page"
# A headline's quotation: opening the line in single marks, then who said it in the
# present tense, and no sentence end ("'We will not back down', minister says - as ...",
# a live page's entry heading). A headline sets its comma outside the closing mark
# ("'...', X says"); a story's sentence sets it inside, in single marks as in double,
# and in the present as in the past ("'We will not back down,' she says of the talks"),
# so a comma inside the closing mark is the story's own line that lost its full stop.
_QUOTED_HEADLINE = _lazy(
    r"^[\u2018'](?:[^\u2018\u2019'\"\u201c\u201d]|(?<=\w)[\u2019'](?=\w))*?\w[!?.]?[\u2019'],?"
    r"\s+(?:[\w.\u2019'-]+\s+){1,4}?(?:says|warns|tells|insists|claims|admits"
    r"|vows|urges|denies|declares|hints)\b"
    # Then its end, maybe after whom it was told, or a dash's tail ("... says - as ..."):
    # not a sentence going on after a comma ("..., Doe says, adding that ...").
    r"(?:\s+[\w.\u2019'-]+){0,3}?\s*(?:$|\s[-\u2013\u2014]\s)"
)
# A question this short opening on one of these words, over a paragraph, is a subhead.
QUESTION_WORDS = 10
QUESTION_OPENERS = frozenset(
    "what why how who when where which will can could should would is are does do did".split()  # noqa: SIM905
)
# A first paragraph this short with no verb at all is a headline-style standfirst
# ("Annual talks in Lisbon to settle the port deal."), not the story's first sentence.
VERBLESS_MAX_WORDS = 18
# How much of the headline a block must cover to repeat it; more for a full sentence.
TITLE_COVER = 0.5
TITLE_COVER_SENTENCE = 0.8
# A line with no verb and no sentence ending, up to this long, is a caption or heading.
CAPTION_WORDS = 40
# The headline printed again in the body; nearly word for word (this share of its words,
# few more of its own), the page header ends under it, like under a byline.
HEADLINE_AGAIN = "repeats the headline"
# A longer print of the headline: its words, a break, then at most this many more.
LONGER_HEADLINE_EXTRA_WORDS = 12
_HEADLINE_BREAK = _lazy(r"\s*(?:\u2026|\.{3}|[\u2014\u2013:|]|\s-\s)")
HEADLINE_VERBATIM = 0.9
# A sentence near the headline with this many words of its own (a name, a verb) tells it anew.
TOLD_ANEW_WORDS = 3
# Lines with no sentence opening the page, at least this many: a menu or a banner.
BANNER_LINES = 3
# A block with no letter or digit at all: a bullet marker or a rule on its own line.
NO_WORDS = "no words"
# A label this short ending in ':' with only furniture under it leads into nothing.
LABEL_WORDS = 4
# A label with no verb ending in ':' right over prose, up to this long, is a subhead.
SUBHEAD_LABEL_WORDS = 8
# A subhead that reads as a clause is a headline's length; a longer clause with no
# sentence end between paragraphs is a sentence of the story the page cut short.
SUBHEAD_CLAUSE_WORDS = 16
# A lead-in's first or last words, which a heading-like label never has.
LEAD_IN_OPENERS = frozenset("according among including following below here these those".split())  # noqa: SIM905
LEAD_IN_ENDS = frozenset(
    "include includes included including follows following said says added adds are were "  # noqa: SIM905
    "is was as to by of and or".split()
)
# A byline or date stamp runs to this many words ("By Jane Doe | Updated: May 21, 2023, 09:09").
MARKER_WORDS = 20
# A story paragraph this long may name its source after its last sentence ("Source: X").
TAGGED_MIN_WORDS = 40
DATELINE_STORY = "a sentence under a wire dateline: the story"
RESTATED = "a standfirst the story restates right below it"
# A standfirst (dek) under the repeated headline reads like a headline in a sentence:
# no day or date, no source ("said", "according to"), no perfect ("has agreed"), no
# number, no modal ("may sign", "will meet") and no dateline, the marks of a news
# story's first sentence. Up to this long, and with a longer paragraph under it that
# opens on a name, not on a pronoun that takes the dek's subject up ("They discussed
# ..." goes on from the story's first line) nor on a quotation the first line sums up.
DEK_MAX_WORDS = 25
DEK = "a standfirst under the repeated headline (no day, source or number of the story's)"
DEK_KEPT = "a standfirst under the byline? (no day; the story below tells its day)"
_ANCHOR = _lazy(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight"
    r"|tomorrow|(?:this|last|next) (?:week|weekend|month|year|morning|afternoon|evening|night)"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|said|says|told|tells|according|announced|stated|reported|added|has|have|had"
    # the source named at the sentence's end: "..., the Daily Courier reports."
    r"|(?:reports|writes)(?= that\b|[.!]?[\"'\u201d\u2019]?\s*$)"
    # a modal in lower case: "may sign", not "Theresa May"
    r"|(?-i:will|would|may|might|could|can|should|must))\b|\d",
    re.IGNORECASE,
)
# The same anchors but a day or a modal, for a sentence under a byline: the story below
# tells the day, and a standfirst looks ahead ("... should give stocks room to recover,
# ministers say."); a source, a perfect or a number is still the story's first sentence
# ("Japan will raise its investment ..., its prime minister has promised.").
_BYLINE_ANCHOR = _lazy(
    r"\b(?:said|says|told|tells|according|announced|stated|reported|added|has|have|had"
    r"|(?:reports|writes)(?= that\b|[.!]?[\"'\u201d\u2019]?\s*$))\b|\d",
    re.IGNORECASE,
)
# A sentence telling its day: "... on Tuesday", "... on May 4". "Today" or "yesterday" is
# also a standfirst's word ("... brings a pledge to the White House today"): not enough.
_TOLD_DAY = _lazy(
    r"\b(?:on (?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?= \d{1,2}(?:st|nd|rd|th)?\b))\b"
)
# A sentence ending on when it happens: "... leaves Singapore tomorrow.", "... on Friday."
_WHEN_AT_END = _lazy(
    r"\b(?:today|tonight|tomorrow|yesterday|(?:this|next|last) (?:morning|afternoon|evening"
    r"|night|week|weekend|month|year)|on (?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday))[.!][\"'\u201d\u2019]?\s*$",
    re.IGNORECASE,
)
# A sentence telling when in a word of its own: the story's, not a standfirst's.
_SAYS_WHEN = _lazy(
    r"\b(?:today|tonight|tomorrow|yesterday|(?:this|last|next) (?:morning|afternoon|evening"
    r"|night|week|weekend|month))\b",
    re.IGNORECASE,
)
# A title, then a name of two capitalised words at least, opening a block: "President Jane
# Doe", "Prime Minister Jane Doe". The title words are not the name.
_OPENING_NAME = _lazy(
    r"^(?:(?:President|Prime Minister|Minister|Chancellor|King|Queen|Emir|Sheikh|Premier"
    r"|Secretary(?:-General)?|Foreign Minister|Vice President)\s)"
    r"(?P<name>(?:[A-Z][\w'\u2019-]+\s){1,3}[A-Z][\w'\u2019-]+)(?=,|\s[a-z])"
)
_ANAPHOR = frozenset(
    "he she it they this these those both its their his her such".split()  # noqa: SIM905
)
# A paragraph whose first clause's subject, after an opening phrase, is a pronoun for
# people or things told of above ("At the summit in the capital, they focused on ..."): it
# goes on from the paragraph above, as one opening on the pronoun does.
_PRONOUN_AFTER_PHRASE = _lazy(
    r"^[^,.;:!?\"\u201c]{3,80},\s+(?:he|she|they|both|these|those)\s", re.I
)
# A paragraph opening on the beginning or end of the meeting the line above told of ("At
# the beginning of the meeting, ..."): it goes on from that line. Not one naming the event
# itself ("At the NATO summit in Vilnius, ...", "During the talks, held ..."): that tells
# it afresh, under a dek as well as under a first line.
_TAKES_UP = _lazy(
    r"^At the (?:beginning|start|end|opening|close) of the (?:meetings?|talks|session)\b"
)
CREDIT = "a photo caption or credit"
STORY_BEFORE_CAPTION = "the story's sentence with a photo caption glued after it: kept, check it"
CAPTION_AFTER_STORY_WORDS = 6
# A block this long with a verb, reading like prose, is prose even without a sentence end.
UNSTOPPED_PROSE_WORDS = 45
# So is a shorter one past a headline's length, as thick with function words as a clause
# ("The Forum is a regional body, and is held every year between ..."), when it opens
# the page or follows the story's prose: under furniture it may be a dek or a caption.
UNSTOPPED_CLAUSE_WORDS = 24
UNSTOPPED_CLAUSE_STOPWORDS = 0.3
# The same under a wire dateline ("City [Country], May 4 : X held talks ... in Y"): fewer.
UNSTOPPED_DATED_WORDS = 16
UNSTOPPED_DATED_STOPWORDS = 0.12  # a story's first sentence is thick with names and titles
UNSTOPPED = "reads as prose, though it lost its sentence end (at the top or in the story)"
# An author's note under the byline: the byline's first name, then who the author is.
AUTHOR_BYLINE_WORDS = 8
_AUTHOR_NOTE = _lazy(r"^ (?:is|was|has|holds|works|teaches|writes|serves|heads|leads)\b")
_THIRD_PERSON = _lazy(r"[.!?]\s+(?:He|She)\s")
AUTHOR_NOTE = "an author's note under the byline (the byline's name opens it)"
# A block opening on a sentence connective and its comma ("Furthermore, ...", "In addition,
# ...") goes on from the sentence before it: no heading, menu or caption opens so.
_CONNECTIVE = _lazy(
    r"^(?:Furthermore|Moreover|Meanwhile|Additionally|In addition|However|Besides|Likewise"
    r"|Similarly|Nevertheless|Nonetheless|In turn|At the same time|On the other hand"
    r"|In the meantime|Consequently|Subsequently"
    # or on the story's time line ("Earlier, X received ...", "After that, X went ...")
    r"|Earlier|Later|Afterwards|Thereafter|Previously|Separately|Before that|After that),\s+\S"
)
_LABEL_COLON = _lazy(r":(?:\s|$)")  # "watch: ...", not a time of day ("10:30")
CONNECTIVE_CLAUSE = 'opens on a connective ("Furthermore, ..."): prose that lost its full stop?'
# Under furniture, such a clause that tells its source ("..., the ministry told Sputnik") is
# the story's first sentence printed as a summary without its full stop, not a dek.
_QUOTE_CLOSERS = ("\u201d", '"', "\u00bb")
_ATTRIBUTED = _lazy(r"\b(?:said|says|told|tells|announced|stated|reported|according to)\b")
UNSTOPPED_ATTRIBUTED = (
    "reads as the story's first sentence (it names its source), without a full stop"
)
# A line with no full stop, most of whose words are capitalised (names and titles), where a
# name does something to a name in the present tense: what a picture shows ("King X
# welcomes His Highness Sheikh Y upon his arrival").
NAMED_CAPTION_MIN_WORDS = 8
NAMED_CAPTION_SHARE = 0.5
NAMED_CAPTION = "no full stop, mostly names, with a verb: a photo caption"
# A block that is the same run of this many words or more twice over is a caption printed
# with its alt text, not a sentence of the story.
DOUBLED_MIN_WORDS = 8
# A credit line this short with no sentence is a bare credit ("AP Photo / Jane Doe"): the
# block right above it is its picture's caption, up to CAPTION_OVER_CREDIT words.
CREDIT_WORDS = 8
CAPTION_OVER_CREDIT = 100
# Words that speak to the reader: a site's own pitch below the story ("subscribe and you
# will...", "follow us"), never the story's (which quotes anyone it lets say "you").
READER = frozenset("you your yours yourself you'll you're you've".split())  # noqa: SIM905
# A block this short with a caption's marks is a caption, printed twice or not.
CAPTION_MARK_WORDS = 60
# An ellipsis closed by a full stop: an author eliding the rest of a quoted passage.
_ELIDED = _lazy(r"(?:…|\.{3})\.\W*$")
# Blocks cut off with an ellipsis, this many in a row at the end: a list of teasers.
TEASER_RUN = 2
TEASER_LIST = "teasers of other stories, cut off with an ellipsis, below the story"
# Other stories' headlines, listed between two paragraphs of the story with no lead-in:
# at least this many, each a line of this many words with no sentence end.
HEADLINE_RUN = 3
HEADLINE_RUN_WORDS = (3, 16)
HEADLINE_RUN_WHY = "other stories' headlines listed between paragraphs of the story"
FOOT_HEADLINE_RUN = 4
FOOT_HEADLINE_RUN_WHY = (
    "other stories' headlines listed below the story (most share no word with its headline)"
)
# A sentence ending in one of these ("... set out three demands.") leads into a list.
LIST_NOUNS = frozenset(
    "points demands steps agreements goals aims priorities measures proposals conditions "  # noqa: SIM905
    "questions issues areas reasons ways changes commitments deals items topics pledges "
    "outcomes principles takeaways highlights".split()
)
# A comments header below the story, and the readers' comments under it.
# "Comments" itself, or a count of responses ("6 Responses", "Replies (3)"): a bare
# "Responses" or "Reactions" is as often the story's own subhead over what others said.
_COMMENTS = _lazy(
    r"^(?:(?:\d+\s+)?(?:reader\s+)?comments?(?:\s*\(\d+\))?"
    r"|\d+\s+(?:comments?|responses?|replies)"
    r"|(?:comments?|responses?|replies)\s*\(\d+\)"
    # A blog's box: "No comments:", "Post a Comment", "Leave a Reply".
    r"|no comments?(?: yet)?|(?:post|leave|add) a (?:comment|reply))\s*:?$",
    re.I,
)
COMMENTER_WORDS = 4
EMPHASISED = "an emphasised line: a subhead?"
EMPHASISED_SUBHEAD = "an emphasised line with no sentence between paragraphs: a subhead"
COMMENTS = "readers' comments, under the comments header below the story"
# Blocks of such a pitch, or one above furniture, at the very end: the site, not the story.
READER_RUN = 2
# The label of a key-points box above the story ("NEED TO KNOW", "Story highlights").
_BOX_LABEL = _lazy(
    r"^(?:need to know|what (?:you need )?to know|key (?:points|takeaways|facts)|takeaways"
    r"|(?:story )?highlights|in brief|at a glance|the gist|in short|quick read|summary|tl;?dr)"
    r"\W*$",
    re.I,
)
# The same label opening the box's own block: "Key points: ...", "In short - ...".
_BOX_LABEL_INLINE = _lazy(_BOX_LABEL.pattern.replace(r"\W*$", r"\s?[:\u2013\u2014|-]\s+\S"), re.I)
CREDITED_TWIN = "a caption printed twice, the second time with its credit"
BOXED = "under a key-points label above the story: a point of the box? Kept, not the lede"
# The outlet speaking of its own work in the first person ("we choose not to lock readers
# out of our reporting"): beside words to the reader, the same pitch, "you" or not.
OURS = frozenset("we our ours us we're we've we'll".split())  # noqa: SIM905
FIRST_PERSON = frozenset("i i'm i've i'll me my we our us".split())  # noqa: SIM905
# Words that only greet the room or thank it, and how long such an opening may run.
_GREETING = _lazy(
    r"(?:good (?:morning|afternoon|evening)|welcome|thank you|thanks|hello|ladies and "
    r"gentlemen|please (?:be seated|have a seat|sit down))\b",
    re.I,
)
GREETING_WORDS = 16
# A speaker named alone in a transcript ("Lavrov: ...", "Jane Doe: ...").
_NAME_SPEAKER = _lazy(r"^[A-Z][a-z'\u2019-]+(?: [A-Z][a-z'\u2019-]+)?:\s")
# The site sending the reader to its own pages, maybe after a short label: "Prep for the
# vote: See who is running in our Voter Guide", "Follow us on ...", "Read our full coverage".
_PROMO = _lazy(
    r"^(?:[^:.!?\"“]{1,40}:\s*)?(?:see|read|watch|listen(?: to)?|sign up|subscribe|get|follow"
    r"|download|explore|find out|check out|learn|discover|join|visit)\s",
    re.I,
)
PROMO_WORDS = 30
PROMO = "the site sending the reader to its own pages ('See ... in our guide')"
# An order to the reader over a link whose words were cut away: "Read the final
# declaration and the annexes.", "Watch the leader's speech." Only an order to read a
# document or to watch or hear a recording, naming it within a few words and going on
# at most with what it is about; no verb of its own, no clause after a comma. Prose
# orders stay: "Read this as a warning shot", "Read their statement closely and a
# different picture emerges", "Watch the jobs report on Friday", "Watch this space".
_READER_ORDER = _lazy(
    r"^(?:(?:read|download|browse)\s+(?:(?:the|our|all|this|these|his|her|their|its)\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:declarations?|statements?|communiqu[eé]s?|conclusions"
    r"|reports?|texts?|transcripts?|annex(?:es)?|programmes?|documents?|speech(?:es)?)"
    r"|(?:watch|view|listen\s+to)\s+(?:(?:the|our|all|this|these|his|her|their|its)\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:videos?|interviews?|speech(?:es)?|press\s+conference"
    r"|gallery|photos|pictures|footage|clips?|livestream|transcripts?))"
    # What may follow the object: the end, a bracket, or what it is about.
    r"(?=\s*(?:$|[.;:(]|,\s|\s(?:and\s+(?:its|the|their|his|her|on)|of|on|in|at|from|by|for"
    r"|with|to|here|below|online)\b))",
    re.I,
)
# Words a prose order carries and a link's words do not: a comparison ("as"), a time
# ("on Friday", "next", "at 3 pm", "15:00", "noon": a service line telling when), "closely",
# a second clause ("... and a different picture emerges").
_ORDER_PROSE = _lazy(
    r"\b(?:as|closely|carefully|next|tonight|tomorrow|today|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|space|noon|midday|midnight)\b|\band\s+(?:a|an)\b"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b|\b\d{1,2}:\d{2}\b",
    re.I,
)
LINK_LINE = "ends in a link: a link line or an embedded post"
# A clause after the object: its own subject after a comma, or a relative clause ("Read
# the report, which runs to 240 pages ...", "... the speech in which ...").
_COMMA_CLAUSE = _lazy(
    r",\s+(?:the|a|an|it|its|they|this|these|that|he|she|we|i|which|where|who|whom|whose)\b"
    r"|\bwhich\b",
    re.I,
)
READER_ORDER = "an order to the reader with no verb of its own: a link whose target was cut"
# Lines pointing the reader elsewhere from inside the story, no furniture block of their own.
# (An interviewer's question is no furniture either: the answers around it are the story.)
_POINTERS = frozenset((READER_ORDER, PLAYER_POINTER, INTERVIEW_QUESTION))
# A story's sentence that cites its source's address after its full stop ("X says the
# deal is off. https://..."): reported, this many words at least, no post's tags.
LINK_CITED_MIN_WORDS = 6
# A post's or a video's short link ("t.co/...", "youtu.be/..."): an embed, not a citation.
_POST_LINK = _lazy(
    r"(?:https?://)?(?:www\.)?(?:pic\.twitter\.com|t\.co|youtu\.be|youtube\.com|bit\.ly"
    r"|t\.me)/",
    re.I,
)
# What a link line or a pitch carries and a reporter's sentence does not: a label before a
# colon in its first words ("BREAKING:", "Also read:", "WATCH:", "More:"), an opening
# order ("Read what ...", "Sign up to ...", "Listen: ..."), "what ... said" (a pointer to
# someone's words, not the words).
_CITED_NOT = _lazy(
    r"^\W*(?:[^\s:]+\s+){0,2}[^\s:]+:|^\W*(?:read|see|watch|view|download|listen|sign|subscribe"
    r"|click|tap|find|follow|get|join|also|more|explore|discover|learn|check|share|browse"
    r"|related|breaking|don't|do\s+not)\b|\bwhat\b",
    re.I,
)
_LINK_CITES = _lazy(
    r"\b(?:says|said|told|tells|announced|announces|stated|reported|added|adds|wrote"
    r"|writes|according to)\b",
    re.I,
)
# Two sentences scraped with no space between: "...the difference.The summit ...".
_GLUED_SENTENCE = _lazy(r"[a-z]{2}[.!?](?=[A-Z][a-z])")
_STOP_CAPITAL = _lazy(r"[.!?][A-Z]")  # in every text it finds; tried at far fewer places
_OWN_WORK = _lazy(
    r"\b(?:journalis(?:m|ts?|tic)|reporters?|reporting|newsroom|documentar(?:y|ies)"
    r"|donat(?:e|ions?)|paywalls?|subscribers?|readers?)\b",
    re.I,
)
# A short sentence in the furniture below the story (a social or credit line) runs to
# this many words; a longer one there is a quotation under its speaker's name.
SOCIAL_MAX_WORDS = 30
# Short sentences in a row below the furniture that are the story going on, not a line.
STORY_RUN = 2
# A short full sentence this long, with this share of function words, reads as running
# prose: kept (in doubt) wherever it sits next to furniture.
PROSE_SENTENCE_WORDS = 8
PROSE_SENTENCE_STOPWORDS = 0.4
STORY_ABOVE_MARKER = 2  # paragraphs of running prose above a stamp that make it mid-story
PROSE_BELOW = "a sentence of plain prose below the furniture: the story's?"
# A dateline over fewer words is a label ("WASHINGTON:"), not the story's first sentence.
DATELINE_MIN_WORDS = 8


@dataclass(frozen=True)
class Dropped:
    """A paragraph left out as junk, and why (`pattern`: the rule or regex that decided)."""

    paragraph: Paragraph
    pattern: str


@dataclass(frozen=True)
class Shape:
    """What the block classifier sees in one paragraph."""

    words: int
    stopwords: float
    sentence: bool
    kind: Kind
    reason: str
    marker: bool  # a byline or date stamp: the page header ends after it
    echo: bool = False  # shares most of the headline's words: a standfirst if it is one
    quotes: bool = False  # quotes someone: a quotation under it may go on from the speaker
    lead: bool = False  # a short plain sentence with a verb: it may open the story
    verbless: bool = False  # short prose with no verb: a headline-style standfirst
    verb: bool = True  # has a verb form ("is", "said", "-ed"): a clause, not a label
    opens_list: bool = False  # ends in ':': what follows it may be its list
    asks: bool = False  # a few title-case words ending in '?': a subhead ("What's Next?")
    glued: bool = False  # a headline glued to its summary ("...the PacificAnthony Albanese")
    credit: bool = False  # a bare picture credit ("AP Photo / Jane Doe"): a caption is above it
    reader: bool = False  # speaks to the reader ("you", "your"), not quoting anyone
    bulleted: bool = False  # every line a bullet point: a key-points box or a list, not a lede
    restated: bool = False  # a short summary the paragraph right under it restates: a standfirst
    lone_item: bool = False  # one bulleted line with no bulleted block beside it: not a box
    titled: bool = False  # a line in title case with no sentence: a headline or a subhead
    voice: bool = False  # the outlet speaking of its own work ("we", "our journalism")
    points: bool = False  # names what a signpost points to ("a recap", "the highlights")
    boxed: bool = False  # under a key-points label ("NEED TO KNOW"): a point of the box?
    midcut: bool = False  # cut off with an ellipsis mid-clause ("... on the insistence of…")
    heading_label: bool = False  # a label worded as a heading ("Schedule for Day 2:")
    clause: bool = False  # a label going on after a comma ("X's reply, in full:"): a lead-in
    quoted: bool = False  # opens with a quotation mark: someone's words
    headline: bool = False  # the headline printed again nearly word for word: the header ends
    elided: bool = False  # an ellipsis closed by a full stop ("... in the province…."): a quote cut
    captioned: bool = False  # a caption printed twice ("Picture: X/AFP"): found as a repeat
    dek: bool = False  # a short summary under the repeated headline with no news anchor: a dek
    dek_kept: bool = False  # a standfirst under a byline: not the lede, but kept in doubt
    dated_lead_in: bool = False  # a lead-in into a list telling its day or under a dateline
    live_caption: bool = False  # no sentence, a caption's shape (`_live_caption`)
    query: bool = False  # a short question opening on "What", "Why", "Will"...: a subhead?
    legal: bool = False  # a disclaimer or copyright notice: small print if under the story
    says: bool = False  # reports someone's words ("He says the two must work together")
    clock: bool = False  # only a time of day ("9.45pm", "21:20 BST"): a live page's entry stamp
    reports: bool = False  # a short full sentence reporting what someone said: the story's
    moderator: bool = False  # a transcript's moderator handing over: never the lede
    published: bool = False  # the page's word on when it was published: a stamp
    site_talk: bool = False  # a short line about the website itself ("A .gov website ..."): no lede
    cited: bool = False  # a reported sentence with its source's address after it: no lede
    told_once: bool = False  # tells its day; the prose under the next furniture does not
    goes_on: bool = False  # a lede's length; the prose under the next furniture goes on from it

    @property
    def ad(self) -> bool:
        """An ad slot's label matched by a pattern ("Advertisement", "Sponsored")."""
        return self.reason == f"pattern {AD_SLOT!r}"

    @property
    def link(self) -> bool:
        """A link line matched by a pattern ("Read more »", "Related: ...")."""
        return self.reason.startswith("pattern '(?:read more") or self.reason.startswith(
            "pattern '(?:read next"
        )


def _words(text: str) -> list[str]:
    """Its words, with a curly apostrophe read as a straight one (a headline and the
    body often differ in that alone: a curly or a straight "Minister's")."""
    return list(_word_tuple(text))  # a list of its own: a caller may change it


@functools.lru_cache(maxsize=1024)
def _word_tuple(text: str) -> tuple[str, ...]:
    """`_words`, kept: the filter's checks split the same paragraph (and the title) into
    words again and again, each time a regex scan. `JunkFilter.clean` empties it for
    each article, so it holds no more than one article's texts (at most 1,024)."""
    return tuple(_WORD.findall(text.replace("’", "'")))  # noqa: RUF001


def _teased(text: str) -> bool:
    """`_TEASER` finds a cut-off teaser: each of its forms ends on "…" or "...", so a
    text with neither (most paragraphs) is not scanned, at every position, for them."""
    return ("\u2026" in text or "..." in text) and _TEASER.search(text) is not None


def _captioned(text: str) -> bool:
    """`_CAPTION.search(text)`, as a yes or no, at about half its cost.

    The one pattern tries its fourteen forms at every character of the paragraph;
    most forms need a "(", ",", ":", "/", "|" or a stop, and a text without that
    character (a substring test) is not scanned for them. (None of these characters
    has another case, so the test is exact under `re.IGNORECASE`.)
    """
    return any(
        pattern.search(text) is not None
        for need, pattern in _CAPTION_BY_NEED
        if not need or any(char in text for char in need)
    )


def _link_end(text: str) -> re.Match[str] | None:
    """`_LINK_END.search(text)`; most texts hold no link's start and are not scanned.

    A match starts inside the text's last run of non-space characters, so only that run
    is scanned: from every link's start earlier on ("www.www.www. ... x") the pattern ran
    to the next space and back, time in the square of the text's length."""
    if "://" not in text:
        low = text.casefold()  # the pattern reads any case: "WWW.X.ORG" on a banner
        if "www." not in low and "pic.twitter.com/" not in low:
            return None
    last_space = _LAST_SPACE.match(text.rstrip())
    return _LINK_END.search(text, last_space.end() if last_space else 0)


def _credit_end(text: str) -> re.Match[str] | None:
    """`_CREDIT_END.search(text)`; a text that ends on no agency's name (or "Photo") past
    its stops, brackets and spaces is not scanned."""
    if not text.rstrip().rstrip(".)]").endswith(_CREDIT_TAILS):
        return None
    return _CREDIT_END.search(text)


def _glued_sentence(text: str) -> re.Match[str] | None:
    """`_GLUED_SENTENCE.search(text)`, scanned only when a stop meets a capital: that
    pattern starts a try at every lower-case letter, the test only at every stop."""
    return _GLUED_SENTENCE.search(text) if _STOP_CAPITAL.search(text) else None


def _gallery(text: str) -> re.Match[str] | None:
    """`_GALLERY.search(text)`, scanned only when a number meets "of" or "/"."""
    return _GALLERY.search(text) if _COUNTER.search(text) else None


def _plain(text: str) -> str:
    return text.strip().strip("*_#> ").strip()


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: '.', '!', '?' or '…', maybe inside closing quotes (and
    before a site's template marker left in the text, "{{more}}", "<!--more-->", or a
    link's label in square brackets glued after the stop, "...deepened.[Special coverage]")."""
    if text.endswith(("}}", "-->")):
        text = _TEMPLATE_TAIL.sub("", text)
    elif text.endswith("|"):
        text = _TABLE_TAIL.sub("", text)
    elif text.endswith("]") and _LINK_TAIL.search(text):
        return True
    # A quotation mark opened after the stop and cut off there ("... levels. \u201c") does
    # not undo the end.
    if text.rstrip().endswith(("\u201c", "\u2018")):
        text = _STRAY_OPENER.sub("", text)
    return text.rstrip(_CLOSERS)[-1:] in _ENDS if text.strip() else False


@functools.lru_cache(maxsize=512)  # as `re` keeps its compiled patterns: `serve` builds again
def _longest_match(source: str) -> int:
    """The most characters a text matched whole by `source` (as `JunkFilter` compiles
    it) can have, as Python's own parser counts them (a `*` or `+`: no bound)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        longest = _parser.parse(source, re.IGNORECASE | re.DOTALL).getwidth()[1]
    except Exception:  # another Python's parser: every text is tried
        return sys.maxsize
    return longest if isinstance(longest, int) else sys.maxsize


class JunkFilter:
    """Compiled once per build: the default patterns plus the site's own."""

    def __init__(
        self,
        extra: Sequence[str] = (),
        thresholds: Thresholds | None = None,
        language: str = "en",
    ) -> None:
        self.limits = thresholds or Thresholds()
        # The site's `language`: on a site not in English, any sentence poor in English
        # function words may be its prose, so none is dropped for that alone.
        self.english = language.casefold().split("-")[0] in ("", "en")
        # Each with the longest text it can match whole: a paragraph longer is no match,
        # and is not tried (most of a page's paragraphs are longer than most patterns
        # reach: "we use cookies" scanned 160 characters back and forth in each).
        self.patterns = [
            (p, re.compile(p, re.IGNORECASE | re.DOTALL), _longest_match(p))
            for p in (*DEFAULT_PATTERNS, *extra)
        ]

    def for_language(self, language: str) -> JunkFilter:
        """This filter for an article with a `language:` of its own: a Slovak article
        on an English site is not cut for being poor in English function words."""
        english = language.casefold().split("-")[0] in ("", "en")
        if not language or english == self.english:
            return self
        other = copy.copy(self)  # the compiled patterns are shared
        other.english = english
        return other

    def match(self, text: str) -> str | None:
        """The pattern that makes `text` junk, or None for real prose."""
        plain = _plain(text)
        size = len(plain)
        for source, pattern, longest in self.patterns:
            if size <= longest and pattern.fullmatch(plain):
                return source
        return None

    def clean(
        self,
        paragraphs: Sequence[Paragraph],
        keep: Collection[int] = (),
        title: str = "",
        drop: Collection[int] = (),
        markdown: bool = False,
    ) -> tuple[tuple[Paragraph, ...], tuple[Dropped, ...]]:
        """Split paragraphs into (kept, dropped).

        Numbers in `keep` are never dropped and numbers in `drop` always are
        (the editor's word); `title` lets a repeated headline be recognised.
        Kept paragraphs that are not clearly prose come back with `prose`
        False, and those kept in doubt with `doubt` saying why. A Markdown
        article is the author's own writing, not a scraped page: only the
        patterns apply to it, so nothing an author wrote goes unasked.
        """
        _word_tuple.cache_clear()  # one article's texts at a time, however long they are
        shapes: list[Shape | None] = [None] * len(paragraphs)
        lede = len(paragraphs)
        tails: dict[int, tuple[str, str]] = {}
        if not markdown:
            paragraphs, tails = _cut_tails(paragraphs, keep, title)
        if markdown:
            verdicts = self._by_patterns(paragraphs)
        else:
            tokens = [_words(p.text.casefold()) for p in paragraphs]
            headline = _words(title.casefold())
            repeats = _repeats(
                paragraphs, [_after_headline(t, headline) for t in tokens], self.limits.repeat_share
            )
            speakers = _speakers(paragraphs)
            answers, questions = _interview(paragraphs)
            found = [
                self._shape(p, tokens[i], repeats[i], title, speakers=speakers, answer=i in answers)
                for i, p in enumerate(paragraphs)
            ]
            # Under the story's first paragraph, a longer print of the headline is a
            # sentence of the story that opens with its words (a quote the headline took).
            story = next((i for i, shape in enumerate(found) if shape.kind == "good"), len(found))
            found[story:] = [
                self._shape(p, tokens[i], repeats[i], title, header=False, speakers=speakers)
                if found[i].reason == HEADLINE_AGAIN and _longer_headline(_plain(p.text), title)
                else found[i]
                for i, p in enumerate(paragraphs[story:], story)
            ]
            if story == len(found):
                # No prose but a dated line signed by its agency: a wire brief, not a
                # caption (a page is never only its picture).
                found = [
                    self._shape(p, tokens[i], repeats[i], title, alone=True, speakers=speakers)
                    if _dash_credit(_plain(p.text), tokens[i])
                    else found[i]
                    for i, p in enumerate(paragraphs)
                ]
            found = _pronoun_pull_quotes(found, paragraphs)
            found = _flagged(found, paragraphs)
            found = _over_credits(found, paragraphs)
            found = _unstopped_prose(found, paragraphs)
            found = _under_video_length(found, paragraphs)
            found = _restated(found, tokens, paragraphs)
            found = _deks(found, paragraphs)
            found = _days_told_once(found, tokens, paragraphs)
            found = _ledes_gone_on(found, tokens)
            found = _author_notes(found, paragraphs)
            found = _summary_around_headline(found, paragraphs)
            found = _lone_items(found, paragraphs)
            found = _parallel_items(found, paragraphs)
            found = _spoken(found, paragraphs)
            found = _outlet_voice(found)
            found = _key_points(found, paragraphs)
            found = _credited_twins(found, paragraphs)
            found = _caption_twins(found, paragraphs)
            found = _between_counters(found, paragraphs)
            found = _adjacent_twins(found, paragraphs)
            found = _embedded_posts(found, paragraphs)
            found = _recommended_cards(found, paragraphs)
            found = _cited_runs(found, paragraphs)
            found = _first_prints(found, paragraphs)
            found = _small_print(found, paragraphs, self.limits.sparse_stopwords)
            found = _consent_runs(found, paragraphs)
            for index in questions:
                # (It asks the answerer, not the reader: "how do you ...?" is no pitch.)
                found[index] = replace(
                    found[index], kind="bad", reason=INTERVIEW_QUESTION, lead=False, reader=False
                )
            verdicts, lede = _in_context(found, self.limits.good_min_stopwords)
            _comments(found, paragraphs, lede, verdicts)
            _headline_runs(found, paragraphs, lede, verdicts, title)
            _story_copies(found, paragraphs, lede, verdicts)
            shapes = list(found)
        kept: list[Paragraph] = []
        dropped: list[Dropped] = []
        for paragraph, shape, (junk, why) in zip(paragraphs, shapes, verdicts, strict=True):
            if paragraph.number in drop:
                dropped.append(Dropped(paragraph, "the editor's drop: list"))
            elif junk and paragraph.number not in keep:
                dropped.append(Dropped(paragraph, why))
            elif shape is not None:
                # The editor's keep: silences the doubt; a short block keeps its suspicion.
                # A standfirst under the byline giving the lede up is always in doubt:
                # `check` warns when the lede moves.
                silent = shape.kind == "good" and not shape.boxed and not shape.dek_kept
                doubt = "" if paragraph.number in keep or silent else why
                leads = lede < len(paragraphs) and paragraph is paragraphs[lede]
                prose = ((shape.kind == "good" and not shape.boxed) or leads) and not junk
                # A sentence ending in its source's address never leads the section.
                prose = prose and not shape.cited
                # A standfirst kept in doubt under the byline gives the lede up.
                prose = prose and not (shape.dek_kept and not leads)
                if paragraph.number in tails and not doubt:
                    what, tail = tails[paragraph.number]
                    doubt = f"{what}, cut from its end: {tail!r}"
                if doubt or not prose:
                    paragraph = replace(paragraph, prose=prose, doubt=doubt)
                kept.append(paragraph)
            else:
                kept.append(paragraph)
        return tuple(kept), tuple(dropped)

    def _by_patterns(self, paragraphs: Sequence[Paragraph]) -> list[tuple[bool, str]]:
        """(junk?, why) by the patterns alone; a "Read next" marker also takes the
        headline-like lines that follow it."""
        verdicts: list[tuple[bool, str]] = []
        in_list = False
        for paragraph in paragraphs:
            pattern = self.match(paragraph.text)
            why = f"pattern {pattern!r}" if pattern is not None else ""
            if pattern is None and in_list and _headline_like(paragraph.text):
                why = "a link list after 'Read next'"
            verdicts.append((bool(why), why))
            in_list = bool(why) and (in_list or bool(_LIST_MARKERS.match(_plain(paragraph.text))))
        return verdicts

    def _shape(
        self,
        paragraph: Paragraph,
        words: list[str],
        repeat: str,
        title: str,
        header: bool = True,
        alone: bool = False,
        speakers: Collection[str] = (),
        answer: bool = False,
    ) -> Shape:
        """Judge one paragraph on its own (and against the title and the other paragraphs).

        `words` are its lower-case words; `repeat` says whether it repeats another;
        `header` that no story paragraph stands above it; `alone` that no other block
        reads as the story's prose; `speakers` the transcript's speaker labels (in capitals,
        opening two blocks or more), which are no wire datelines; `answer` that it answers
        an interview's question under its answerer's name, no dateline either.
        """
        text = _plain(paragraph.text)
        teaser = _teased(text)
        # A line between two dashes ("\u2013 Trade tensions \u2013") is a subhead, not an item.
        listed = _LIST_ITEM.match(paragraph.text) is not None and not _DASHED.match(text)
        # A pitch's last line glued to the story's first sentence ("...all the
        # difference.The summit opened ..."): the block speaks as its last part does.
        # Only a story's sentence after the glue counts, not a pitch's short last words.
        glued_at = _glued_sentence(text)
        own = _words(text[glued_at.end() :].casefold()) if glued_at else words
        if glued_at and len(own) < LEAD_MIN_WORDS:
            glued_at, own = None, words
        to_reader = bool(READER.intersection(own))
        n = len(words)
        stop = sum(map(STOPWORDS.__contains__, words)) / n if n else 0.0
        # A time of day alone ("9:55 a.m.", a live page's entry stamp) ends no sentence;
        # a reported sentence citing its source's address after its full stop ends there.
        cited = _link_cited(text)
        sentence = (ends_sentence(text) and _CLOCK_LINE.match(text) is None) or cited
        # A long story paragraph that names its source after the last sentence.
        body = _TRAILING_SOURCE.sub("", text) if ":" in text[-70:] else text
        tagged = body != text and ends_sentence(body) and len(_words(body)) > TAGGED_MIN_WORDS
        signed = not sentence and n > 2 and _SIGNOFF.search(text[-40:]) is not None
        sentence = (sentence or tagged or signed) and not (n <= LABEL_WORDS and teaser)
        # Bullet points without full stops, each a clause with a verb ("- All members
        # pledged to ..."), end like sentences: a story told in points, not a menu.
        sentence = sentence or (listed and _clause_points(paragraph.text))

        limits = self.limits

        quotes = '"' in text or "\u201c" in text or _SINGLE_QUOTED.match(text) is not None
        verb = _has_verb(words)
        moderator = ":" in text[:40] and (
            _MODERATOR.match(text) is not None or _greeting_only(text, n)
        )

        def shape(kind: Kind, reason: str, marker: bool = False) -> Shape:
            # Only prose can be a standfirst, so only prose is compared with the headline.
            echo = kind == "good" and n <= STANDFIRST_MAX_WORDS and _echoes_title(words, title)
            # A short sentence may still open the story when it is a full clause with
            # a verb, even one thick with names ("X reached Y on an official visit.").
            lead = (
                reason == "short"
                and sentence
                and n >= LEAD_MIN_WORDS
                and stop >= limits.sparse_stopwords
                and verb
                # A short exclamation in the site's voice or to the reader ("... - stand
                # with us!") is a call, not a plain sentence; news told with "!" ("X are
                # through to the final!") or ending on someone's quoted cry is not.
                and not (text.rstrip().endswith("!") and (to_reader or not OURS.isdisjoint(own)))
            )
            verbless = kind == "good" and n <= VERBLESS_MAX_WORDS and not verb
            opens = text.endswith(":")
            asks = text.endswith("?") and n <= HEADING_WORDS and _title_case(text)
            query = (
                text.endswith("?")
                and n <= QUESTION_WORDS
                and not quotes
                and bool(words)
                and words[0] in QUESTION_OPENERS
            )
            glued = bool(_GLUED_TEASER.search(text[:GLUE_REACH]))
            credit = reason == CREDIT and n <= CREDIT_WORDS and not sentence
            # A transcript's speaker ("FOREIGN MINISTER X: Good morning ... thank you") speaks
            # to the room, not the site to its reader.
            reader = (
                not quotes
                and to_reader
                and not _SPEAKER.match(text)
                # "Lavrov: On behalf of our group I would like to tell you ...": a
                # transcript's speaker named alone, speaking for himself to the room.
                and not (_NAME_SPEAKER.match(text) and not FIRST_PERSON.isdisjoint(own))
            )
            bulleted = _BULLET.match(paragraph.text) is not None and all(
                _BULLET.match(line) for line in paragraph.text.splitlines() if line.strip()
            )
            # Only a headline-like line can be another story's headline.
            titled = reason.startswith(("no sentence", "cut off")) and n >= HEADLINE_MIN_WORDS
            titled = titled and _title_case(text)
            elided = teaser and _ELIDED.search(text) is not None
            midcut = teaser and not elided and _cut_mid_clause(text)
            # Cheap set look-ups first: most blocks have no "we", "our" or "us" at all.
            voice = (
                not quotes
                and not OURS.isdisjoint(own)
                and _ours(text[glued_at.end() :] if glued_at else text)
                and _OWN_WORK.search(text) is not None
            )
            points = reason == SIGNPOST_SOFT and _POINTED.search(text) is not None
            # A clause after a comma ("X's message, in his closing remarks:") leads in.
            heading_label = (
                reason == "leads into a list" and _heading_label(words) and "," not in text
            )
            return Shape(
                n, stop, sentence, kind, reason, marker, echo, quotes, lead, verbless, verb,
                opens, asks, glued, credit, reader, bulleted, titled=titled, voice=voice,
                points=points, midcut=midcut, elided=elided, heading_label=heading_label,
                clause=reason == "leads into a list" and "," in text,
                quoted=text[:1] in QUOTE_OPENERS,
                captioned=_printed_twice_caption(reason, n, text), query=query,
                moderator=moderator,
                cited=cited,
                site_talk=n <= SELF_REFERENCE_WORDS
                and not quotes
                and ("site" in text[:40].casefold() or ".gov" in text[:40])
                and _SITE_TALK.match(text) is not None
                and _BANNER_WORDS.search(text) is not None
                and _SAYS.search(text) is None
                and _NEWS_DAY.search(text) is None,
            )  # fmt: skip

        pattern = self.match(paragraph.text)
        if pattern is not None:
            return shape("bad", f"pattern {pattern!r}")
        if not n or not any(c.isalnum() for c in text):
            return shape("bad", NO_WORDS)
        if repeat:
            return shape("bad", repeat)
        if (
            n >= DOUBLED_MIN_WORDS
            and n % 2 == 0
            and words[: n // 2] == words[n // 2 :]
            # A table's row ("... say. | ... say. |"): one sentence in two versions of a story.
            and not (text.endswith("|") and sentence)
        ):
            return shape("bad", "the same words twice in one block: a caption and its alt text")
        if (
            (_BYLINE.match(text) or _GLUED_BYLINE.match(text))
            and n <= MARKER_WORDS
            and not sentence
        ):
            return shape("bad", BYLINE, marker=True)
        if _BYLINE.match(text) and n <= CAPTION_WORDS and not verb:
            # "By Jane Doe, Minister of ..., John Roe, Minister of ....": names and roles.
            return shape("bad", "a byline (names and roles, no verb)", marker=True)
        if n <= CAPTION_WORDS and _link_end(text) and not cited:
            return shape("bad", LINK_LINE)
        if (
            n <= CAPTION_WORDS
            and _ARROWED.match(paragraph.text)
            and not _caption_stream(paragraph.text)
        ):
            return shape("bad", 'marked with an arrow (">>>", "»"): a link to another story')
        if LIST_FOOTER.match(paragraph.text):  # the whole block (the pattern is anchored)
            return shape("bad", "a blog's footer under the post (its time, comments, category)")
        if n <= MARKER_WORDS and not sentence and _STAMP.search(text):
            return shape("bad", "a date or reading-time stamp", marker=True)
        if (
            n <= WALL_WORDS
            and not quotes
            and _WALL_PROMPT.search(text)
            and _WALL_UNLOCKS.search(text)
            and not _WALL_REPORTED.search(text)
        ):
            return shape("bad", WALL)
        if n <= MARKER_WORDS and _WALL_NOTICE.match(text):
            return shape("bad", WALL)
        if n <= CONSENT_WORDS and not quotes and to_reader and _consent_notice(text):
            return shape("bad", CONSENT)
        if "times" in text[-40:].casefold() and _TIMES_NOTE.search(text[-40:]):
            return shape("bad", LIVE_HEADER)
        if n <= 30 and _COPYRIGHT.search(text):
            return shape("bad", "a copyright line")
        if n <= ICON_TEXT_WORDS and not quotes and _icon_text(text):
            return shape("bad", ICON_TEXT)
        if n <= MARKER_WORDS and not sentence and _ENTRY_TIME.search(text):
            return shape("bad", "a live page's entry headline with its time")
        if (
            n <= SELF_REFERENCE_WORDS
            and not quotes
            and (_SELF_REFERENCE.search(text) or _own_coverage(text))
        ):
            # When it was published ("This was published under ...") stamps the page, as
            # a date does: a standfirst restating the headline above it is no lede.
            stamp = _SELF_REFERENCE.search(text) is not None and _PUBLISHED.search(text) is not None
            why = "the page speaking of itself (its date, feed, comments or how its copy came)"
            return replace(shape("bad", why, marker=stamp), published=stamp)
        if (
            n <= SELF_REFERENCE_WORDS
            and text[:1] in "HhTt"
            and not quotes
            and _PICTURE_POINTER.match(text)
            and _POINTER_GOES_ON.search(text) is None
        ):
            return shape("bad", "points at a picture or video beside it: a caption")
        if (
            n <= SELF_REFERENCE_WORDS
            and not quotes
            and (to_reader or _WATCH_ORDER.match(text))
            and (pointer := _PLAYER_POINTER.search(text)) is not None
            # Nothing but the pointer's own clause: after a comma, semicolon or colon it
            # ends a sentence that told something first ("You can watch it live on BBC
            # One from 10am, or follow it on the stream below.").
            and not any(mark in text[: pointer.start()] for mark in ",;:")
        ):
            return shape("bad", PLAYER_POINTER)
        if n <= CAPTION_WORDS and not quotes and to_reader and _SMALL_PRINT.search(text):
            return shape("bad", "the site's small print to the reader")
        if n <= VIA_WORDS and _VIA.match(text):
            return shape("bad", VIA)
        # A wire dateline's agency ("Brasilia, May 20 (AGENCY/AGENCY) ...") is not a credit.
        dated = _dateline(text) if sentence else None
        body = text[dated.end() :] if dated else text
        if (
            (n <= 60 or (n <= PLACED_CAPTION_WORDS and _placed(body) > PLACED_CUES))
            and not tagged
            and (_captioned(body) or _credit_end(body) or _positioned(body))
        ):
            if self._story_before_caption(body):
                return replace(shape("short", STORY_BEFORE_CAPTION), lead=True)
            return shape("bad", CREDIT)
        if (
            n <= ROW_KEY_CAPTION_WORDS
            and text.count(";") >= PLACED_LIST_NAMES
            and _ROW_KEY.search(text)
            and not _SAYS.search(text)
        ):
            return shape("bad", CREDIT)
        if n <= 150 and "(@" in text and _EMBED_SIGNOFF.search(text):
            return shape("bad", "an embedded social-media post")
        if n <= EMBED_BLOCK_WORDS and "(@" in text and _signoff_line(text):
            # The post's sign-off on a line inside the block, its text wrapped around it.
            return shape("bad", "an embedded social-media post (its sign-off inside the block)")
        if n <= 150 and text.endswith((")", ").")) and _PHOTO_CREDIT.search(text):
            return shape("bad", CREDIT)
        if not alone and _dash_credit(text, words):
            # A picture's date, then its agency after a dash ("..., on May 4, 2022. — AFP").
            return shape("bad", CREDIT)
        # A full sentence restating the headline in other words is the story (a
        # statement's first line); a repeat, or a pointer to the text, has all of it.
        cover = TITLE_COVER_SENTENCE if sentence and verb else TITLE_COVER
        if header and not sentence and _longer_headline(text, title):
            # The headline word for word, a dash or dots, a few more words and no sentence
            # end, over the story: the page prints a longer headline ("Title... despite X").
            return replace(shape("bad", HEADLINE_AGAIN), headline=True)
        if (
            title
            and n <= 40
            and _near_title(words, title, cover)
            and not _told_anew(text, words, title)
        ):
            # The headline itself, nearly word for word (not a link line or a label
            # sharing half its words): the page header ends under it.
            again = _near_title(words, title, HEADLINE_VERBATIM) and n <= len(_words(title)) + 3
            return replace(shape("bad", HEADLINE_AGAIN), headline=again)
        if n <= TEXT_NOTE_WORDS and _TEXT_NOTE.match(text) and not _finite(words):
            return shape("bad", TEXT_NOTE)
        # A draft's paragraph still in dispute, numbered in its brackets ("[5. The
        # parties ...]"), is the document's own text, not a note on it.
        drafted = text.startswith("[") and _DRAFT_PARAGRAPH.match(text) is not None
        if text.startswith(("(", "[")) and text.endswith((")", "]")) and n <= 30 and not drafted:
            return shape("bad", "a note in brackets (credit or editor's note)")
        if text.startswith("[") and text.endswith("]") and "[" not in text[1:-1] and not drafted:
            # A whole paragraph in square brackets is the site talking, not the story.
            return shape("bad", "a note in square brackets (the site's or an editor's)")
        if (n <= 40 or (n <= CONTACT_LABELLED_WORDS and _CONTACT_LABEL.match(text))) and _contact(
            text
        ):
            return shape("bad", "contact details (a phone number or an email address)")
        if n <= 25 and _credit_hint(text) and _REPORT_CREDIT.search(text):
            return shape("bad", "a credit line (who reported or contributed)")
        if (
            n <= SOURCE_CREDIT_WORDS
            and not quotes
            and _SOURCE_CREDIT.search(text)
            and not _SAID_AT_END.search(text)
        ):
            return shape("bad", SOURCE_CREDIT)
        if _ARCHIVE_NOTICE.match(text):
            return shape("bad", ARCHIVE_NOTICE)
        if (
            n <= SYNDICATED_WORDS
            and not quotes
            and _SYNDICATED.search(text)
            and not _SAID_AT_END.search(text)
        ):
            return shape("bad", SYNDICATED)
        if n <= SOURCE_CREDIT_WORDS and not quotes and _DISCLAIMER.match(text):
            return shape("bad", DISCLAIMER)
        if n <= EDITED_WORDS and not quotes and _EDITED_NOTE.match(text):
            return shape("bad", EDITED_NOTE)
        if n <= CAPTION_WORDS and _gallery(text):
            return shape("bad", GALLERY)
        items = paragraph.items or (paragraph.text,)
        if (
            not verb
            and len(items) <= CUTTING_ITEMS
            and all(_CUTTING.match(_plain(i)) for i in items)
        ):
            return shape("bad", CUTTING)
        if n <= THIS_PICTURE_WORDS and not listed and _this_picture(text, words):
            return shape("bad", PICTURE_CAPTION)
        # A caption is a whole sentence of its own, not a list item or a cut line.
        whole = sentence and text[:1].isupper() and not (listed or paragraph.truncated)
        if whole and (
            _picture_caption(text, words, quotes)
            or (len(text) < limits.good_min_chars and _participle_caption(text, words, quotes))
            or _dated_scene(text, words, quotes)
            or _place_dated_caption(text, words, quotes)
        ):
            return shape("bad", PICTURE_CAPTION)
        if n <= PROMO_WORDS and not quotes and _PROMO.match(text) and _ours(text):
            return shape("bad", PROMO)
        if (
            n <= PROMO_WORDS
            and not quotes
            and not verb
            and sentence  # with no full stop it is a heading already (dropped below)
            and _READER_ORDER.match(text)
            and not _COMMA_CLAUSE.search(text)
            and not _ORDER_PROSE.search(text)
        ):
            return shape("bad", READER_ORDER)
        if n <= ABOUT_WORDS and _ABOUT_LABEL.match(text):
            return shape("bad", "an about box: the outlet or the author")
        if (
            n <= SIGNPOST_OVER_HEADING_WORDS
            and not quotes
            and text.rstrip(_CLOSERS)[-1:] in ".:"
            and _SIGNPOST.match(text)
            and _SPEECH_POINTED.search(text)
            and not _POINTED.search(text)
        ):
            return shape("short", SPEECH_LEAD_IN)
        if n <= SIGNPOST_WORDS and text.endswith(":") and _SIGNPOST.match(text):
            return shape("bad", SIGNPOST)
        if (
            n <= SIGNPOST_POINTED_WORDS
            and not quotes
            and text.rstrip(_CLOSERS)[-1:] in ".:"
            and _points_to(text)
        ):
            return shape("bad", SIGNPOST + ", naming what it points to")
        if (
            n <= SIGNPOST_OVER_HEADING_WORDS
            and not quotes
            and text.rstrip(_CLOSERS)[-1:] in ".:"
            and _SIGNPOST.match(text)
        ):
            return shape("short", SIGNPOST_SOFT)
        if "\n" in paragraph.text.strip() and _headline_lines(paragraph.text):
            return shape("bad", "lines of headlines or links, none a sentence: a related list")
        if text.endswith(":"):
            if n <= limits.label_max_words or not verb:
                # A full sentence before the lead-in ("They will meet again. Watch:") is
                # the story's, wherever the lead-in points.
                told = _TOLD_BEFORE.search(text) is not None and verb
                return replace(shape("short", "leads into a list"), sentence=told)
            sentence = True  # a story paragraph whose last sentence leads into a list
        if not sentence and n <= limits.label_max_words and "\n" not in paragraph.text:
            if paragraph.truncated:
                return shape("short", "ends mid-sentence at the wrap width: cut copy?")
            if listed:
                # An item running on into the next ("-Trade Agreement and") is no heading.
                runs_on = text.endswith((",", ";")) or words[-1] in ("and", "or")
                if n <= HEADING_WORDS and _title_case(text) and not runs_on:
                    return shape("short", "a numbered heading?")
                return shape("short", "a list item")
            if paragraph.text.lstrip().startswith(("**", "__")):  # an author's own emphasis
                return shape("short", EMPHASISED)
            if (
                n >= CLAUSE_WORDS
                and verb
                and stop
                >= (CLAUSE_STOPWORDS if n <= SUBHEAD_CLAUSE_WORDS else LONG_CLAUSE_STOPWORDS)
                and not text.endswith((",", ";"))
                # Every longer word capitalised: a headline, however clause-like its
                # words ("US and China Proceed With Another Round of Talks").
                and not (n >= HEADLINE_MIN_WORDS and _title_case(text))
                and not _QUOTED_HEADLINE.match(text)
            ):
                return shape("short", CLAUSE)
            if text.endswith(";"):
                return shape("short", "a list item")  # an enumerated clause, no heading
            if (
                n >= CLAUSE_WORDS
                and verb
                and _CONNECTIVE.match(text)
                and not text.endswith(",")
                # A label and a colon in it ("Earlier, watch: ..."): a promotion, no clause.
                and not _LABEL_COLON.search(text)
            ):
                return shape("short", CONNECTIVE_CLAUSE)
            return shape("bad", "no sentence: a heading, label, menu or headline")
        if (
            not sentence
            and n <= CAPTION_WORDS
            and not verb
            and not paragraph.truncated
            and "\n" not in paragraph.text
            and not listed
            and not text.endswith(";")  # an enumerated clause ("A memorandum on ...;")
        ):
            return shape("bad", "no verb and no sentence end: a caption or heading")
        if (
            sentence
            and n >= DATELINE_MIN_WORDS
            and _dateline(text)
            and not moderator  # "MODERATOR: ..." is a transcript's speaker, no dateline
            and not (speakers and _speaker_label(text) in speakers)
            and not answer
            and not teaser
            and not (to_reader and not quotes)  # "Similar News:You can also read ..."
        ):
            # The story starts here, whatever words it shares with the headline.
            why = DATELINE_STORY
            return Shape(n, stop, sentence, "good", why, False, False, quotes)
        if sentence and stop < limits.good_min_stopwords and self._foreign(text, words):
            if self._own_language(text, words):
                return Shape(n, stop, sentence, "good", OWN_LANGUAGE, False, False, quotes)
            return shape("short", FOREIGN)
        if (
            4 <= n <= 25
            and stop < limits.sparse_stopwords
            and not (sentence and verb)
            and not listed  # "4. improve investor confidence."
            # "Secretary Meade leaves Singapore tomorrow.": a full sentence telling when,
            # with a verb the word list cannot tell from a noun ("Meade leaves Singapore"):
            # a name list ending on its day ("..., London, on Tuesday.") has none, and goes.
            and not (sentence and _name_verbs_name(text) and _WHEN_AT_END.search(text))
        ):
            return shape("bad", f"few function words ({stop:.0%}): a name list or headline")
        if sentence and teaser:
            return shape("short", "cut off with an ellipsis: a teaser?")
        if _quoted_alone(text) and n <= 60:
            return shape("short", "a quotation nobody is said to say: a pull quote?")
        if n <= ABOUT_WORDS and not quotes and _OUTLET.search(text):
            return shape("short", ABOUT)
        if sentence and len(text) >= limits.good_min_chars and stop >= limits.good_min_stopwords:
            return shape("good", "reads as prose")
        if n <= LABEL_WORDS and not _FULL_STOP.search(text):
            return shape("short", "a few words without a full stop")
        if (
            not sentence
            and n >= UNSTOPPED_PROSE_WORDS
            and verb
            and stop >= limits.good_min_stopwords
            and not teaser
            and not (_captioned(text) or _positioned(text))
            and not any(_LIST_ITEM.match(line) for line in paragraph.text.splitlines())
        ):
            # Far longer than a headline or a caption, with a verb and function words:
            # prose that lost its full stop ("... based on these briefings,").
            return shape("good", "reads as prose, though it lost its sentence end")
        if (
            not sentence
            and NAMED_CAPTION_MIN_WORDS <= n <= CAPTION_WORDS
            and not quotes
            and not listed
            and not paragraph.truncated
            and "\n" not in paragraph.text
            and _capitalised(text) >= NAMED_CAPTION_SHARE
            and _name_verbs_name(text)
        ):
            return shape("bad", NAMED_CAPTION)
        return shape("short", "short")

    def _story_before_caption(self, text: str) -> bool:
        """The block's first sentence reads as the story's (long, with a finite verb and
        function words, no caption's marks) and the caption's marks all come after it:
        the story's paragraph with a picture's caption glued on, not a caption."""
        stop = _SENTENCE_STOP.search(text)
        # After it, a caption of its own, not only a credit ("... Greece. / Photo: AA").
        if stop is None or len(_words(text[stop.end() :])) < CAPTION_AFTER_STORY_WORDS:
            return False
        first = text[: stop.end()].strip()
        words = _words(first.casefold())
        limits = self.limits
        return (
            _told(first)
            and len(first) >= limits.good_min_chars
            and sum(map(STOPWORDS.__contains__, words)) / len(words) >= limits.good_min_stopwords
            and not (_captioned(first) or _credit_end(first) or _positioned(first))
            and _PICTURE_DATE.search(first) is None
            and _PICTURE_WORD.search(first) is None  # "In this file photo taken ..."
        )

    def _foreign(self, text: str, words: list[str]) -> bool:
        """A sentence that reads as prose in another language: in Chinese, Japanese or
        Korean letters, dense with another language's function words, or long enough
        on a site whose language is not English."""
        if len(_CJK.findall(text[:200])) >= FOREIGN_MIN_CJK:
            return True
        if len(words) < FOREIGN_MIN_WORDS:
            return False
        foreign = sum(map(FOREIGN_STOPWORDS.__contains__, words)) / len(words)
        return foreign >= self.limits.good_min_stopwords or not self.english

    def _own_language(self, text: str, words: list[str]) -> bool:
        """A full sentence on a site (or in an article) whose language is not English:
        the copy's own language, so prose, not a sentence to doubt on every paragraph."""
        return (
            not self.english
            and len(words) >= FOREIGN_MIN_WORDS
            and len(_CJK.findall(text[:200])) < FOREIGN_MIN_CJK
        )


def _greeting_only(text: str, words: int) -> bool:
    """A speaker opening with nothing but greetings ("MR. DOE: Good afternoon. Welcome to
    the briefing."): the proceedings, not the story's first paragraph."""
    label = _SPEAKER.match(text) or _NAME_SPEAKER.match(text)
    if label is None or words > GREETING_WORDS:
        return False
    said = [part for part in _SENTENCE_STOP.split(text[label.end() :]) if part.strip()]
    return bool(said) and all(_GREETING.match(part.strip()) for part in said)


def _speaker_label(text: str) -> str:
    """The capitals' speaker label opening a block ("ASSISTANT SECRETARY HILL:"), or ""."""
    found = _SPEAKER.match(text) if ":" in text[:60] else None
    return found.group().rstrip() if found else ""


def _speakers(paragraphs: Sequence[Paragraph]) -> frozenset[str]:
    """The labels in capitals that open two blocks or more: a transcript's speakers
    ("QUESTION:", "ASSISTANT SECRETARY HILL:"), where a wire's dateline opens one."""
    seen: dict[str, int] = {}
    for paragraph in paragraphs:
        label = _speaker_label(_plain(paragraph.text))
        if label:
            seen[label] = seen.get(label, 0) + 1
    return frozenset(label for label, count in seen.items() if count >= 2)


def _qa_label(text: str) -> str:
    """The short label and colon opening a block ("Q:", "Daily Courier:"), or ""."""
    found = _QA_LABEL.match(text)
    if found is None or len(found[1].split()) > QA_LABEL_WORDS:
        return ""
    return found[1].casefold()


def _interview(paragraphs: Sequence[Paragraph]) -> tuple[set[int], set[int]]:
    """An interview's answers under their answerer's label, and its questions (see
    `_exchanges` and `_questions`)."""
    texts = [_plain(p.text) for p in paragraphs]
    asked = [
        text.endswith("?")
        and len(text.split()) <= INTERVIEW_QUESTION_WORDS
        and text[:1] not in QUOTE_OPENERS
        for text in texts
    ]
    answers, edited = _exchanges(texts, asked)
    return answers, _questions(texts, asked, answers, edited)


def _exchanges(texts: Sequence[str], asked: Sequence[bool]) -> tuple[set[int], list[int]]:
    """The answers (blocks under an answerer's label right under a question asked under
    another label), and the questions over them that an editor labelled (not a
    transcript's, whose speakers are named in capitals)."""
    answers: set[int] = set()
    edited: list[int] = []
    for index in range(len(texts) - 1):
        if not asked[index] or asked[index + 1]:
            continue
        label, below = _qa_label(texts[index]), _qa_label(texts[index + 1])
        # The answer is a told sentence, not a stamp ("Updated: Tuesday 12 March") nor a
        # byline with a role ("Jane Doe: Port Louis correspondent."); the question's label
        # is none of the story's own ("Analysis: Can ...?").
        told = (
            _SENTENCE_STOP.search(texts[index + 1]) is not None
            and len(texts[index + 1].split()) >= QA_ANSWER_WORDS
        )
        if (
            label
            and below
            and label != below
            and told
            and label.replace("\u2019", "'") not in STORY_LABELS
            and not texts[index + 1].endswith(("?", ":"))
        ):
            answers.add(index + 1)
            # A transcript names its speakers in capitals ("QUESTION:", "MR. DOE:"): there
            # the reporters' questions are part of the record, and stay.
            shown = _QA_LABEL.match(texts[index])
            if shown is not None and not (len(shown[1]) > 1 and shown[1].isupper()):
                edited.append(index)
    return answers, edited


def _questions(
    texts: Sequence[str], asked: Sequence[bool], answers: set[int], edited: Sequence[int]
) -> set[int]:
    """An edited interview's questions: its labelled ones, and from the first of them down
    each unlabelled one shaped like a subhead (one short question a block, no comma, over
    a block that is no question). Unlabelled, it counts once the interview labelled two
    questions, or right under an answer. One labelled exchange and questions in the
    story's prose are no interview ("Question: Will ...?" / "Doe: We believe ..." and
    further down "Can the coalition hold together until then?")."""
    if not edited:
        return set()
    questions = set(edited)
    for index in range(min(edited), len(texts) - 1):
        if index in questions or not asked[index] or asked[index + 1]:
            continue
        subhead = (
            not _qa_label(texts[index])
            and "," not in texts[index]
            and len(texts[index + 1].split()) >= QA_LABEL_WORDS
        )
        # under an answer: one labelled above it, or one to a question counted above it
        answered = index - 1 in answers or index - 2 in questions
        if subhead and (len(edited) >= INTERVIEW_MIN_QUESTIONS or answered):
            questions.add(index)
    return questions if len(questions) >= INTERVIEW_MIN_QUESTIONS else set()


def _dateline(text: str) -> re.Match[str] | None:
    """A wire dateline opening `text` ("LIMA: ", "CITY, May 2 (Agency) -- "), or None.

    A dateline names a place, maybe with its date or agency, and a capitalised sentence
    follows it. A label of the story's own ("Update:", "Analysis -") names no place, and
    a lower-case word after a bare place ("Lima: the ministers ...") goes on a sentence:
    under neither does the story begin, so the prose above it stays.
    """
    found = _DATELINE.match(text)
    if found is None:
        return None
    head = _DATELINE_HEAD.split(found.group(), maxsplit=1)[0]
    # Only a bare place in Title case and its colon goes on into a lower-case sentence;
    # a date, an agency in brackets, a dash or a place in capitals is a wire's dateline
    # whatever word follows it ("NEW DELHI: iPhone maker ...", "CAIRO — el-Sisi said").
    mark = found.group().rstrip()
    bare = mark.endswith(":") and mark.removesuffix(":").rstrip() == head
    if bare and not head.isupper() and text[found.end() : found.end() + 1].islower():
        return None
    if head.replace("\u2019", "'").casefold() in STORY_LABELS:
        return None
    # A dash glued to a bracket and a capital is a wire's only after its date ("City,
    # August 29, 2018 (Agency)-The ..."): "The European Union (EU)-China summit ..." and
    # "Real Madrid (ESP)-Bayern ..." are sentences.
    glued = found.group()
    if glued[-2:-1] == ")" and glued[-1:] in "-\u2013\u2014" and not _GLUED_DATED.search(glued):
        return None
    return found


def _after_headline(words: list[str], headline: list[str]) -> list[str]:
    """A block's words after the headline it opens with, if it opens with it (a teaser
    card's headline glued to its summary): the summary is what may come again below."""
    if len(headline) >= 3 and len(words) > len(headline) + 3 and words[: len(headline)] == headline:
        return words[len(headline) :]
    return words


def _repeats(
    paragraphs: Sequence[Paragraph], tokens: Sequence[list[str]], share: float
) -> list[str]:
    """Per paragraph, why it is a repeat, or '': most of its word triples come again
    in a later paragraph (a pull quote or caption above the text that has it, a
    headline over the body), or it is the same as an earlier one.

    Only blocks short enough to be a pull quote, caption or headline are checked.
    Candidates come from an index of word triples (a block can miss at most so many
    of its triples, so it has one of its rarest few), and an earlier block can only
    be the same text: thousands of short blocks cost little, not every pair.
    """
    joined = [" " + " ".join(words) + " " for words in tokens]
    postings: dict[str, list[int]] = {}
    for index, text in enumerate(joined):
        words = text.split()
        for gram in {" " + " ".join(words[i : i + 3]) + " " for i in range(len(words) - 2)}:
            postings.setdefault(gram, []).append(index)
    unrepeated: dict[str, list[int]] = {}  # each text's blocks so far that repeat nothing
    openings: _Openings | None = None  # made on first need: most pages have no long block
    gave_way: dict[int, int] = {}  # a block found to repeat a later one: that one
    reasons: list[str] = []
    for index, text in enumerate(joined):
        words = text.split()
        found = ""
        if 3 <= len(words) <= REPEAT_MAX_WORDS:
            grams = {" " + " ".join(words[i : i + 3]) + " " for i in range(len(words) - 2)}
            other = _earlier_copy(joined, unrepeated.get(text, ()), index)
            if (
                other is not None
                and gave_way.get(other) == index
                and (
                    _stop_added(paragraphs[other].text, paragraphs[index].text)
                    or _FULL_STOP.search(paragraphs[index].text.rstrip())
                )
            ):
                # A standfirst printed without its full stop over the story's first
                # paragraph, the same sentence: the standfirst went as a repeat of
                # this one, and this one is the story. So does a sentence pasted
                # twice: the first copy went as a repeat of this one, which stays
                # (both went, and a short article lost all its text).
                other = None
            if other is None:
                other = _later_repeat(joined, postings, grams, index, share)
                if other is not None and _pulled_from(
                    paragraphs[index].text, paragraphs[other].text
                ):
                    other = None  # the later block is the pull quote: it goes, not this one
                if other is not None:
                    gave_way[index] = other
            if other is None and not _plain(paragraphs[index].text)[:1].islower():
                # (A block opening in lower case goes on from the one above: not a copy.)
                other = _earlier_part(joined, postings, grams, index, share)
                if other is not None and gave_way.get(other) == index:
                    other = None  # each of the two repeats the other: the first went
                if other is not None and _credited_copy(
                    paragraphs[other].text, paragraphs[index].text
                ):
                    # A caption above is this sentence with a credit added ("... talks
                    # (Agency/PA)"): it goes as a caption, and the story's sentence stays.
                    other = None
            if other is not None:
                found = f"repeats ¶{paragraphs[other].number}"
        elif len(words) > REPEAT_MAX_WORDS:
            # A whole paragraph printed twice (a scraping fault): the first copy stays;
            # so does it when the second copy is cut short (the page's second layout).
            other = _earlier_copy(joined, unrepeated.get(text, ()), index)
            if other is None:
                openings = openings or _Openings(joined)
                other = openings.earlier_longer(joined[index], index)
            if other is not None:
                found = f"repeats ¶{paragraphs[other].number} word for word"
        if not found:
            unrepeated.setdefault(text, []).append(index)
        reasons.append(found)
    return reasons


def _pulled_from(earlier: str, later: str) -> bool:
    """`later` is a pull quote of `earlier`: the words of a quotation `earlier` gives in
    full, with its speaker and full stop ('"I am proud of it," she added.'), printed again
    below it bare, without quotation marks or a full stop. The story's sentence stays."""
    bare = _plain(later).strip()
    told = _plain(earlier).strip()
    if not bare or bare[:1] in QUOTE_OPENERS or _FULL_STOP.search(bare):
        return False
    if not any(mark in told for mark in QUOTE_OPENERS) or not ends_sentence(told):
        return False
    inner = " " + " ".join(_words(bare.casefold())) + " "
    return len(inner.split()) >= 4 and inner in " " + " ".join(_words(told.casefold())) + " "


def _credited_copy(earlier: str, later: str) -> bool:
    """`earlier` is `later`, a full sentence, without its full stop and with a picture
    credit in brackets after it ("(Agency/Jane Doe)"; an aside in brackets is no credit):
    a picture's caption drawn from the story's sentence."""
    caption, sentence = _plain(earlier), _plain(later)
    if not (_PHOTO_CREDIT.search(caption) and _FULL_STOP.search(sentence)):
        return False
    credit = caption.rfind("(")
    if credit <= 0:
        return False
    return _words(caption[:credit].casefold()) == _words(sentence.casefold())


class _Openings:
    """The blocks in text order, to find an earlier, longer block that opens with a
    whole block, word for word, without walking every block above it: the blocks that
    open with a text sit together in text order, and a table of the lowest block number
    over each run of them answers in one step (thousands of long blocks drawn from a
    few sentences once cost time quadratic in their number)."""

    def __init__(self, joined: Sequence[str]) -> None:
        order = sorted(range(len(joined)), key=joined.__getitem__)
        self.texts = [joined[i] for i in order]
        # lowest[k][i]: the lowest block number among the 2**k texts in order from i.
        self.lowest = [order]
        span = 1
        while 2 * span <= len(order):
            last = self.lowest[-1]
            self.lowest.append([min(last[i], last[i + span]) for i in range(len(last) - span)])
            span *= 2

    def earlier_longer(self, text: str, index: int) -> int | None:
        """The first block above `index` that is longer than `text` (its words joined,
        space on each side) and opens with it."""
        start = bisect_right(self.texts, text)  # past the copies of the text itself
        # Every text that opens with this one sorts before it with a "!" for its last space.
        stop = bisect_left(self.texts, text[:-1] + "!", start)
        if start >= stop:
            return None
        level = (stop - start).bit_length() - 1
        row = self.lowest[level]
        first = min(row[start], row[stop - (1 << level)])
        return first if first < index else None


def _stop_added(earlier: str, later: str) -> bool:
    """`later` ends with a full stop that `earlier`, otherwise the same, lacks."""
    return bool(_FULL_STOP.search(later.rstrip())) and not _FULL_STOP.search(earlier.rstrip())


def _earlier_copy(joined: Sequence[str], unrepeated: Sequence[int], index: int) -> int | None:
    """The first earlier block with the same text that this one repeats: the one right
    above, or one further up that repeats nothing itself (one that, further up,
    already gave way to this copy, as a standfirst that is the lede word for word,
    does not count)."""
    first = unrepeated[0] if unrepeated else None
    if index and joined[index - 1] == joined[index] and (first is None or index - 1 < first):
        return index - 1
    return first


def _later_repeat(
    joined: Sequence[str],
    postings: dict[str, list[int]],
    grams: set[str],
    index: int,
    share: float,
) -> int | None:
    """The first later block, at least `share` as long, that has `share` of `grams`."""
    text = joined[index]
    for other in _may_share(postings, grams, share, index + 1, len(joined)):
        other_text = joined[other]
        if len(other_text) >= len(text) * share and _shares(grams, other_text, share):
            return other
    return None


def _earlier_part(
    joined: Sequence[str],
    postings: dict[str, list[int]],
    grams: set[str],
    index: int,
    share: float,
) -> int | None:
    """The first earlier, longer block that opens as this one does and has `share` of
    `grams`: the opening of a paragraph printed again below it, cut short (a second
    layout's copy)."""
    text = joined[index]
    opening = " " + " ".join(text.split()[:3]) + " "
    for other in _may_share(postings, grams, share, 0, index):
        other_text = joined[other]
        if (
            len(other_text) > len(text)
            and other_text.startswith(opening)  # its opening, not a sentence inside it
            and _shares(grams, other_text, share)
        ):
            return other
    return None


def _may_share(
    postings: dict[str, list[int]], grams: set[str], share: float, start: int, stop: int
) -> Iterator[int]:
    """The blocks from `start` up to `stop`, in order, that may have `share` of `grams`:
    a block that misses at most `allowed` of them has one of any allowed + 1, so only the
    blocks holding one of the rarest few are looked at. Lazily, from `start` on: the
    caller stops at the first that does (thousands of blocks sharing a common triple
    cost what is looked at, not every pair)."""
    allowed = int(len(grams) - share * len(grams))
    if allowed >= len(grams):
        return iter(range(start, stop))
    rarest = sorted(grams, key=lambda gram: len(postings[gram]))[: max(1, allowed + 1)]
    # Each posting list is in block order: merge them from `start`, each block once.
    # (Indexed from the found place: an islice would step over every earlier block
    # on each call, quadratic in the page's length.)
    runs = [
        map(
            postings[gram].__getitem__,
            range(bisect_left(postings[gram], start), len(postings[gram])),
        )
        for gram in rarest
    ]
    merged = (block for block, _ in itertools.groupby(heapq.merge(*runs)))
    return itertools.takewhile(lambda block: block < stop, merged)


def _shares(grams: set[str], text: str, share: float) -> bool:
    """At least `share` of `grams` occur in `text`; stops as soon as too many are missing."""
    allowed = len(grams) - share * len(grams)
    missing = 0
    for gram in grams:
        if gram not in text:
            missing += 1
            if missing > allowed:
                return False
    return True


def _placed(text: str) -> int:
    """How surely a position told with where the person stands or sits ("(standing R)") or
    with the row of a group picture ("(back row, from left)"), right after a name or
    opening the block, marks a caption: 0 when it does not, else one for the mark and one
    for each other caption cue beside it (another such bracket, a date stamp in brackets
    "(29/8/18)", a picture's word such as "pose" or "witnessing"). The mark must tell the
    side as well ("from left", "L-R", a lone "R" or "left" after the position): a row or seat
    alone is a team sheet's or a report's ("Maro Itoje (second row) ...", "Members of the
    House of Commons (front row) cheered ..."), and one cue alone is too ("Senator Jane Doe
    (far R) of the Freedom Party voted ..."), so the caller wants two. Not in a block
    reporting what someone said."""
    if _SAYS.search(text):
        return 0
    rows = [*_ROW_POSITION.finditer(text)]
    letters = [*_POSITION_LETTER.finditer(text)]
    cues = (
        bool(_DATE_STAMP.search(text))
        + bool(_PLACED_PICTURE_WORD.search(text))
        + (len(rows) + len(letters) > 1)
    )
    for mark in [*rows, *(mark for mark in letters if mark.group("place"))]:
        before = text[: mark.start()].split()
        if (not before or before[-1][:1].isupper()) and _SIDE.search(mark.group()):
            # One opening the block over its list of names ("(Back row, from left): Premier
            # of ..., Hon ...; Prime Minister of ..., Hon ...; ..."): a caption's key.
            if not before and text[mark.end() : mark.end() + 1] == ":":
                cues += 1 + (text.count(";") >= PLACED_LIST_NAMES)
            return 1 + cues
    return 0


def _positioned(text: str) -> bool:
    """A one-letter position marks a caption: two of them ("X (L) and Y (R)"), one
    opening or closing the block, one told with where the person stands ("(standing
    R)"), or one beside a word for a picture. So does a group picture's row ("(front
    row, from left)")."""
    if _placed(text) >= PLACED_CUES:
        return True
    marks = [mark for mark in _POSITION_LETTER.finditer(text) if not mark.group("place")]
    if not marks:
        return False
    first = marks[0]
    at_edge = first.start() == 0 or not text[marks[-1].end() :].strip(" .,;:")
    return len(marks) > 1 or at_edge or bool(_PICTURE_WORD.search(text))


def _told_anew(text: str, words: list[str], title: str) -> bool:
    """A full sentence ending on a full stop that adds words of its own to the headline's
    ("X, Minister of ..., has ended his visit."): a statement's first line telling the
    headline again as a sentence, with its subject's name, is the story's lede. A
    headline printed again never ends on a full stop, and a reworded one adds nothing."""
    end = text.rstrip()
    if not end.endswith(".") or end.endswith("..") or not _has_verb(words):
        return False
    title_words = {w.casefold() for w in _words(title)}
    own = {w.casefold() for w in words} - title_words - STOPWORDS
    return len(own) >= TOLD_ANEW_WORDS


def _near_title(words: list[str], title: str, cover: float = 0.5) -> bool:
    """Most of the block's words are the headline's, and they cover `cover` of the
    headline's: a repeated headline or its variant."""
    title_words = {w.casefold() for w in _words(title)}
    content = [w.casefold() for w in words if w.casefold() not in STOPWORDS]
    if len(title_words) < 3 or len(content) < 2:
        return False
    shared = sum(w in title_words for w in content)
    return shared / len(content) >= 0.7 and shared >= cover * len(title_words - STOPWORDS)


def _clause_points(text: str) -> bool:
    """Two or more bullet points, each a clause of some length with a verb."""
    points = [point for point in _POINT_SPLIT.split(text) if point.strip()]
    return len(points) >= MIN_POINTS and all(
        len(words := _words(point.casefold())) >= POINT_MIN_WORDS and _has_verb(words)
        for point in points
    )


def _has_verb(words: list[str]) -> bool:
    """Some word is a verb form a sentence needs: an auxiliary or modal ("is", "will",
    "must"), a past form ("said", "agreed", "met"), a word right after a subject
    pronoun ("we welcome", "she urges") or a noun and an adverb ("Tokyo also warns"),
    or a present-tense "-s" form between a noun
    and an object or adverb ("the work begins now", "the minister urges the"); a
    plural before a preposition ("talks in", "affairs of") is not one."""
    for i, w in enumerate(words):
        if w in ("may", "am") and _clock_or_date(words, i):
            continue  # "May 22", "11:57 AM": a date or a time, not a verb
        if w in BARE_PAST and (not i or words[i - 1] in ("to", "please")):
            continue  # "Read the full text", "to read the rest": an order, not a told past
        if w in FINITE_VERBS or w in IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed")):
            return True
        if "'" in w and _CONTRACTED_VERB.match(w):  # "it's", "they're", "isn't"
            return True
        before = words[i - 1] if i else ""
        if before in SUBJECTS and w not in STOPWORDS:
            return True
        if (
            (before in BEFORE_VERB or _manner_adverb(before))
            and i > 1
            and words[i - 2] not in STOPWORDS
            and len(w) > 3
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is", "'s"))
        ):
            return True  # "the minister also warns", "Tokyo now says"
        if (
            len(w) > 3
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is", "'s"))
            and before
            and before not in STOPWORDS
            and i + 1 < len(words)
            and words[i + 1] in AFTER_VERB
        ):
            return True
    return False


def _manner_adverb(word: str) -> bool:
    """An adverb in "-ly" that may stand between a subject and its "-s" verb ("the summit
    officially opens", "Tokyo formally objects"), not an adjective or a noun in "-ly"
    ("deadly floods", "weekly talks", "Italy's")."""
    return len(word) > 5 and word.endswith("ly") and word not in LY_NOT_ADVERBS


def _finite(words: list[str]) -> bool:
    """Some word is a finite verb of a told sentence ("said", "will", "may"), not the
    month in a picture's date ("Tuesday, May 2, 2017") nor a clock's "AM"."""
    return any(
        w in FINITE_VERBS and not (w in ("may", "am") and _clock_or_date(words, i))
        for i, w in enumerate(words)
    )


def _clock_or_date(words: list[str], i: int) -> bool:
    """ "may" before a day's number ("May 22") or "am" after a clock's ("11:57 AM")."""
    if words[i] == "may":
        return i + 1 < len(words) and words[i + 1].isdigit()
    return i > 0 and words[i - 1].isdigit()


def _name_verbs_name(text: str) -> bool:
    """A present-tense verb between a name and a name or an object ("Salman welcomes
    His Highness", "Doe greets the"): a caption's clause, not a list of names and titles."""
    words = _words(text)
    for i in range(1, len(words) - 1):
        w = words[i]
        if (
            w[0].islower()
            and len(w) > 3
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is"))
            and words[i - 1][0].isupper()
            and (words[i + 1][0].isupper() or words[i + 1] in AFTER_VERB)
        ):
            return True
    return False


def _capitalised(text: str) -> float:
    """The share of its words that start with a capital letter."""
    words = _words(text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _title_case(text: str) -> bool:
    """Every longer word capitalised, as in a heading ("1. Peace and Stability")."""
    words = [w for w in _words(_LIST_ITEM.sub("", text)) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _picture_caption(text: str, words: list[str], quotes: bool) -> bool:
    """What a picture shows, in the present tense, dated: one short sentence with a
    verb of what a camera sees ("shake hands", "poses") or signed first by its agency
    ("AFP - A protester wears ..."), and a day or a date, and no
    finite verb of a reported sentence ("said", "will", "was")."""
    return (
        len(words) <= PICTURE_CAPTION_WORDS
        and not quotes
        and (_picture_verb(words) or _AGENCY_LEAD.match(text) is not None)
        and not _finite(words)
        and _CAPTION_DATE.search(text) is not None
        # Initials ("U.S. President") are no sentence stop.
        and len(_SENTENCE_STOP.findall(_INITIALS.sub("X", text.rstrip(_CLOSERS)))) <= 1
    )


def _this_picture(text: str, words: list[str]) -> bool:
    """A caption opening on its own picture (`_THIS_PICTURE`): "This file photo ... shows",
    "In this handout picture released by ...", "A pool photo of ...". One opening on "a"
    that tells ("A file photo of the two was circulated on Monday ...") is a story's."""
    found = _THIS_PICTURE.match(text)
    if found is None:
        return False
    this = found.group(0).lower().startswith(("this", "in this"))
    if set(found.group("kinds").lower().split()) & _PICTURE_KINDS:
        return this or not _finite(words)
    return this and found.group("how") is not None


def _dated_scene(text: str, words: list[str], quotes: bool) -> bool:
    """Who a picture shows, where and when, with no verb at all: one short sentence with
    a full date and "during" an event ("Leaders and their delegations during the summit in
    the capital on June 15, 2013."). A story's sentence tells with a verb, and a brief in a
    headline's words tells what is to come ("Ministers to meet ... on May 4, 2026.")."""
    return (
        len(words) <= PICTURE_CAPTION_WORDS
        and not quotes
        and _PICTURE_DATE.search(text) is not None
        and _named_before_during(text)
        and len(_SENTENCE_STOP.findall(_INITIALS.sub("X", text.rstrip(_CLOSERS)))) <= 1
        and not _has_verb(words)
    )


def _place_dated_caption(text: str, words: list[str], quotes: bool) -> bool:
    """A news picture's caption in its agency's form: one sentence, names and then a
    present-tense verb of what those people do ("Jane Doe speaks", "Leaders arrive"), no
    verb of a told sentence ("said", "will", "met"), ending on its place and full date set
    off by commas (`_PLACE_DATE_END`). A preview's subject is no name ("The talks take
    place ...", "The forum, which ... attends, meets ..."): a story's sentence."""
    if (
        len(words) > PLACE_DATE_CAPTION_WORDS
        or quotes
        or _PLACE_DATE_END.search(text) is None
        or _finite(words)
        or _told(text)
        # A month's abbreviation ("Sept. 8") and initials ("U.S.") stop no sentence.
        or len(_SENTENCE_STOP.findall(_INITIALS.sub("X", _MONTH_DOT.sub("X", text)))) > 1
    ):
        return False
    found = _WORD.findall(text)
    at = next(
        (
            i
            for i, w in enumerate(found)
            if w.casefold() in SCENE_VERBS and i and found[i - 1].casefold() not in DETERMINERS
        ),
        0,
    )
    return at > 0 and all(w[:1].isupper() or w in ("and", "of") or w in PEOPLE for w in found[:at])


def _named_before_during(text: str) -> bool:
    """The words before "during" only name who the picture shows: names in capitals, "and",
    "of", and a noun right after "their" or "the" ("SADC Heads of State and Government and
    their representatives during ..."). A word that may be a verb is a sentence's: "Oil
    prices slid during ...", "China warns Japan during ...", "The two leaders sang ..."."""
    during = _DURING.search(text)
    if during is None:
        return False
    before = text[: during.start()].split()
    previous = ""
    for word in before:
        bare = word.strip(",;'\u2019")
        lower = bare.lower()
        if not (
            bare[:1].isupper()
            or lower in ("and", "of")
            or lower in DETERMINERS
            or previous in DETERMINERS
        ):
            return False
        previous = lower
    return bool(before)


def _dash_credit(text: str, words: list[str]) -> bool:
    """A picture's full date, its year's full stop, then its agency after a dash ("...
    on May 4, 2022. \u2014 AFP"), in a caption's words: what a camera sees, or no verb
    of a told sentence ("said", "agreed"). A story's sentence signed by its agency tells."""
    return (
        len(words) <= DASH_CREDIT_WORDS
        and _DASH_AGENCY.search(text) is not None
        and _PICTURE_DATE.search(text) is not None
        and (_picture_verb(words) or not _told(text))
    )


def _told(text: str) -> bool:
    """A verb of a told sentence ("said", "agreed", "met"), not a caption's present
    passive ("is greeted") nor a name's "-ed" ("Associated Press")."""
    lower = [w for w in _words(text) if w[:1].islower()]
    return any(
        (w in FINITE_VERBS and w not in ("is", "are", "am"))
        or w in IRREGULAR_PAST
        or (len(w) > 3 and w.endswith("ed") and (not i or lower[i - 1] not in ("is", "are")))
        for i, w in enumerate(lower)
    )


def _longer_headline(text: str, title: str) -> bool:
    """The headline word for word, then a dash, a colon, a bar or dots right after its
    last word and a few more words ("Title... despite X", "Title — and what it means"):
    a story sentence opening with the headline's words goes on without such a break."""
    headline = _words(title.casefold())
    if len(headline) < HEADLINE_MIN_WORDS:
        return False
    found = list(_WORD.finditer(text.replace("\u2019", "'")))
    extra = len(found) - len(headline)
    if not 0 < extra <= LONGER_HEADLINE_EXTRA_WORDS:
        return False
    if [m.group().casefold() for m in found[: len(headline)]] != headline:
        return False
    return _HEADLINE_BREAK.match(text, found[len(headline) - 1].end()) is not None


def _picture_verb(words: list[str]) -> bool:
    """Some word of what a camera sees is a verb: not a noun after a determiner ("a
    salute", "their embrace") or after a modifier that follows one ("a 21-gun salute",
    "a warm embrace"): a base form there has no plural subject before it, unless "and"
    joins that noun to another ("The minister and his wife wave")."""
    for i, w in enumerate(words):
        if w not in PICTURE_VERBS:
            continue
        before = words[i - 1] if i else ""
        if before in DETERMINERS:
            continue
        modifier = i > 1 and (words[i - 2] in DETERMINERS or words[i - 2].isdigit())
        joined = i > 2 and words[i - 3] == "and" and words[i - 2] in DETERMINERS
        if modifier and not joined and not w.endswith("s") and not before.endswith("s"):
            continue
        return True
    return False


def _participle_caption(text: str, words: list[str], quotes: bool) -> bool:
    """A short sentence whose only verb is a participle: what a picture shows ("A
    submarine being built at the yard.", "Leaders posing for a photo in the capital.").
    Prose has a finite verb ("is", "said", "met", "-ed"); a participle after "being"
    does not count as one."""
    if quotes or not 5 <= len(words) <= PARTICIPLE_CAPTION_WORDS:
        return False
    if _SCHEDULE.search(text):
        return False  # a programme's line ("Defence meeting at 09 to 11.00 with ...")
    if len(_SENTENCE_STOP.findall(text.rstrip(_CLOSERS))) > 1:
        return False
    rest = [w for i, w in enumerate(words) if w != "being" and not (i and words[i - 1] == "being")]
    at = next((i for i, w in enumerate(words) if i and len(w) > 4 and w.endswith("ing")), 0)
    return bool(at) and not _has_verb(rest) and _predicate(text, words, at)


def _predicate(text: str, words: list[str], at: int) -> bool:
    """The participle at `at` is what the subject does, as in a caption ("Guards lining
    the road"): right after the subject, not after a comma ("Talks go on, focusing on
    ...") or a preposition ("comes amid rising tensions"), and no present-tense verb
    before it ("The bloc weighs new duties targeting ...": "weighs" before an object).
    The word right before it may be a plural noun ("guards lining")."""
    before = words[at - 1]
    if before in STOPWORDS:
        return False
    pattern = r"\b" + r"\W+".join(map(re.escape, words[: at + 1])) + r"\b"
    head = re.search(pattern, text.replace("\u2019", "'"), re.I)
    if head is None or "," in head.group():
        return False
    return not any(
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is", "'s"))
        and words[i - 1] not in STOPWORDS
        for i, w in enumerate(words[1 : at - 1], start=1)
    )


def _headline_lines(text: str) -> bool:
    """Two or more lines, each short, starting with a capital or a digit, none ending
    like a sentence or mid-sentence (a comma, a small word), and not most of them
    opening alike: headlines or links, one a line."""
    lines = [_LIST_ITEM.sub("", line).strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    for line in lines:
        words = _words(line.casefold())
        if (
            not words
            or len(words) > LIST_LINE_WORDS
            or not (line[0].isupper() or line[0].isdigit())
            or ends_sentence(line)
            or line.endswith((",", ";", ":"))
            # A word broken at the wrap ("inter-"), not a separator after a section ("World -").
            or (line.endswith(("-", "\u2013", "\u2014")) and not line[:-1].endswith(" "))
            or words[-1] in STOPWORDS
        ):
            return False
    # Lines most of which open alike ("President ... of ...", "H.E. ...") are a list of
    # names or items, the story's own; headlines open each on its own subject.
    counts = Counter(w for line in lines for w in _first_words(line))
    return max(counts.values(), default=0) < max(2, PARALLEL_SHARE * len(lines))


def _credit_hint(text: str) -> bool:
    """Cheap test before `_REPORT_CREDIT`: a word every credit line has."""
    low = text.casefold()
    return any(word in low for word in _CREDIT_WORDS)


def _contact(text: str) -> bool:
    """An email address or a phone number in the block."""
    if "@" in text and _EMAIL.search(text):
        return True
    for run in _DIGIT_RUN.finditer(text):
        before = text[run.start() - 1 : run.start()]
        after = text[run.end() : run.end() + 2]
        if (before and (before.isalnum() or before in ".,")) or re.match(r"[\w.,]\d", after):
            continue  # part of a longer number or a word
        if _PHONE.fullmatch(run.group().strip()):
            return True
    return False


def _echoes_title(words: list[str], title: str) -> bool:
    """Most of the headline's words come again: a standfirst restating the headline."""
    title_words = {w.casefold() for w in _words(title)} - STOPWORDS
    if len(title_words) < 3:
        return False
    return len(title_words.intersection(words)) >= 0.6 * len(title_words)


def _cut_tails(
    paragraphs: Sequence[Paragraph], keep: Collection[int], title: str
) -> tuple[Sequence[Paragraph], dict[int, tuple[str, str]]]:
    """The paragraphs with furniture glued onto a paragraph's end cut off (a syndication
    line, or the headline printed again), and what was cut and why, by paragraph number.
    The scraper lost the break between the story's last sentence and the line under it:
    the prose stays, the furniture goes, as it would on a line of its own. An editor's
    keep: leaves the paragraph whole."""
    tails: dict[int, tuple[str, str]] = {}
    out = list(paragraphs)
    # The headline as a tail is looked for flattened and folded, once for the article.
    wanted = " ".join(title.split()).casefold()
    if len(_words(title)) < HEADLINE_TAIL_MIN_WORDS:
        wanted = ""  # no headline that short: a phrase a sentence may happen to end on
    for index, paragraph in enumerate(paragraphs):
        if paragraph.number in keep or paragraph.items:
            continue
        cut = _syndicated_tail(paragraph.text)
        why = SYNDICATED
        if cut is None and wanted:
            cut, why = _headline_tail(paragraph.text, wanted), HEADLINE_TAIL
        if cut is not None:
            head, tail = cut
            tails[paragraph.number] = (why, tail)
            out[index] = replace(paragraph, text=head)
    return (out if tails else paragraphs), tails


def _headline_tail(text: str, wanted: str) -> tuple[str, str] | None:
    """(the prose, the headline) when `text` ends in the headline `wanted` (its words
    single-spaced, case-folded) word for word after a sentence of its own ("... President
    Macron. (Agency) <the headline>"), else None."""
    if text.rstrip()[-1:].casefold()[-1:] != wanted[-1:]:
        return None  # most paragraphs: not even the headline's last character at the end
    flat = " ".join(text.split())
    if not flat.casefold().endswith(wanted) or len(flat) == len(wanted):
        return None
    head = flat[: len(flat) - len(wanted)].rstrip()
    if not re.search(r"[.!?][\"'\u201d\u2019)]*$|\((?-i:[A-Z][\w ]{0,20})\)$", head):
        return None  # the headline's words go on the sentence: the story's
    if len(_words(head)) < SYNDICATED_TAIL_MIN_WORDS:
        return None
    return head, flat[len(head) :].strip()


def _syndicated_tail(text: str) -> tuple[str, str] | None:
    """(the prose, the syndication line) when `text` ends in a whole syndication line
    after a sentence of its own, else None."""
    if not any(hint in text for hint in _SYNDICATED_HINTS):
        return None  # a cheap test first: the tail pattern's look-behind runs everywhere
    # Each place's head and tail are counted in words from where the text's words start
    # and end, found once: splitting both again at each place cost time in the square of
    # the length of a paragraph that says "Originally published ..." thousands of times.
    # (A place has white space before it and a stop at its start, so no word straddles
    # it: the counts are those of `_words` on the head and the tail.)
    spans = [found.span() for found in _WORD.finditer(text)]
    starts, ends = [start for start, _ in spans], [end for _, end in spans]
    for found in _SYNDICATED_TAIL.finditer(text):
        if (
            len(spans) - bisect_left(starts, found.end()) > SYNDICATED_WORDS
            or bisect_right(ends, found.start()) < SYNDICATED_TAIL_MIN_WORDS
        ):
            continue
        head, tail = text[: found.start()] + found.group(1), text[found.end() :].strip()
        if _SYNDICATED.search(tail) and not _SAID_AT_END.search(tail):
            return head, tail
    return None


def _quoted_alone(text: str) -> bool:
    """The whole block is one quotation with no attribution around it."""
    opened = text[:1] in "\"“‘'"  # noqa: RUF001
    closed = text.rstrip(".")[-1:] in "\"”’'"  # noqa: RUF001
    inner = text[1:-1]
    return opened and closed and not re.search(r"[\"“”]", inner.replace("’", ""))  # noqa: RUF001


def _in_context(
    shapes: Sequence[Shape], prose_stopwords: float
) -> tuple[list[tuple[bool, str]], int]:
    """(junk?, why) per paragraph, deciding the short ones by their neighbours, and
    the lede's index.

    The header is everything above the lede: the first prose paragraph not
    followed by a byline or date stamp before the next prose paragraph, or a
    short full sentence just above it and below the header.
    """
    first = _first_prose(shapes)
    lede = _list_opening(shapes, first)
    verdicts = _verdicts(shapes, lede, prose_stopwords)
    if lede != first and any(
        verdicts[i][0]
        for i in range(lede + 1, first)
        if shapes[i].bulleted or not _subhead_label(shapes[i])
    ):
        # The lead-in leads only a list whose points are kept: its points judged as
        # furniture, the story under them leads (and the lead-in is judged as before).
        lede = first
        verdicts = _verdicts(shapes, lede, prose_stopwords)
    return verdicts, lede


def _verdicts(shapes: Sequence[Shape], lede: int, prose_stopwords: float) -> list[tuple[bool, str]]:
    """(junk?, why) per paragraph, for the lede at `lede`."""
    # The story's last paragraph: prose, or prose going on into copy cut off with an
    # ellipsis (a paywall); a teaser under a related headline is not the story.
    last_good = max((i for i, s in enumerate(shapes) if _story(shapes, i)), default=-1)
    near = _around(shapes)
    items = _unmarked_items(shapes)
    teasers = _teaser_list(shapes, near)
    verdicts: list[tuple[bool, str]] = []
    for index, shape in enumerate(shapes):
        if index in teasers:
            verdicts.append((True, TEASER_LIST))
        elif index in items:
            verdicts.append((False, "a line under a paragraph that leads into a list: an item?"))
        elif shape.kind == "bad":
            verdicts.append((True, shape.reason))
        elif shape.glued and index + 1 < len(shapes) and shapes[index + 1].link:
            verdicts.append((True, "a headline glued to its summary over a link: a teaser card"))
        elif index < lede and shape.boxed and shapes[lede].reason != DATELINE_STORY:
            # The box may have lost its points in the scrape and this be the story (not
            # when the story visibly starts below, under its wire dateline).
            verdicts.append((False, BOXED))
        elif index < lede and shape.dek_kept:
            verdicts.append((False, DEK_KEPT))
        elif index < lede and shape.kind == "good":
            verdicts.append((True, _above_story(shape)))

        elif index < lede and shape.restated:
            verdicts.append((True, RESTATED))
        elif index < lede and shape.dek:
            verdicts.append((True, DEK))
        elif shape.kind == "good":
            verdicts.append((False, shape.reason))
        elif index == lede:
            verdicts.append((False, shape.reason if shape.reason == STORY_BEFORE_CAPTION else ""))
        else:
            verdicts.append(_short(shapes, index, lede, last_good, prose_stopwords, near))
    _pitch(shapes, lede, verdicts)
    return verdicts


def _key_points(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """Under a key-points label near the top ("NEED TO KNOW", "Highlights"), the short
    sentences up to the first longer paragraph are the box's points, scraped without
    their bullets: marked, so that the box does not lead. They are kept, in doubt: a
    box whose points the scrape lost sits right over the story's first paragraphs.
    With no longer paragraph under them they may be all the story has, and stay as
    they are."""
    out = list(shapes)

    def point(at: int) -> bool:
        # A bulleted point long enough to tell something, full stop or not (a live page's
        # summary: "• The leaders agreed a spending plan for ...").
        return _BULLET.match(paragraphs[at].text) is not None and shapes[at].words >= (
            POINT_MIN_WORDS
        )

    def story_below(at: int) -> bool:
        # Only a box that would lead: one already judged furniture above the story stays so.
        return _first_prose(out) == at and any(
            s.kind == "good" and not s.boxed for s in out[at + 1 :]
        )

    # A page labelling each of its items so ("SUMMARY: ..." under each report) has no box.
    inline = [i for i, p in enumerate(paragraphs) if _BOX_LABEL_INLINE.match(_plain(p.text))]
    for index in range(min(len(shapes), HEADER_REACH)):
        label = _plain(paragraphs[index].text)
        if inline == [index] and shapes[index].kind != "bad" and story_below(index):
            # The label opening the box's own block: the box, whatever the story under it.
            out[index] = replace(shapes[index], boxed=True)
            continue
        if not _BOX_LABEL.match(label):
            continue
        end = index + 1
        while (
            end < len(shapes) and shapes[end].kind != "bad" and (shapes[end].sentence or point(end))
        ):
            if shapes[end].kind == "good" and shapes[end].words > STANDFIRST_MAX_WORDS:
                for item in range(index + 1, end):
                    out[item] = replace(shapes[item], boxed=True)
                break
            end += 1
        else:
            # Bulleted points up to furniture (an entry's byline, a stamp), with the story's
            # prose further down: the box's points too.
            points = range(index + 1, end)
            below = any(s.kind == "good" and s.words > STANDFIRST_MAX_WORDS for s in shapes[end:])
            if len(points) >= MIN_POINTS and all(point(i) for i in points) and below:
                for item in points:
                    out[item] = replace(shapes[item], boxed=True)
            elif (
                index + 1 < len(shapes)
                and shapes[index + 1].kind != "bad"
                and (shapes[index + 1].sentence or point(index + 1))
                and story_below(index + 1)
            ):
                # The story's paragraphs all as short as the box's: the block right under
                # the label is the box (the label says so), and the story goes on below.
                out[index + 1] = replace(shapes[index + 1], boxed=True)
    return out


def _embedded_posts(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A social-media post embedded as text, its parts on lines of their own: the sign-off
    ("— Agency (@handle) August 29, 2025") alone, perhaps under its link line ("(Video:
    ...) pic.twitter.com/..."). The short block right over them is the post's text, not
    the story's (a lead-in ending in ':' stays: it introduces the post)."""
    out = list(shapes)
    for index, paragraph in enumerate(paragraphs):
        text = _plain(paragraph.text)
        if not (_EMBED_SIGNOFF.match(text) and len(_words(text)) <= EMBED_SIGNOFF_WORDS):
            continue
        above = index - 1
        if above > 0 and _bare_link(_plain(paragraphs[above].text)):
            # The post's link on a line of its own: its text is above it when it reads as a
            # post ("#WATCH | ..."); a post of a picture alone has none, and the story's
            # sentence above it stays.
            above -= 1
            if not _POST_MARK.search(paragraphs[above].text):
                continue
        if above < 0:
            continue
        post = shapes[above]
        body = _plain(paragraphs[above].text)
        if post.kind != "bad" and post.words <= EMBED_TEXT_WORDS and not body.endswith(":"):
            out[above] = replace(post, kind="bad", reason=EMBEDDED_TEXT, lead=False)
            if _POST_MARK.search(paragraphs[above].text):
                for line in _parted_post_lines(shapes, paragraphs, above):
                    out[line] = replace(shapes[line], kind="bad", reason=EMBEDDED_TEXT, lead=False)
    return out


def _parted_post_lines(
    shapes: Sequence[Shape], paragraphs: Sequence[Paragraph], last: int
) -> list[int]:
    """The lines over `last`, a post's last line with a hashtag or a handle, that are the
    same post parted by the copy into a paragraph a line: each with a hashtag or a handle
    of its own, no full stop, at most POST_LINE_WORDS words and not telling of a post
    ("..., the ministry tweeted"), up to the post's lead-in ("X wrote:", which stays) or
    the page's top. Lines like that under anything else are the story's (a sentence that
    lost its full stop, "The post drew hundreds of replies using the #X tag"): none go."""
    lines: list[int] = []
    above = last - 1
    while above >= 0:
        shape, body = shapes[above], _plain(paragraphs[above].text)
        if not (
            _POST_MARK.search(body)
            and shape.kind != "bad"
            and not shape.sentence
            and shape.words <= POST_LINE_WORDS
            and not body.endswith(":")
            and not _TELLS_OF_POST.search(body)
        ):
            break
        lines.append(above)
        above -= 1
    if above < 0 or _plain(paragraphs[above].text).endswith(":"):
        return lines
    return []


# A box of other stories below the story, its label alone on a line: "You may also like".
_CARDS_LABEL = _lazy(
    r"^(?:you (?:may|might) also (?:like|enjoy)|recommended(?: for you)?"
    r"|more (?:stories|news)(?: like this)?)\s*:?$",
    re.IGNORECASE,
)
CARD_TEASER = 'a teaser under another story\'s headline, in a box of stories ("You may also like")'
CARD_TEASER_WORDS = 60


def _recommended_cards(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """Under a box label ("You may also like") the page lists other stories as cards: a
    picture's label, a headline, and a summary opening on its own wire dateline
    ("KARACHI: ..."). When everything down to the page's end is such furniture or such a
    summary right under a headline, the summaries are the cards', not the story's; one
    paragraph of another shape below the label (the story going on) keeps them all.
    The label is the first under a paragraph of the story: the box hangs under the story,
    and a label with no story above it (a section's "More news" over a page of briefs)
    heads the page's own stories; later labels of more boxes below are inside the
    furniture the first label's test walks."""
    out = list(shapes)
    label = next(
        (
            i
            for i, p in enumerate(paragraphs)
            if _CARDS_LABEL.match(_plain(p.text)) and any(s.kind == "good" for s in shapes[:i])
        ),
        None,
    )
    if label is None:
        return out
    teasers = [i for i in range(label + 1, len(shapes)) if shapes[i].kind != "bad"]
    if teasers and all(
        i - 1 > label
        and shapes[i - 1].kind == "bad"
        and not shapes[i - 1].sentence
        and shapes[i].words <= CARD_TEASER_WORDS
        and "\n" not in paragraphs[i].text.strip()
        and _dateline(_plain(paragraphs[i].text)) is not None
        for i in teasers
    ):
        for i in teasers:
            out[i] = replace(shapes[i], kind="bad", reason=CARD_TEASER, lead=False)
    return out


def _points_to(text: str) -> bool:
    """`text` is a signpost naming what it points to: it leads into what follows (ends in
    ':') or names it right after the signpost ("Here are live updates ..."), and is no
    sentence of the story ("..., diplomats said", "These are the latest in a string of")."""
    signpost = _SIGNPOST.match(text)
    if signpost is None or _POINTED.search(text) is None or _NOT_SIGNPOST.search(text):
        return False
    return text.endswith(":") or _POINTED_DIRECTLY.match(text, signpost.end()) is not None


def _heading_label(words: Sequence[str]) -> bool:
    """A label's words read as a heading: opening on a word of its own (not "the",
    "among", "according", "in") and not ending on a verb of a lead-in ("include")."""
    return (
        bool(words)
        and words[0] not in STOPWORDS
        and words[0] not in LEAD_IN_OPENERS
        and words[-1] not in LEAD_IN_ENDS
    )


def _signoff_line(text: str) -> bool:
    """The block holds a social-media post's sign-off ("— Name (@handle) May 4, 2023") with
    the post's text around it (its lines joined when the copy was unwrapped)."""
    return _EMBED_SIGNOFF_INSIDE.search(text) is not None


def _under_video_length(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """The block right under a video player's length line ("Duration 7:31") is the video's
    description when it is no full sentence (no sentence end, or no verb: the player's
    blurb, cut off) or when no story paragraph follows it (a label, the page's end). A
    full sentence with the story going on right under it is the story's, maybe its lede."""
    out = list(shapes)
    for index in range(1, len(paragraphs)):
        above = paragraphs[index - 1].text
        if len(above) > VIDEO_LENGTH_CHARS or not _VIDEO_LENGTH.match(_plain(above)):
            continue
        shape = shapes[index]
        if shape.kind == "bad" or shape.words > VIDEO_TEXT_WORDS:
            continue
        text = _plain(paragraphs[index].text)
        told = ends_sentence(text) and (shape.verb or _finite(_words(text.casefold())))
        story_follows = index + 1 < len(shapes) and shapes[index + 1].kind == "good"
        if not (told and story_follows):
            out[index] = replace(shape, kind="bad", reason=VIDEO_TEXT, lead=False, marker=False)
    return out


def _cited_runs(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A reported sentence ending in a link stays only alone: beside another line ending in
    a link it is one of a list of links (related headlines, a run of posts) and goes."""
    out = list(shapes)
    ends = [_link_end(_plain(p.text)) is not None for p in paragraphs]
    for index, shape in enumerate(shapes):
        if shape.cited and (
            (index > 0 and ends[index - 1]) or (index + 1 < len(ends) and ends[index + 1])
        ):
            out[index] = replace(shape, kind="bad", reason=LINK_LINE, cited=False)
    return out


def link_cited(text: str) -> bool:
    """Whether a kept paragraph is a reported sentence with its source's address after it:
    it never leads a section, not even when no paragraph reads as prose."""
    return _link_cited(_plain(text))


def _link_cited(text: str) -> bool:
    """The story's own reported sentence, full stop and all, with the address it cites
    after it ("The minister said talks would resume. https://..."): not a post's text (no
    "@" or "#", no picture link, not opening on a quotation) nor a link line."""
    found = _link_end(text)
    if found is None or _POST_LINK.match(found.group()):
        return False
    told = text[: found.start()].rstrip()
    return (
        _FULL_STOP.search(told) is not None
        and _CITED_NOT.search(told) is None
        and told[:1].isupper()
        and not any(mark in told for mark in "@#")
        and len(_words(told)) >= LINK_CITED_MIN_WORDS
        and _LINK_CITES.search(told) is not None
    )


def _bare_link(text: str) -> bool:
    """A line that is a link and at most a bracketed credit ("(Video: X) pic.twitter.com/..."),
    not a post's text ending in its link."""
    found = _link_end(text)
    rest = re.sub(r"\([^()]*\)", "", text[: found.start()]) if found else text
    return found is not None and not _words(rest)


def _between_counters(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A gallery prints its counter alone ("1 / 4") over each picture's caption: a short
    block between two such counters is a caption, whatever its tense or full stop. Only
    between two (the block under the last counter may be the story's first paragraph)."""
    out = list(shapes)
    alone = [
        shape.reason == GALLERY and len(_words(_plain(paragraph.text))) <= GALLERY_COUNTER_WORDS
        for shape, paragraph in zip(shapes, paragraphs, strict=True)
    ]
    for index in range(1, len(shapes) - 1):
        between = alone[index - 1] and alone[index + 1] and not alone[index]
        if between and shapes[index].words <= CAPTION_WORDS:
            out[index] = replace(shapes[index], kind="bad", reason=GALLERY, lead=False)
    return out


def _adjacent_twins(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A short block printed twice in a row under page furniture (a player's message, a
    credit) is a picture's caption printed as its text and again as its caption: the first
    copy went as a repeat, and the second goes with it. Not a block saying who said what,
    nor one under the story's prose: a scraper's doubled paragraph of the story stays."""
    out = list(shapes)
    for index in range(1, len(shapes) - 1):
        if not shapes[index].reason.startswith("repeats ¶") or shapes[index - 1].kind != "bad":
            continue  # most blocks: no repeat under furniture
        text = _plain(paragraphs[index].text)
        if (
            _plain(paragraphs[index + 1].text) == text
            and shapes[index + 1].kind != "bad"
            and len(_words(text.casefold())) <= PICTURE_CAPTION_WORDS
            and not _SAYS.search(text)
        ):
            out[index + 1] = replace(shapes[index + 1], kind="bad", reason=CAPTION_TWIN, lead=False)
    return out


def _caption_twins(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A block printed twice word for word whose first copy stands over a short credit
    line ("Reuters Archive", "AP Photo") is a caption both times: the first copy went as
    a repeat of the second, and the second goes with it. Only a caption's shape (short,
    no "said", a picture's date or a verb of what a camera sees): a page also prints its
    lede twice around a byline ("By Jane Doe, Reuters"), and that lede stays."""
    out = list(shapes)
    at = {paragraph.number: index for index, paragraph in enumerate(paragraphs)}
    for index in range(len(shapes) - 1):
        reason = shapes[index].reason
        credit = _plain(paragraphs[index + 1].text)
        if not reason.startswith("repeats ¶") or not 0 < len(_words(credit)) <= CREDIT_LINE_WORDS:
            continue
        if not (_AGENCY_WORD.search(credit) or _credit_hint(credit)) or credit.endswith("."):
            continue
        if _BYLINE.match(credit) or shapes[index + 1].reason.startswith(BYLINE):
            continue
        text = _plain(paragraphs[index].text)
        words = _words(text.casefold())
        later = _repeat_of(reason, at)
        if (
            later is None
            or later <= index + 1
            or len(words) > PICTURE_CAPTION_WORDS
            or "said" in words
        ):
            continue
        full = _plain(paragraphs[later].text)
        if full == text:
            if _PICTURE_DATE.search(text) or _picture_verb(words):
                out[later] = replace(shapes[later], kind="bad", reason=CAPTION_TWIN, lead=False)
        elif _caption_grown(words, full):
            out[later] = replace(shapes[later], kind="bad", reason=CAPTION_TWIN, lead=False)
    return out


def _caption_grown(short: Sequence[str], full: str) -> bool:
    """`full` is the caption whose opening the short copy over the credit was (its alt
    text: "The minister speaks to reporters." over "Agency" over "The minister speaks to
    reporters in the capital, May 2, 2024."): the same words first, then where and when,
    with the picture's full date, nobody saying anything, a caption's length."""
    long = _words(full.casefold())
    return (
        len(short) >= 3
        and len(long) > len(short)
        and len(long) <= PICTURE_CAPTION_WORDS
        and long[: len(short)] == list(short)
        and "said" not in long
        and _PICTURE_DATE.search(full) is not None
    )


def _credited_twins(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A block right under its own twin with a short credit added ("... South Korea." over
    "... South Korea. (Network)") is the same caption printed twice: the twin went as a
    repeat, and so does the credited copy."""
    out = list(shapes)
    for index in range(1, len(shapes)):
        above = shapes[index - 1]
        if above.kind != "bad" or not above.reason.startswith("repeats ¶"):
            continue
        twin = _plain(paragraphs[index - 1].text)
        text = _plain(paragraphs[index].text)
        tail = text[len(twin) :].strip()
        # The added words are a credit ("(Network)", "Photo: Agency"), not "..., she said."
        credit = (tail.startswith("(") and tail.endswith(")")) or _captioned(tail)
        if twin and text.startswith(twin) and credit and 0 < len(_words(tail)) <= CREDIT_WORDS:
            out[index] = replace(shapes[index], kind="bad", reason=CREDITED_TWIN, lead=False)
    return out


def _ours(text: str) -> bool:
    """The first person plural ("we", "our", "us"), not the country "US"."""
    return any(w.casefold() in OURS for w in _words(text) if w != "US")


def _spoken(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """In a transcript, from the first prose block a speaker opens ("President of X Jane
    Doe: ...", "MODERATOR: ...", "Minister of X (Ms. Jane Doe): ...") or the first block
    of closed captions (">> ...", "president doe: ...") on, "you" is a speaker's word to the room: prose there
    does not speak to the site's reader (a pitch's short lines still may)."""
    first = next(
        (
            i
            for i, (shape, paragraph) in enumerate(zip(shapes, paragraphs, strict=True))
            if (
                shape.kind == "good"
                and (
                    _SPEAKER.match(paragraph.text)
                    or _NAMED_SPEAKER.match(paragraph.text)
                    or _BRACKETED_SPEAKER.match(paragraph.text)
                )
            )
            # Closed captions mark their speakers in any block, prose or not.
            or _caption_stream(paragraph.text)
            or (": " in paragraph.text and _INLINE_SPEAKER.search(paragraph.text) is not None)
        ),
        None,
    )
    if first is None:
        return list(shapes)
    return [
        replace(shape, reader=False) if i >= first and shape.kind == "good" else shape
        for i, shape in enumerate(shapes)
    ]


def _outlet_voice(shapes: Sequence[Shape]) -> list[Shape]:
    """A block where the outlet speaks of its own work ("we choose not to lock readers out
    of our reporting"), next to a block that speaks to the reader (or to another such
    block that does), is part of the site's pitch: it counts as speaking to the reader.
    Alone (a joint statement's "we", a reporter's "we") it is the story's."""
    out = list(shapes)
    changed = True
    while changed:
        changed = False
        for index, shape in enumerate(out):
            beside = [out[i] for i in (index - 1, index + 1) if 0 <= i < len(out)]
            if shape.voice and not shape.reader and any(other.reader for other in beside):
                out[index] = replace(shape, reader=True)
                changed = True
    return out


def _own_coverage(text: str) -> bool:
    """A live page speaking of its own coverage (`_OWN_COVERAGE`), looked for only where
    one of its words is."""
    folded = text.casefold()
    return any(key in folded for key in _COVERAGE_KEYS) and bool(_OWN_COVERAGE.search(text))


def _caption_stream(text: str) -> bool:
    """A broadcast's closed captions: a second speaker mark (">>") in the block, or the
    words after the first in lower case (a link's arrows open a headline in capitals)."""
    if ">>" not in text:
        return False
    marks = list(_CAPTION_MARK.finditer(text))
    return len(marks) >= 2 or (
        len(marks) == 1 and text[marks[0].end() : marks[0].end() + 1].islower()
    )


def _flagged(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """The shapes with what their neighbours need to know of their text: a clock stamp,
    legal small print, and, right over a quotation nobody is said to say, someone's words
    reported ("He says ..."). Only the few such blocks are copied."""
    out = list(shapes)
    for index, (shape, paragraph) in enumerate(zip(shapes, paragraphs, strict=True)):
        text = _plain(paragraph.text)
        clock = _CLOCK_LINE.match(text) is not None
        legal = _legal(text)
        below = shapes[index + 1] if index + 1 < len(shapes) else None
        # A short full sentence telling what someone said ("Two officials said the talks
        # stalled."): the story's, wherever it sits; a social or credit line says nothing.
        told = shape.kind == "short" and shape.sentence and _SAYS.search(text) is not None
        says = (
            below is not None
            and below.reason.startswith("a quotation")
            and shape.sentence
            and not shape.quotes
            and _SAYS.search(text) is not None
        )
        # A lead-in telling its day or under a wire dateline ("Here are the main points of
        # the agreement signed on Monday:"): the story's, not a box's signpost.
        dated = shape.reason == "leads into a list" and bool(
            _TOLD_DAY.search(text) or _SAYS_WHEN.search(text) or _dateline(text)
        )
        caption = not shape.sentence and _live_caption(text)
        if clock or legal or says or told or dated or caption:
            out[index] = replace(
                shape,
                clock=clock,
                legal=legal,
                says=says,
                reports=told,
                dated_lead_in=dated,
                live_caption=caption,
            )
    return out


def _icon_text(text: str) -> bool:
    """An icon's name and alt text: `_ICON_OPENING`, then a word of the page's controls."""
    opening = _ICON_OPENING.match(text)
    return opening is not None and _ICON_CONTROL.search(text, opening.end()) is not None


def _consent_notice(text: str, terms: int = CONSENT_TERMS) -> bool:
    """A cookie or consent notice: `terms` of `_CONSENT_TERMS` or more, nobody said to say
    it. (The caller asks that it speak to the reader, or sit by a notice that does.)"""
    folded = text.casefold()
    if not any(key in folded for key in _CONSENT_KEYS):
        return False  # most blocks: no regex run
    found = sum(1 for _ in _CONSENT_TERMS.finditer(text))
    return found >= terms and _REPORTED.search(text) is None


def _consent_runs(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A consent notice's other blocks ("Necessary cookies are essential for the website
    to work. These cookies ...") speak of the site, not to "you": beside a notice, with
    its terms and the site or its visitors named, they go with it, however far the run
    goes. A story's paragraph on cookies, told on its day or naming no site, stays."""
    shapes = list(shapes)
    if not any(shape.reason == CONSENT for shape in shapes):
        return shapes  # most pages: nothing to look for
    for order in (range(len(shapes)), range(len(shapes) - 1, -1, -1)):
        for index in order:
            near = (index - 1, index + 1)
            if (
                shapes[index].reason != CONSENT
                and shapes[index].words <= CONSENT_WORDS
                and any(0 <= i < len(shapes) and shapes[i].reason == CONSENT for i in near)
                and _consent_notice(text := _plain(paragraphs[index].text))
                # Of the site, told on no day: a story beside it tells its news.
                and _CONSENT_SITE.search(text) is not None
                and _TOLD_DAY.search(text) is None
            ):
                shapes[index] = replace(shapes[index], kind="bad", reason=CONSENT, lead=False)
    return shapes


def _legal(text: str) -> bool:
    """Legal small print: two of its phrases, or one and the site itself ("this article",
    "our website", "contact us"), and nobody said to say it. A story's "the airline does
    not accept any liability", "the judge said the clause on its website ... does not
    accept any liability" is no small print."""
    folded = text.casefold()
    if not any(key in folded for key in _LEGAL_KEYS):
        return False  # most blocks: no regex run
    found = {m.group(0).casefold() for m in _LEGAL.finditer(text)}
    return (
        len(found) >= 2 or (len(found) == 1 and _SITE_ITSELF.search(text) is not None)
    ) and _REPORTED.search(text) is None


def _small_print(
    shapes: Sequence[Shape], paragraphs: Sequence[Paragraph], sparse_stopwords: float
) -> list[Shape]:
    """A disclaimer or a copyright notice below the story's last paragraph (with only
    furniture and other small print under it) is the site's, not the story's: furniture,
    so the short lines around it go with it. A page with no other prose keeps it. A short
    plain sentence of the story under it ("The company said it would appeal.", not a
    site's name in title case) is the story going on: what is above that is the story's."""

    def story(index: int, shape: Shape) -> bool:
        if shape.legal:
            return False
        return shape.kind == "good" or (
            shape.kind == "short"
            and shape.sentence
            and shape.verb
            and shape.stopwords >= sparse_stopwords
            and not _title_case(_plain(paragraphs[index].text))
        )

    if not any(shape.legal for shape in shapes):
        return list(shapes)  # most pages: nothing to look for
    end = 1 + max((i for i, s in enumerate(shapes) if story(i, s)), default=-1)
    if not end:
        return list(shapes)
    return [
        replace(shape, kind="bad", reason=SMALL_PRINT) if shape.legal and index >= end else shape
        for index, shape in enumerate(shapes)
    ]


def _printed_twice_caption(reason: str, words: int, text: str) -> bool:
    """A block found to be a repeat that has a caption's or a credit's marks ("Picture:
    Jane Doe/AFP", "(AP)"): a caption printed with its alt text, whose reason says only
    that it repeats (other captions say so in their reason)."""
    return (
        reason.startswith("repeats ¶")
        and words <= CAPTION_MARK_WORDS
        and bool(_captioned(text) or _credit_end(text) or _positioned(text))
    )


def _cut_mid_clause(text: str) -> bool:
    """Cut off with an ellipsis right after a comma or a function word ("... of…",
    "... at home,…"): no sentence ends there."""
    body = text.rstrip(" .…\"'’”)]")  # noqa: RUF001
    if body.endswith((",", ";")):
        return True
    words = _words(body.casefold())
    return bool(words) and words[-1] in STOPWORDS


def _teaser_list(shapes: Sequence[Shape], near: _Around) -> set[int]:
    """The indexes of a run of TEASER_RUN or more blocks cut off with an ellipsis, one
    after another, with no prose below them: other stories' teasers under this one (a
    paywall cuts the story once, not block after block)."""
    found: set[int] = set()
    index = 0
    while index < len(shapes):
        end = index
        while end < len(shapes) and shapes[end].reason.startswith("cut off"):
            end += 1
        run = shapes[index:end]
        if (
            len(run) >= TEASER_RUN
            and near.no_good_below[end - 1]
            # Headlines' summaries are cut anywhere, one mid-clause at least; an author's
            # excerpts end their sentences and close the ellipsis with a stop ("….").
            and any(s.midcut for s in run)
            and not any(s.elided for s in run)
        ):
            found.update(range(index, end))
        index = end + 1
    return found


def _restated(
    shapes: Sequence[Shape], tokens: Sequence[list[str]], paragraphs: Sequence[Paragraph]
) -> list[Shape]:
    """Near the top, a short prose block most of whose content words the longer prose
    paragraph under it (past any furniture between them) takes up again is a standfirst (a dek) that the story
    restates: it is marked, so that it does not lead and goes with the header. A
    paragraph under it that opens with a quotation is the source the story's first
    sentence sums up ("the ministry said in a statement"), not a restatement of a dek."""
    out = list(shapes)
    for index in range(min(len(shapes) - 1, HEADER_REACH)):
        # The paragraph under it, past page furniture between them ("Share", a label).
        # (A short line that tells nothing, "Recently Added:", is furniture too.)
        under = next(
            (i for i in range(index + 1, len(shapes)) if not _furniture_between(shapes[i])),
            len(shapes),
        )
        if under == len(shapes):
            continue
        shape, below = shapes[index], shapes[under]
        # A reading-time stamp glued to it ("2 min read 14 Mar 2026, 09:15 AM ISTThe ...")
        # is the page's, not the standfirst's: its words do not count.
        stamp = _GLUED_READ_STAMP.match(_plain(paragraphs[index].text))
        told = tokens[index][len(_words(stamp.group().casefold())) :] if stamp else tokens[index]
        # A summary the page cut off mid-sentence after a full one ("... won a majority.
        # ZANU-PF has 109 seats. More than 58 seats") is a standfirst as much as a whole one.
        cut = not shape.sentence and _INNER_STOP.search(_plain(paragraphs[index].text))
        # Across furniture (a picture, icons, a date), a summary box up to twice a
        # standfirst's length, which the story then repeats nearly word for word.
        longest = STANDFIRST_MAX_WORDS if under == index + 1 else 2 * STANDFIRST_MAX_WORDS
        if (
            shape.kind == "bad"
            or not (shape.sentence or cut)
            or len(told) > longest
            or below.kind != "good"
            or below.words <= len(told)
            or _plain(paragraphs[under].text)[:1] in QUOTE_OPENERS
        ):
            continue
        content = _content_words(told)
        # A one-sentence lede tells its day ("... wrapped up the summit on Tuesday.") and
        # the paragraph under it goes on without telling it again; unless that paragraph
        # restates all the rest of it nearly word for word (a standfirst with its day).
        day = _day_told_once(_plain(paragraphs[index].text), tokens[under])
        if day:
            rest = content - {day}
            if len(rest & set(tokens[under])) < RESTATED_FAR_SHARE * len(rest):
                continue
        # A first sentence opening on someone's full name, which the paragraph under it
        # never names again ("The President of ... also arrived ..."), is the story's lede
        # that paragraph goes on from: a story under a standfirst names its subject anew.
        if _name_dropped_below(_plain(paragraphs[index].text), tokens[under]):
            continue
        # Across furniture, only a standfirst the story repeats nearly word for word.
        share = RESTATED_SHARE if under == index + 1 else RESTATED_FAR_SHARE
        if content and len(content & set(tokens[under])) >= share * len(content):
            out[index] = replace(shape, restated=True)
    return out


def _content_words(tokens: Sequence[str]) -> set[str]:
    """The words a restatement would repeat: no function words, none of two letters."""
    return {w for w in tokens if w not in STOPWORDS and len(w) > 2}


def _name_dropped_below(text: str, below: Sequence[str]) -> bool:
    """The block opens on a person's name after their title ("President Jane Doe, who
    ...") and the paragraph under it has none of the name's words."""
    opening = _OPENING_NAME.match(text)
    if opening is None:
        return False
    names = {w.casefold() for w in opening.group("name").split()}
    return not names & set(below)


def _pronoun_pull_quotes(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """Above the page's first print of its headline, a quotation signed by a bare pronoun
    ("..." she adds.): nobody above it names the speaker, so it is a pull quote lifted
    from the story below, not the story's first paragraph. (With no headline printed
    below it, a first paragraph like it may be a feature's quotation lede: it stays.)"""
    out = list(shapes)
    # The headline printed in the page's header, not again at its foot ("More from ...").
    headline = next((i for i, s in enumerate(shapes[:HEADER_REACH]) if s.headline), 0)
    quotes = []
    for index in range(headline):
        text = _plain(paragraphs[index].text)
        if (
            text[:1] in QUOTE_OPENERS
            and shapes[index].words <= SELF_REFERENCE_WORDS * 2
            and _PRONOUN_SIGNED.search(text)
        ):
            quotes.append(index)
        elif shapes[index].kind == "good":
            # Prose above the headline's print: the story is told above it (the headline
            # printed again at its foot), and its quotations are the story's.
            return out
    for index in quotes:
        out[index] = replace(shapes[index], kind="bad", reason=PRONOUN_PULL_QUOTE, lead=False)
    return out


def _furniture_between(shape: Shape) -> bool:
    """Junk, or a short block with no told sentence (a label, icon text): what parts a
    standfirst from the story it sums up."""
    return shape.kind == "bad" or (
        shape.kind == "short" and shape.words <= LABEL_WORDS and not (shape.sentence and shape.verb)
    )


def _prose_over_one_line(shapes: Sequence[Shape]) -> Iterator[tuple[int, int]]:
    """Each full sentence of prose near the top with one line of furniture under it (a
    byline, a stamp) and prose under that: its index and the prose's. Where a lone lede
    and a standfirst look alike, and the paragraph under the line tells them apart."""
    for index, shape in enumerate(shapes[:HEADER_REACH]):
        under = index + 2
        if (
            shape.kind == "good"
            and shape.sentence
            and shape.verb
            and under < len(shapes)
            and shapes[index + 1].marker
            and shapes[under].kind == "good"
        ):
            yield index, under


def _day_told_once(text: str, below: Sequence[str]) -> str:
    """The day `text` tells it happened on ("tuesday" of "on Tuesday") when the paragraph
    under it (its words `below`) does not tell it again: a lede it goes on from ("" if not)."""
    told = _TOLD_DAY.search(text)
    day = told.group().split()[-1].casefold() if told is not None else ""
    return day if day not in below else ""


def _days_told_once(
    shapes: Sequence[Shape], tokens: Sequence[list[str]], paragraphs: Sequence[Paragraph]
) -> list[Shape]:
    """Marks a full sentence of prose near the top telling its day ("on Friday") over one
    line of furniture (a byline, a stamp) when the prose paragraph under that line does
    not tell the day again: the story going on from its lede (`_day_told_once`)."""
    out = list(shapes)
    for index, under in _prose_over_one_line(shapes):
        if not shapes[index].echo and _day_told_once(_plain(paragraphs[index].text), tokens[under]):
            out[index] = replace(shapes[index], told_once=True)
    return out


def _ledes_gone_on(shapes: Sequence[Shape], tokens: Sequence[list[str]]) -> list[Shape]:
    """Marks a full sentence of prose near the top, a news lede's length (LONE_LEDE_WORDS),
    over one line of furniture (a byline, a stamp) when the prose paragraph under that line
    takes up less than RESTATED_SHARE of its content words. A standfirst is the story told
    short, so the story's first paragraph under the byline tells it again; a lede is not
    told again: the paragraph under the byline goes on from it (its next facts, a quote)."""
    out = list(shapes)
    for index, under in _prose_over_one_line(shapes):
        shape = shapes[index]
        if shape.words < LONE_LEDE_WORDS or shape.restated:
            continue
        content = _content_words(tokens[index])
        if content and len(content & set(tokens[under])) < RESTATED_SHARE * len(content):
            out[index] = replace(shape, goes_on=True)
    return out


def _names_the_credit(
    text: str, paragraphs: Sequence[Paragraph], shapes: Sequence[Shape], index: int
) -> bool:
    """The "Name:" opening `text` is the source the furniture line above credits ("Source:
    http://www.example.com" over "Example: Leaders took part in ..."): a caption under the
    source's label, not a wire dateline's place."""
    if index == 0 or shapes[index - 1].kind != "bad":
        return False
    head = text.split(":", 1)[0].strip().casefold()
    above = _plain(paragraphs[index - 1].text).casefold()
    return ":" in text and head.isalpha() and len(head) >= 3 and head in above


def _unstopped_prose(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A short block with no sentence end that reads as a clause (a verb, function words
    as prose has them, past a headline's length), not a list item, a caption in brackets
    or a cut line, is prose that lost its full stop when it opens the page or follows a
    paragraph of prose: the story's, where a dek or a caption would sit under furniture."""
    out = list(shapes)
    for index, shape in enumerate(shapes):
        text = _plain(paragraphs[index].text)
        # Under a wire dateline a clause opens the story, whatever lies above it.
        dated = (
            shape.kind == "short"
            and not shape.sentence
            and _dateline(text) is not None
            and not _names_the_credit(text, paragraphs, shapes, index)
        )
        # One going on from the story's paragraph above with a connective ("Furthermore,
        # X and Y ... joined the talks") is prose however thick with names it is.
        goes_on = shape.reason == CONNECTIVE_CLAUSE and index > 0 and out[index - 1].kind == "good"
        # A clause of a lede's length ending on someone's quoted words ('..., an event an
        # official called a "big deal"') is a sentence that lost its stop after the quote;
        # as thick with names as a story's first sentence, wherever it sits.
        quoted = text.endswith(_QUOTE_CLOSERS)
        if (
            shape.kind == "short"
            and not shape.sentence
            and shape.verb
            and (
                goes_on
                or (
                    shape.words >= (UNSTOPPED_DATED_WORDS if dated else UNSTOPPED_CLAUSE_WORDS)
                    and shape.stopwords
                    >= (
                        UNSTOPPED_DATED_STOPWORDS if dated or quoted else UNSTOPPED_CLAUSE_STOPWORDS
                    )
                )
            )
            and (
                index == 0
                or out[index - 1].kind == "good"
                or _ATTRIBUTED.search(text)
                or dated
                or quoted
            )
            and not text.startswith(("(", "["))
            and not text.endswith((",", ";", ":"))
            and not paragraphs[index].truncated
            and "\n" not in text
            # Lines parted by bars ("Title | Other story | Another |") are a strip, no clause.
            and " | " not in text
            and not _TABLE_TAIL.search(text)
            and not _LIST_ITEM.match(paragraphs[index].text)
            and not (_captioned(text) or _positioned(text) or _teased(text))
        ):
            told = index > 0 and out[index - 1].kind != "good"
            out[index] = replace(
                shape, kind="good", reason=UNSTOPPED_ATTRIBUTED if told else UNSTOPPED
            )
    return out


def _author_notes(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """Near the top, a paragraph opening on the first name of the byline right above it
    and a verb of who someone is ("Jane is a lecturer ...", "Jane has worked ..."), then
    going on about her or him, is the author's note, not the story's first paragraph."""
    out = list(shapes)
    for index in range(1, min(len(shapes), HEADER_REACH)):
        shape, above = shapes[index], shapes[index - 1]
        text, byline = _plain(paragraphs[index].text), _plain(paragraphs[index - 1].text)
        signed = byline.split()
        signed = signed[1:] if signed[:1] in (["By"], ["by"], ["BY"]) else signed
        name = signed[0] if signed else ""
        if (
            shape.kind == "good"
            and above.marker
            and not above.sentence
            and not (above.headline or above.echo)
            and above.words <= AUTHOR_BYLINE_WORDS
            and name[:1].isupper()
            and name.isalpha()
            and _AUTHOR_NOTE.match(text[len(name) :])
            and text.startswith(name + " ")
            and _THIRD_PERSON.search(text)
        ):
            out[index] = replace(shape, kind="bad", reason=AUTHOR_NOTE)
    return out


def _deks(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """The first prose block (or short full sentence that could lead), right under the
    repeated headline, is a standfirst when it has none of a story's first sentence's
    anchors (`_ANCHOR`: a day, a source, a perfect, a modal, a number; no dateline) and
    a longer paragraph under it starts the story afresh, on a name rather than a
    pronoun or a quotation."""
    out = list(shapes)
    for index in range(1, min(len(shapes), HEADER_REACH)):
        shape = shapes[index]
        if shape.kind == "bad" or (shape.kind == "short" and not shape.lead):
            continue
        text = _plain(paragraphs[index].text)
        below = next((i for i in range(index + 1, len(shapes)) if shapes[i].kind != "bad"), None)
        opener = _words(_BULLET.sub("", paragraphs[below].text).casefold())[:1] if below else []
        # Under a byline or date stamp, the story's first long paragraph telling its day
        # ("... met in Port Louis on Monday ...") under a sentence that tells none ("The
        # deal ends years of overfishing, ministers say."): that sentence is the dek.
        under_byline = (
            shapes[index - 1].marker
            and all(s.kind == "bad" for s in shapes[:index])
            and _TOLD_DAY.search(text) is None
            and _SAYS_WHEN.search(text) is None  # "... opens in Quito today.": the story's
            and _BYLINE_ANCHOR.search(text) is None
            and below is not None
            and _TOLD_DAY.search(_plain(paragraphs[below].text)) is not None
        )
        headed = shapes[index - 1].reason == "repeats the headline" and _ANCHOR.search(text) is None
        if (
            (headed or under_byline)
            and shape.sentence
            and shape.words <= DEK_MAX_WORDS
            and shape.reason != DATELINE_STORY
            and text[:1] not in QUOTE_OPENERS
            and below is not None
            and shapes[below].kind == "good"
            and shapes[below].words >= 1.5 * shape.words
            and not _ANAPHOR.intersection(opener)
            and _PRONOUN_AFTER_PHRASE.match(_plain(paragraphs[below].text)) is None
            # "At the beginning of the meeting, ...": it takes up the event the line above
            # told of, so that line is the story's first, not a dek.
            and _TAKES_UP.match(_plain(paragraphs[below].text)) is None
            # A quotation under it is the source a first sentence sums up.
            and _plain(paragraphs[below].text)[:1] not in QUOTE_OPENERS
        ):
            # Under a byline the sentence may yet be a short first one of the story's: it
            # gives the lede up but stays, in doubt.
            out[index] = replace(shape, dek=True, dek_kept=under_byline and not headed)
        break  # only the first block that could lead
    return out


def _summary_around_headline(
    shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]
) -> list[Shape]:
    """A block printed word for word both above the repeated headline and right under
    it is the page's summary (its social card and its standfirst), not the story: when
    a paragraph follows the lower copy and starts afresh (on a name, not on a pronoun
    or a quotation), both copies are marked as a dek, so that this paragraph leads."""
    out = list(shapes)
    number = {p.number: i for i, p in enumerate(paragraphs)}
    for below in range(2, min(len(shapes), HEADER_REACH)):
        if shapes[below - 1].reason != "repeats the headline":
            continue
        twin = next(
            (
                i
                for i in range(below - 1)
                if _repeat_of(shapes[i].reason, number) == below
                or _repeat_of(shapes[below].reason, number) == i
            ),
            None,
        )
        story = next((i for i in range(below + 1, len(shapes)) if shapes[i].kind != "bad"), None)
        if twin is None or story is None or shapes[story].kind != "good":
            continue
        # The same words twice (a longer paragraph taking a summary up is the story's).
        if _words(paragraphs[twin].text.casefold()) != _words(paragraphs[below].text.casefold()):
            continue
        opener = _words(_plain(paragraphs[story].text).casefold())[:1]
        if _ANAPHOR.intersection(opener) or _plain(paragraphs[story].text)[:1] in QUOTE_OPENERS:
            continue
        for i in (twin, below):
            out[i] = replace(out[i], dek=True, lead=False)
    return out


def _story_copies(
    shapes: Sequence[Shape],
    paragraphs: Sequence[Paragraph],
    lede: int,
    verdicts: list[tuple[bool, str]],
) -> None:
    """A sentence of the story below the lede that a prose summary above it (a standfirst
    made of the story's own sentences, dropped with the header) already holds is the
    story's copy, not a repeat: with its summary gone, it stays. A caption printed
    again under a second picture repeats a caption (no prose), and still goes."""
    number = {p.number: i for i, p in enumerate(paragraphs)}
    for index, shape in enumerate(shapes):
        other = _repeat_of(shape.reason, number)
        if (
            other is not None
            and other < lede < index
            and shapes[other].kind == "good"
            and verdicts[other][0]
            and verdicts[index][0]
            and shape.sentence
        ):
            verdicts[index] = (False, "the story's sentence, also in the summary dropped above")


def _first_prints(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """The headline printed at the top and again lower down (a video's title) is found as
    a repeat of the lower copy: the top one is still the headline's first print, which
    ends the page header, not the lower one under the story's first paragraphs."""
    number = {p.number: i for i, p in enumerate(paragraphs)}
    marked = list(shapes)
    for index, shape in enumerate(shapes):
        other = _repeat_of(shape.reason, number)
        if other is not None and other > index and shapes[other].headline:
            marked[index] = replace(shape, headline=True)
    return marked


def _repeat_of(reason: str, number: dict[int, int]) -> int | None:
    """The index of the paragraph a "repeats ¶N" reason points to, if any."""
    if not reason.startswith("repeats ¶"):
        return None
    digits = reason[len("repeats ¶") :].split(" ", 1)[0]
    return number.get(int(digits)) if digits.isdigit() else None


def _parallel_items(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """Lines alike inside the story are a list scraped without its bullets, not furniture:
    a run of PARALLEL_RUN or more short lines with no clause of their own, most opening
    with the same word ("H.E. Jane Doe, President of ...", one a line, under "attended
    by:"), between prose paragraphs. They become short blocks, judged by their
    neighbours (so kept, in doubt, inside the story). Menus and related headlines open
    with different words; one pass over the page."""
    out = list(shapes)
    goods = [i for i, s in enumerate(shapes) if s.kind == "good"]
    # The story goes on below the list in prose, or in a short full sentence.
    told = [i for i, s in enumerate(shapes) if s.kind != "bad" and s.sentence and s.verb]
    if not goods or not told or told[-1] <= goods[0]:
        return out
    first_good, last_good = goods[0], told[-1]
    index = first_good + 1
    while index < last_good:
        end = index
        while end < last_good and _list_line(shapes[end]):
            end += 1
        run = range(index, end)
        # Under a link label ("Related readings:") lines alike are its links; lines alike
        # that run into furniture (a date stamp, a credit) are the page's section labels.
        if len(run) >= PARALLEL_RUN and not shapes[index - 1].link and shapes[end].kind != "bad":
            # Lead-ins ("Also attending were:") sit among the items, and a live page's entry
            # times ("9.45pm", "9.30pm") run down it one a line: neither is an item.
            # A programme's day ("Wednesday 10th November") heads its items, as a label does.
            items = [
                i
                for i in run
                if not shapes[i].opens_list
                and not shapes[i].clock
                and not _DAY_LABEL.match(_plain(paragraphs[i].text))
            ]
            counts = Counter(w for i in items for w in _first_words(paragraphs[i].text))
            common = max(counts.values(), default=0)
            if common >= PARALLEL_RUN and common >= PARALLEL_SHARE * len(items):
                for i in items:
                    out[i] = replace(shapes[i], kind="short", reason=PARALLEL)
        index = end + 1
    return out


def _list_line(shape: Shape) -> bool:
    """Short, with no clause of its own, and not found to be a credit, a stamp, a link or
    a pattern's match: what an item of a list of names or places looks like."""
    why = shape.reason
    return (
        shape.kind != "good"
        and shape.words <= PARALLEL_MAX_WORDS
        and not (shape.sentence and shape.verb)
        and (shape.kind == "short" or why.startswith(("no sentence", "repeats ¶")))
    )


def _first_words(text: str) -> set[str]:
    """The first few words that are not function words, an initial a word of its own
    ("H. E." and "H.E." both give "h" and "e") and a bullet left out: lines of a list
    share one of them ("H.E." in "H.E. Jane Doe, ..." and in "Ruritania: H.E. ...")."""
    plain = _BULLET.sub("", text).strip()[:60].replace(".", " ").casefold()
    words = [w for w in _WORD.findall(plain) if w not in STOPWORDS]
    return set(words[:PARALLEL_LEAD_WORDS])


def _lone_items(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A single bulleted line with no bulleted block beside it is a paragraph the site
    marked with a dash ("- The council met ..."), not a key-points box: it may lead."""
    out = list(shapes)
    for index, shape in enumerate(shapes):
        text = paragraphs[index].text.strip()
        # Its marker once: the lines of a list are joined into one paragraph with theirs.
        if not shape.bulleted or text.count(f" {text[0]} ") or "\n" in text:
            continue
        beside = [shapes[i] for i in (index - 1, index + 1) if 0 <= i < len(shapes)]
        if not any(other.bulleted for other in beside):
            out[index] = replace(shape, lone_item=True)
    return out


def _over_credits(shapes: Sequence[Shape], paragraphs: Sequence[Paragraph]) -> list[Shape]:
    """A block right over a bare picture credit ("AP Photo / Jane Doe") is that
    picture's caption, however long its list of names, when it has a caption's marks
    ("from left to right") or sits above a story opening under a wire dateline; a short
    one that speaks of the picture ("In the group photo are ...") is one too."""
    out = list(shapes)
    story = next(
        (i for i, s in enumerate(shapes[:HEADER_REACH]) if s.reason == DATELINE_STORY),
        -1,
    )
    for index, (shape, below) in enumerate(itertools.pairwise(shapes)):
        if (
            below.credit
            and shape.kind != "bad"
            and shape.words <= CAPTION_OVER_CREDIT
            and (
                index < story
                or _pictured(_plain(paragraphs[index].text))
                or (shape.words <= CAPTION_WORDS and _PICTURE_WORD.search(paragraphs[index].text))
            )
        ):
            out[index] = replace(
                shape, kind="bad", reason="a caption over its picture credit", lead=False
            )
    return out


def _pictured(text: str) -> bool:
    """A caption's marks ("from left to right", "(Photo: X)", "(L)"), whatever its length."""
    return bool(_captioned(text) or _positioned(text))


def _pitch(shapes: Sequence[Shape], lede: int, verdicts: list[tuple[bool, str]]) -> None:
    """The site's pitch at the very end ("Choose to support us...", "By subscribing,
    you can..."): blocks that speak to the reader below the story, with nothing but
    furniture and short lines below them, go when there are READER_RUN of them, when
    a short one sits over furniture, or when a cluster of furniture (READER_RUN junk
    blocks) parts them from the story; a lone one is kept in doubt. Short lines go with
    them when they sit between two of them or below that furniture. Under a lead-in
    ending in ':' they are the speech or list it introduces, and stay."""
    run: list[int] = []
    index = len(shapes) - 1
    while index > lede:
        shape = shapes[index]
        if not (verdicts[index][0] or shape.reader or shape.kind == "short"):
            break
        run.append(index)
        index -= 1
    readers = [i for i in run if shapes[i].reader]
    if not readers or shapes[min(readers) - 1].opens_list:
        return  # a speech or a list under its lead-in ("He said the following:") is the story
    top = min(readers)
    # An interviewer's question cut from among the answers is no furniture of the site's.
    furniture = [i for i in run if verdicts[i][0] and shapes[i].reason != INTERVIEW_QUESTION]
    furniture_below = any(i > top for i in furniture)
    furniture_above = [i for i in furniture if i < top]
    # A credit line ("via Agency", "Source: Agency") closes the story: below it is the site's.
    credited = any(_credit_line(verdicts[i][1]) for i in furniture_above)
    short_reader = any(shapes[i].kind != "good" for i in readers)
    why = "speaks to the reader below the story: the site's own pitch"
    if not (
        len(readers) >= READER_RUN
        or (short_reader and furniture_below)
        or len(furniture_above) >= READER_RUN
        or credited
    ):
        for i in readers:
            if not verdicts[i][0]:
                verdicts[i] = (False, why + "?")
        return
    floor = min(furniture_above, default=top)  # below it all is the site's, not the story's
    for i in run:
        between = top < i and shapes[i - 1].reader and i + 1 in readers
        if not verdicts[i][0] and (shapes[i].reader or between or i > floor):
            verdicts[i] = (True, why)


def _comments(
    shapes: Sequence[Shape],
    paragraphs: Sequence[Paragraph],
    lede: int,
    verdicts: list[tuple[bool, str]],
) -> None:
    """Below the story, a comments header ("6 Comments") over a commenter's name (a few
    words, no sentence) opens the readers' comments: everything under it goes, the names
    and what the readers wrote. A comment count up in the header is not below the story."""
    for index in range(lede + 1, len(shapes) - 1):
        below = shapes[index + 1]
        if (
            _COMMENTS.match(_plain(paragraphs[index].text))
            and below.words <= COMMENTER_WORDS
            and not below.sentence
        ):
            for under in range(index, len(shapes)):
                if not verdicts[under][0]:
                    verdicts[under] = (True, COMMENTS)
            return


def _unrelated_to(items: Sequence[str], title: str) -> bool:
    """Most of `items` (two in three at least) share no content word with `title`."""
    wanted = set(_words(title.casefold())) - STOPWORDS
    apart = sum(not wanted.intersection(_words(item.casefold())) for item in items)
    return bool(wanted) and 3 * apart >= 2 * len(items)


def _headline_runs(
    shapes: Sequence[Shape],
    paragraphs: Sequence[Paragraph],
    lede: int,
    verdicts: list[tuple[bool, str]],
    title: str = "",
) -> None:
    """Lines with no sentence end, HEADLINE_RUN or more of them (on lines of their own or
    as bullets of one block), between two paragraphs of the story below its lede, with no
    lead-in above them (ending in ':' or in a list's noun, "three demands."): links to
    other stories ("Port city hopes to shed its image as it hosts the summit"). Under a
    lead-in they are the story's own list. A headline seldom asks: among single lines, a
    question may stand in such a run, but a run of mostly questions is the story's (an
    MP's questions, readers' questions). Below the story's last paragraph, a bulleted
    block of FOOT_HEADLINE_RUN or more such lines goes too when most of them share no word
    with the headline: other stories', not the story's own points."""

    def headline(text: str) -> bool:
        low, high = HEADLINE_RUN_WORDS
        return low <= len(_words(text)) <= high and not _SENTENCE_STOP.search(text.rstrip() + " ")

    def story(index: int) -> bool:
        return 0 <= index < len(shapes) and (shapes[index].kind == "good" or shapes[index].lead)

    def listed(index: int) -> bool:
        text = _plain(paragraphs[index].text)
        shape = shapes[index]
        single = shape.kind != "good" and not shape.opens_list and not shape.bulleted
        return single and (headline(text) or shape.query)

    def lead_in(index: int) -> bool:
        words = _words(_plain(paragraphs[index].text).casefold())
        return shapes[index].opens_list or (bool(words) and words[-1] in LIST_NOUNS)

    last_story = max((at for at in range(len(shapes)) if story(at)), default=-1)
    index = lede + 1
    while index < len(shapes):
        above = index - 1
        if not (story(above) and shapes[above].sentence and not lead_in(above)):
            index += 1
            continue
        items = [_plain(p) for p in _POINT_SPLIT.split(paragraphs[index].text) if p.strip()]
        if shapes[index].bulleted and len(items) >= HEADLINE_RUN and story(index + 1):
            if all(headline(item) for item in items):
                verdicts[index] = (True, HEADLINE_RUN_WHY)
            index += 1
            continue
        if (
            shapes[index].bulleted
            and len(items) >= FOOT_HEADLINE_RUN
            and last_story <= index  # nothing of the story below it
            and all(headline(item) for item in items)
            and _unrelated_to(items, title)
        ):
            verdicts[index] = (True, FOOT_HEADLINE_RUN_WHY)
            index += 1
            continue
        end = index
        while end < len(shapes) and listed(end):
            end += 1
        asked = sum(shapes[at].query for at in range(index, end))
        if end - index >= HEADLINE_RUN and 2 * asked <= end - index and story(end):
            for at in range(index, end):
                verdicts[at] = (True, HEADLINE_RUN_WHY)
        index = max(end, index + 1)


def _credit_line(why: str) -> bool:
    """The story's closing credit: who reported it or where the copy came from."""
    return why in (VIA, SOURCE_CREDIT) or why.startswith("a credit line")


def _story(shapes: Sequence[Shape], index: int) -> bool:
    shape = shapes[index]
    if shape.kind == "good":
        return True
    cut = shape.reason.startswith("cut off")
    return cut and index > 0 and shapes[index - 1].kind == "good"


def _item_line(shape: Shape) -> bool:
    """A line with no sentence end: an item of a list scraped without its bullets."""
    return shape.reason.startswith("no sentence") and shape.words <= CAPTION_WORDS


def _unmarked_items(shapes: Sequence[Shape]) -> set[int]:
    """The indexes of list items scraped without their bullets: the first line with no
    sentence under a prose paragraph ending in ':' (`_unmarked_item`), and a run of two
    or more such lines there when the story goes on in prose below them (a list of
    names and titles under "in the presence of:"). One pass over the page."""
    items: set[int] = set()
    index = 0
    while index < len(shapes):
        if not (index and _item_line(shapes[index]) and shapes[index - 1].opens_list):
            index += 1
            continue
        end = index
        while end + 1 < len(shapes) and _item_line(shapes[end + 1]):
            end += 1
        below = shapes[end + 1] if end + 1 < len(shapes) else None
        if _unmarked_item(shapes, index):
            items.add(index)
        prose_below = below is not None and (below.kind == "good" or _clause(below))
        if end > index and prose_below and shapes[index - 1].kind == "good":
            items.update(range(index, end + 1))
        index = end + 1
    return items


def _unmarked_item(shapes: Sequence[Shape], index: int) -> bool:
    """A line with no sentence right under a prose paragraph ending in ':' is the first
    item of its list, scraped without its bullet (not a subhead over more prose)."""
    shape = shapes[index]
    above = shapes[index - 1] if index else None
    below = shapes[index + 1] if index + 1 < len(shapes) else None
    return (
        above is not None
        and above.kind == "good"
        and above.opens_list
        and shape.reason.startswith("no sentence")
        and (below is None or below.kind != "good")
    )


def _lede_index(shapes: Sequence[Shape]) -> int:
    """The first prose paragraph below the page header, or the lead-in above it that
    opens a story told as a list (`_list_opening`)."""
    first = _first_prose(shapes)
    return _list_opening(shapes, first)


def _list_opening(shapes: Sequence[Shape], first: int) -> int:
    """The lead-in over the story's list when the story opens with it, else `first`.

    "Here are the main points of the agreement the nine states signed on Monday:" over
    its points, above the first prose paragraph and under nothing but the header, is the
    story's first sentence: longer than a bare signpost ("Here are the key points:", which
    goes), with a verb, telling its day or under a wire dateline (a key-points box's lead-in
    tells neither), and list items or a point's subhead right under it."""
    limit = min(first, len(shapes), HEADER_REACH)
    for index in range(limit):
        shape = shapes[index]
        if shape.kind == "good":
            return first
        if (
            shape.kind == "short"
            and shape.reason == "leads into a list"
            and shape.words > SIGNPOST_WORDS
            and shape.verb
            and shape.dated_lead_in
            and index + 1 < len(shapes)
            and (shapes[index + 1].bulleted or _subhead_label(shapes[index + 1]))
            and all(s.kind == "short" or _subhead_label(s) for s in shapes[index + 1 : first])
        ):
            return index
    return first


def _subhead_label(shape: Shape) -> bool:
    """A subhead over one of a list's points: a few words with no sentence and no verb,
    ending in a colon or not ("Catch limits", "Foreign fleets:")."""
    return (
        shape.words <= SUBHEAD_LABEL_WORDS
        and not shape.verb
        and not shape.sentence
        and (shape.reason.startswith("no sentence") or shape.reason == "leads into a list")
    )


def _first_prose(shapes: Sequence[Shape]) -> int:
    """The index of the first prose paragraph below the page header (len when none).

    A byline or date stamp near the top ends the header, so a standfirst above
    it is not the lede (with a caption, at most two short blocks: never a story).
    """
    goods = [i for i, s in enumerate(shapes) if s.kind == "good"]
    last_marker = max((i for i, s in enumerate(shapes[:HEADER_REACH]) if s.marker), default=-1)
    # No byline or stamp: the headline printed again (the first time, under furniture at
    # the page's top) ends the header. Printed again under the story's first paragraph,
    # or under a byline, it is a picture's or a video's title, and the header ended above.
    again = next((i for i, s in enumerate(shapes[:HEADER_REACH]) if s.headline), -1)
    if last_marker < 0 < again and _under_banner(shapes[:again]):
        last_marker = again
    above = [i for i in goods if i < last_marker]
    if (
        len(above) > 2
        or any(shapes[i].words > STANDFIRST_MAX_WORDS for i in above)
        or _story_above(shapes, last_marker)
        or any(shapes[i].reason == DATELINE_STORY for i in above)
        or (len(above) == 1 and (shapes[above[0]].told_once or shapes[above[0]].goes_on))
    ):
        # Two paragraphs of running prose above a byline or date stamp are the story's
        # (a standfirst and a caption are thick with names): the stamp sits mid-story.
        # So is one under a wire dateline ("CITY, June 3 (Agency) - ..."): a standfirst
        # never opens on one, the story's first paragraph does. And one telling its day
        # ("... agreed on Friday to ...") whose story under the byline never tells it
        # again is the story's lede: a standfirst's day the story's own lede retells.
        # So is one a lede's length the story under the byline goes on from, not retells.
        last_marker = -1
    elif (
        last_marker >= 0
        and shapes[last_marker].published
        and not all(shapes[i].echo for i in above)
    ):
        # The page's publication stamp ends the header only under a summary restating
        # the headline (a government page's): under the story's first paragraph it is
        # furniture inside the story.
        last_marker = -1
    first = _after_standfirst(
        shapes, next((i for i in goods if i > last_marker), goods[0] if goods else len(shapes))
    )
    # (A page whose furniture runs long, a gallery's captions say, puts its first prose
    # block past the header's reach: with no prose above it, it still opens the page.)
    top = first < HEADER_REACH or not any(i < first for i in goods)
    if top and first < len(shapes) and _not_a_lede(shapes[first]):
        # A key-points box or a site's word to the reader above the story gives way to
        # the first prose paragraph that is neither.
        first = next((i for i in goods if i > first and not _not_a_lede(shapes[i])), first)
        if shapes[first].dek:
            # A dek over a story told in bullet points gives way to the points.
            first = next((i for i in goods if i > first), first)
    if first < HEADER_REACH and first < len(shapes) and shapes[first].verbless:
        # A verbless standfirst gives way to the prose right under it, and so does a
        # verbless line over the headline printed again (a kicker, another post's teaser).
        after = next(
            (
                i
                for i in range(first + 1, len(shapes))
                if shapes[i].kind != "short" and not shapes[i].headline
            ),
            0,
        )
        if after and shapes[after].kind == "good" and not shapes[after].verbless:
            first = after
    # A story opening under a wire dateline just below a short standfirst (its byline a
    # bare name the filter cannot tell from a label) is the lede, not the standfirst.
    # Another story's card between them (its headline in title case) parts two paragraphs
    # of one story, not a standfirst from the story.
    dated = next((i for i in goods if first < i < HEADER_REACH), len(shapes))
    if (
        first < len(shapes)
        # (One opening under its own dateline is the story: the next is its second item.)
        and shapes[first].reason != DATELINE_STORY
        and shapes[first].words <= 2 * STANDFIRST_MAX_WORDS
        and dated < len(shapes)
        and shapes[dated].reason == DATELINE_STORY
        and not any(s.titled for s in shapes[first + 1 : dated])
    ):
        return dated
    if first < len(shapes) and shapes[first].reason == DATELINE_STORY:
        return first  # the story starts under its dateline; a sentence above it is a caption
    if first < len(shapes) and shapes[first].cited:
        # A sentence citing its source's address never leads: with no other prose paragraph,
        # a short full sentence under it opens the story.
        first = next(
            (
                i
                for i in range(first + 1, len(shapes))
                if shapes[i].lead and not shapes[i].query and not _not_a_lede(shapes[i])
            ),
            first,
        )
    # A short full sentence between the header and the first long one opens the story.
    # (A short question there is a subhead over it: "What role did the press play?")
    return next(
        (
            i
            for i in range(last_marker + 1, first)
            if shapes[i].lead and not shapes[i].query and not _not_a_lede(shapes[i])
        ),
        first,
    )


def _under_banner(above: Sequence[Shape]) -> bool:
    """Whether the page opens with a run of lines that are no sentence (a menu, a site's
    banner: BANNER_LINES of them at least) before its first sentence: furniture at the top,
    not a story whose first paragraph a picture's title repeating the headline follows.
    A first sentence under the banner that reads as prose (the story's lede over a video's
    title) opens the story: the copy then ends no header. A banner's own short sentences
    ("Official websites use .rt") come before any prose of its own."""
    first = next((i for i, s in enumerate(above) if s.sentence), len(above))
    prose = first < len(above) and above[first].kind == "good"
    return first >= BANNER_LINES and not prose


def _above_story(shape: Shape) -> str:
    """Why a prose block above the lede is furniture."""
    if shape.bulleted:
        return "a key-points box above the story"
    if shape.reader:
        return "speaks to the reader above the story: the site's own word"
    if shape.restated:
        return RESTATED
    if shape.dek:
        return DEK
    return "a standfirst above the byline or picture"


def _not_a_lede(shape: Shape) -> bool:
    """A bulleted list (a key-points box), words to the reader ("once signed in, you
    can...") or a standfirst the story restates right below it: never the story's
    first paragraph while a plain one follows."""
    return (
        (shape.bulleted and not shape.lone_item)
        or shape.reader
        or shape.restated
        or shape.boxed
        or shape.dek
        or shape.moderator
        or shape.site_talk
        or shape.cited
    )


def _after_standfirst(shapes: Sequence[Shape], first: int) -> int:
    """`first`, or the next prose paragraph when `first` restates the headline and a
    caption or credit follows it: headline, standfirst, picture, then the story."""
    if first >= min(len(shapes), HEADER_REACH):
        return first
    if not shapes[first].echo or shapes[first].goes_on:
        # (A lede a byline parts from the story going on from it shares the headline's
        # words as much as a standfirst does.)
        return _dek_over_picture(shapes, first)
    at = next((i for i in range(first + 1, len(shapes)) if shapes[i].kind != "short"), None)
    below = shapes[at] if at is not None else None
    if below is None or below.kind != "bad" or not _picture(below):
        return first  # a subhead or a link line under it: the story has begun
    if any(s.lead and not s.query for s in shapes[first + 1 : at]):
        # A short full sentence of the story before the picture: the story has begun
        # ("..., a step officials said was overdue." / "The limits take effect in January.").
        return first
    later = (i for i in range(first + 1, HEADER_REACH) if i < len(shapes))
    story = next((i for i in later if shapes[i].kind == "good"), first)
    # Another story's card in between (its headline in title case): one story goes on.
    return first if any(s.titled for s in shapes[first + 1 : story]) else story


def _dek_over_picture(shapes: Sequence[Shape], first: int) -> int:
    """`first`, or the next prose paragraph when `first` is a standfirst's length, right
    under the repeated headline, and only furniture with a picture's caption or credit
    parts it from that paragraph: headline, dek, picture, then the story."""
    above = shapes[first - 1].reason if first else ""
    dated = shapes[first].reason == DATELINE_STORY  # the story opens under its dateline
    if (
        dated
        or shapes[first].words > STANDFIRST_MAX_WORDS
        or not (above == "repeats the headline" or above.startswith("repeats ¶"))
    ):
        return first
    for index in range(first + 1, min(len(shapes), HEADER_REACH)):
        shape = shapes[index]
        if shape.kind == "good":
            between = shapes[first + 1 : index]
            pictured = any(_picture(s) and ("caption" in s.reason or s.captioned) for s in between)
            return index if pictured and all(s.kind == "bad" for s in between) else first
    return first


def _between_markers(shapes: Sequence[Shape], index: int) -> bool:
    """Whether the block is an item of a list whose bullets stand on lines of their own
    ("-", then the item): a marker right above and right below it, and a paragraph of the
    story past one of them. A single rule under a story ("-", "____") still parts it from
    the links below, and a sparse line between rules among furniture stays furniture."""
    if not 2 <= index < len(shapes) - 1:
        return False
    if shapes[index - 1].reason != NO_WORDS or shapes[index + 1].reason != NO_WORDS:
        return False
    past = [shapes[index - 2], *shapes[index + 2 : index + 3]]
    return any(s.kind == "good" for s in past)


def _picture(shape: Shape) -> bool:
    """A caption, a credit, a byline, a stamp or a block printed twice (a caption or pull
    quote): what sits between a standfirst and the story, unlike a subhead."""
    why = shape.reason
    return shape.marker or "caption" in why or "credit" in why or why.startswith("repeats ¶")


@dataclass(frozen=True)
class _Around:
    """What surrounds each block, found in one pass each way (so deciding thousands
    of short blocks costs linear time): the nearest block on each side that is not
    short (or the page's edge), and whether everything below is furniture."""

    before: list[Kind | Literal["edge"]]
    after: list[Kind | Literal["edge"]]
    all_bad_below: list[bool]
    no_good_below: list[bool]


def _around(shapes: Sequence[Shape]) -> _Around:
    """`_Around` for every block of the page."""
    before: list[Kind | Literal["edge"]] = []
    nearest: Kind | Literal["edge"] = "edge"
    for shape in shapes:
        before.append(nearest)
        if shape.kind != "short" and shape.reason not in _POINTERS:
            nearest = shape.kind
    after: list[Kind | Literal["edge"]] = []
    all_bad: list[bool] = []
    no_good: list[bool] = []
    nearest, bad, good = "edge", True, True
    for shape in reversed(shapes):
        after.append(nearest)
        all_bad.append(bad)
        no_good.append(good)
        if shape.reason in _POINTERS:
            # An order over a cut link, or a pointer to the page's player, is no furniture
            # block: what sits under it is judged as if it were not there (a story's
            # short lines are not "below" it).
            continue
        if shape.kind != "short":
            nearest = shape.kind
        bad = bad and shape.kind == "bad"
        good = good and shape.kind != "good"
    return _Around(before, after[::-1], all_bad[::-1], no_good[::-1])


def _short(
    shapes: Sequence[Shape],
    index: int,
    lede: int,
    last_good: int,
    prose_stopwords: float,
    near: _Around,
) -> tuple[bool, str]:
    """A short block: furniture when both neighbours that are not short are, or when
    it sits in the header; kept (in doubt if it looked suspicious) otherwise."""
    shape = shapes[index]
    if shape.reason == FOREIGN:
        return False, FOREIGN  # another language's prose: never dropped for where it sits
    live = _live_furniture(shapes, index)
    if live:
        return live != LIVE_PROSE, live
    if shape.reason == SIGNPOST_SOFT:
        below = shapes[index + 1] if index + 1 < len(shapes) else None
        if below is not None and _heading_or_item(below):
            return True, SIGNPOST + ", over a subhead or a list"
        if index > last_good > -1 and near.no_good_below[index] and _signpost_only(shape):
            # The last words of the page pointing at what the scrape did not keep.
            return True, SIGNPOST + ", at the end with nothing of the story below"
        return False, shape.reason + "?"
    if shape.reason == SPEECH_LEAD_IN:
        if _quotation_below(shapes, index):
            return False, SPEECH_LEAD_IN  # the story's words leading into quotations
        # Over no quotation ("Here's what they said:" / "Advertisement"): what it pointed
        # to was not kept, and it is a bare signpost.
        return True, SIGNPOST + ", over no quotation"
    if shape.reason == ABOUT:
        # Below the story, with no prose under it: the site's box about itself.
        if lede < index and near.no_good_below[index]:
            return True, "the outlet describing itself below the story: an about box"
        return False, ABOUT
    before = near.before[index]
    after = near.after[index]
    # Above the lede a prose block is furniture too (a standfirst, the site's word to
    # the reader), unless it is a key-points box's point, which stays.
    in_header = index < lede < len(shapes) and (
        before != "good" or not any(s.boxed for s in shapes[:index])
    )
    if in_header and (after == "bad" or not shape.sentence or shape.words < 8):
        return True, f"{shape.reason}, above the lede among page furniture"
    if in_header and shapes[lede].reason == DATELINE_STORY:
        return True, f"{shape.reason}, above the story's wire dateline: a caption or standfirst"
    # A sentence is furniture only between real furniture (not the page's edge)
    # and when it is poor in function words, like "Our standards: The Trust Principles."
    sparse = shape.stopwords < prose_stopwords and shape.words >= 4
    around = {before, after}
    # A lone dashed line with no sentence, right between two paragraphs of the story
    # (not under a lead-in), is a subhead the site marked with a dash ("- Trade ties").
    if (
        shape.lone_item
        and not shape.sentence
        and not shape.opens_list
        and shape.words <= SUBHEAD_LABEL_WORDS
        and _between_story_paragraphs(shapes, index)
    ):
        return True, "a lone dashed line between paragraphs: a subhead"
    # One bulleted line with no verb and no sentence, over page furniture, is no list's
    # item: a card's label ("• Jane Doe" over "Host commentator").
    if (
        shape.lone_item
        and not shape.sentence
        and not shape.verb
        and shape.words <= SUBHEAD_LABEL_WORDS
        and index + 1 < len(shapes)
        and shapes[index + 1].kind == "bad"
        and not (index and shapes[index - 1].opens_list)
    ):
        return True, "a lone bulleted line over page furniture: a card's label"
    # A bulleted line inside the story (below the lede, above its last paragraph) is an
    # item of the story's own list, even between two subheads.
    if shape.bulleted and lede < index < last_good and around != {"good"}:
        return False, ""
    furniture = "bad" in around and around <= {"bad", "edge"}  # the page's edge alone is not
    if furniture and _between_markers(shapes, index):
        furniture = False
    # A sentence right under a live page's clock stamp ("19.15 GMT") is that entry's
    # text, however short or bare of function words: the story's.
    if furniture and shape.sentence and index and shapes[index - 1].clock:
        furniture = False
    if furniture and (not shape.sentence or (sparse and around == {"bad"})):
        return True, f"{shape.reason}, between page furniture"
    # A label that leads into nothing but furniture at the bottom ("Comments:"), or into
    # furniture and the site's short lines ("No comments:", "Post a Comment", "Be polite.").
    if (
        shape.reason == "leads into a list"
        and shape.words <= LABEL_WORDS
        and index > lede
        and (
            near.all_bad_below[index]
            or (near.no_good_below[index] and index > last_good and after == "bad")
        )
    ):
        return True, "a label leading into nothing below the story"
    # The page's last block a label with no verb of its own ("The stakes for the region:"):
    # a subhead whose section the copy does not have. A lead-in with a verb ("He listed
    # the demands:") is the story's sentence, kept; so is one going on after a comma
    # ("The result, according to officials:"): no subhead is worded so.
    if (
        shape.reason == "leads into a list"
        and index == len(shapes) - 1
        and index > lede
        and shape.words <= SUBHEAD_LABEL_WORDS
        and not shape.verb
        and not shape.quotes
        and not shape.clause
    ):
        return True, "a label ending the page with nothing below it: a subhead"
    # A label over prose ("Trade:", "Full text of the joint statement:"), with no verb of
    # its own, is a subhead or a pointer to the text.
    if (
        shape.reason == "leads into a list"
        and shape.words <= SUBHEAD_LABEL_WORDS
        and not shape.verb
        and index + 1 < len(shapes)
        and shapes[index + 1].kind == "good"
    ):
        return True, "a label over a paragraph: a subhead"
    # Inside the story, a label with no verb that reads as a heading (not "The agreements
    # include:", "According to the statement:", "Among those present:") is a subhead over
    # its list or lines of dialogue ("Schedule for the second day:", "Double act:").
    if (
        shape.reason == "leads into a list"
        and shape.words <= SUBHEAD_LABEL_WORDS
        and not shape.verb
        and not shape.quotes
        and shape.heading_label
        and lede < index < last_good
        # A label over a quotation leads into someone's words ("X's verdict on the deal:").
        and not shapes[index + 1].quoted
    ):
        return True, "a label inside the story, over its list or lines: a subhead"
    # A few words without a full stop at the bottom, under the story: a call, a link
    # or a list of tags.
    if (
        shape.reason in ("a few words without a full stop", "a numbered heading?")
        and index > last_good > -1
        and near.no_good_below[index]
    ):
        return True, "a few words without a full stop below the story: a call or a link"
    # Below the story, after furniture: a short sentence there is a social or credit line.
    # (A block as long as a paragraph there is a quotation under its speaker's name.)
    if (
        lede < last_good < index
        and before == "bad"
        and around <= {"bad", "edge"}
        and shape.words <= SOCIAL_MAX_WORDS
    ):
        if _clause(shape) and _under_subhead(shapes, index):
            # A full clause right under a subhead is that subhead's paragraph (a live
            # blog's last entry), not a social line: kept, in doubt.
            return False, "a short sentence under a subhead at the end: the story's?"
        if _clause(shape) and (shape.quotes or shape.reports):
            # Someone's words reported in a full sentence ('X praised the "commitment"
            # ...', "Two officials said the talks stalled."): the story going on under the
            # pictures, not a social or credit line.
            return False, "a short sentence quoting someone below the pictures: the story's?"
        if _clause(shape) and (_clause_run(shapes, index) >= STORY_RUN or _under_ad(shapes, index)):
            # Two or more of the story's short sentences in a row under one block of
            # furniture ("Advertisement", a share bar, a caption between paragraphs), or
            # one under an ad slot (which a page sets inside its story, never under it):
            # the story goes on below it, one sentence a paragraph as wire copy is
            # written; a social or credit line stands alone under the story's end.
            return False, "short sentences going on below the furniture: the story's?"
        if _plain_prose(shape):
            # A sentence of ordinary prose (long, thick with function words, no credit,
            # no call to the reader) is the story's last sentence under one line of
            # furniture ("Print", a share bar, "Also read: ..."), not a social or credit
            # line: never dropped for where it sits, kept in doubt.
            return False, PROSE_BELOW
        if _clause(shape) and _after_one_video_call(shapes, index):
            # The story's last sentence under one call to watch its video ("Watch the
            # video above ..." over "Russia denied the allegation on Monday."): the
            # story goes on, there is no furniture below it.
            return False, ""
        return True, f"{shape.reason}, in the furniture below the story"
    # A line in the site's emphasis marks with no sentence ("** Press release **"), right
    # between two paragraphs of the story: a subhead, as one in a Markdown heading.
    if (
        shape.reason == EMPHASISED
        and lede < index
        and near.before[index] == "good"
        and near.after[index] == "good"
    ):
        return True, EMPHASISED_SUBHEAD
    # A clause with no sentence end right over a paragraph, under a paragraph or
    # furniture, is a subhead ("Fishing quotas are also on the table"); at the end
    # of the story, over a list or among lines of dialogue it is the story's own. One as
    # long as a sentence of the story is the story's, cut short by the page: kept in doubt.
    if (
        shape.reason == CLAUSE
        and shape.words <= SUBHEAD_CLAUSE_WORDS
        and 0 < index < len(shapes) - 1
        and (
            shapes[index - 1].kind != "short"
            # A short one right under a short full sentence of the story (below
            # the lede) and over a paragraph: a subhead between two paragraphs.
            or (
                _clause(shapes[index - 1])
                and shape.words <= SUBHEAD_LABEL_WORDS
                and lede < index - 1
            )
        )
        and shapes[index + 1].kind == "good"
    ):
        return True, "a line with no sentence end over a paragraph: a subhead"
    # A question in title case right over a paragraph is a subhead ("Why It Matters?"),
    # and so is a short one in the story opening on a question word ("What does the
    # deal mean for farmers?"), not under a lead-in; "But what emerged?" goes on. Under a
    # title-case one a short full sentence of names is the answer ("WHO WILL ATTEND?").
    if (
        shape.asks
        and index + 1 < len(shapes)
        and (shapes[index + 1].kind == "good" or _clause(shapes[index + 1]))
    ):
        return True, "a question in title case over a paragraph: a subhead"
    if (
        shape.query
        and 0 < index < len(shapes) - 1
        and index != lede
        and (shapes[index + 1].kind == "good" or shapes[index + 1].lead)
        and not shapes[index - 1].opens_list
    ):
        return True, "a short question over a paragraph: a subhead"
    if shape.reason == "a numbered heading?" and around == {"good"}:
        return True, "a numbered heading between paragraphs"
    # A numbered line with no verb and no sentence end right between two paragraphs of
    # the story, however it is cased ("2. The regional trade pact"): a heading of a
    # numbered run of sections, not an item of a list (whose items sit together).
    if (
        shape.reason == "a list item"
        and not shape.bulleted
        and not shape.lone_item
        and not shape.sentence
        and not shape.verb
        and shape.words <= SUBHEAD_LABEL_WORDS
        and _between_story_paragraphs(shapes, index)
    ):
        return True, "a numbered heading between paragraphs"
    if shape.reason.startswith("cut off") and index < lede and not _own_summary(shapes, index):
        return True, "a teaser cut off with an ellipsis, above the story"
    # Below the story with nothing of it further down, a cut-off block under furniture
    # (another post's headline, "Popular posts") or a few words with no verb or in
    # title case ("Related Posts Plugin for ...") is another page's teaser; the story's
    # own last paragraph cut by a paywall follows its prose and tells something.
    if (
        shape.reason.startswith("cut off")
        and lede < index
        and last_good > -1
        and near.no_good_below[index]
        and not shape.elided  # "... in the province….": an author's excerpt
        and (
            (index > last_good and before == "bad")
            or ((not shape.verb or shape.titled) and shape.words <= SIGNPOST_WORDS)
        )
    ):
        return True, "a teaser cut off with an ellipsis, below the story"
    if shape.reason.startswith("a quotation") and (
        index < lede or (after == "bad" and not _goes_on(shapes, index))
    ):
        return True, shape.reason.rstrip("?")
    suspicious = shape.reason not in ("short", "a list item", "leads into a list")
    return False, shape.reason if suspicious else ""


def _live_furniture(shapes: Sequence[Shape], index: int) -> str:
    """Why a line with no sentence end is a live page's furniture, or ''.

    On a page whose entries open on a time stamp of their own ("11:08"), LIVE_STAMPS of
    them at least, the line right under a stamp is the entry's title ("Prime Minister
    thanks the Queen"), and a line over a stamp, under the previous entry's prose, is that
    entry's picture caption ("Jane Doe speaks at the opening in the ballroom"). A line
    that ends a sentence stays, and so does a quotation or a long block."""
    shape = shapes[index]
    if shape.sentence or shape.quotes or shape.words > LIVE_LINE_WORDS:
        return ""
    if sum(s.clock for s in shapes) < LIVE_STAMPS:
        return ""
    if index > 0 and shapes[index - 1].clock:
        return "under a live page's time stamp, no sentence: the entry's title"
    if (
        index + 1 < len(shapes)
        and shapes[index + 1].clock
        and index > 0
        and shapes[index - 1].kind == "good"
        and shape.words >= CLAUSE_WORDS
    ):
        if not shape.live_caption:
            return LIVE_PROSE  # the entry's prose cut from its full stop? Kept, in doubt
        return "over a live page's time stamp, no sentence: the entry's picture caption"
    return ""


# What a picture of a live page shows, in the present tense: who arrives, greets,
# speaks, holds talks or poses, or who stands where.
LIVE_CAPTION_VERBS = PICTURE_VERBS | frozenset(
    "arrive arrives speak speaks meet meets hold holds sign signs attend attends leave "  # noqa: SIM905
    "leaves visit visits gather gathers march marches address addresses sit sits stand "
    "stands watch watches look looks lay lays receive receives welcome welcomes".split()
)
# A told sentence's words: reporting, a modal or an auxiliary, a "that" clause, or a
# past tense a camera never shows ("worked", "met", "told").
_TOLD_WORDS = FINITE_VERBS | frozenset(
    "that told tells reported reports announced announces according expected added "  # noqa: SIM905
    "met went took gave held spoke left came made led won saw shook began".split()
)
_PLACE_WORDS = frozenset("at in outside inside during before after on".split())  # noqa: SIM905


def _live_caption(text: str) -> bool:
    """A line over a live page's time stamp has a caption's shape: a present-tense verb
    of what a picture shows ("The host greets the president at the door"), or a person
    at a place with no verb ("Jane Doe at the opening in the ballroom"); and no word of a
    told sentence (a reporting verb, a modal, "that", a past tense). Any other such line
    ("Delegates ... are expected to elect ...", "Before his appointment he worked as a
    lawyer") may be the entry's prose, cut from its full stop: it is kept, in doubt."""
    # In lower case, or opening the line: "may" is a modal, "May" a name.
    told = [w.casefold() if i == 0 else w for i, w in enumerate(_words(text))]
    if any(w in _TOLD_WORDS for w in told):
        return False
    words = [w.casefold() for w in told]
    # A past tense in "-ed", not an adjective after a determiner ("the assembled
    # leaders") nor the line's first word ("Masked protesters march ...").
    if any(
        i and len(w) > 4 and w.endswith("ed") and words[i - 1] not in DETERMINERS
        for i, w in enumerate(words)
    ):
        return False
    if _picture_verb(words) or any(w in LIVE_CAPTION_VERBS for w in words[1:]):
        return True
    return not _has_verb(words) and any(w in _PLACE_WORDS for w in words)


def _own_summary(shapes: Sequence[Shape], index: int) -> bool:
    """A page with no story but this cut-off copy under the page's own headline, and no
    link under it: the story's summary, all the page has of it (not a teaser card under
    another story's headline on a search or tag page)."""
    below = shapes[index + 1] if index + 1 < len(shapes) else None
    return (
        not any(s.kind == "good" for s in shapes)
        and any(_headline_printed(s) for s in shapes[:index])
        and not (below is not None and below.link)
    )


def _headline_printed(shape: Shape) -> bool:
    """The page's headline over its copy: found as the headline, or, printed twice, as
    a short line with no sentence that repeats the other print (a page's title and
    its heading)."""
    return shape.reason == HEADLINE_AGAIN or (
        shape.reason.startswith("repeats ¶")
        and not shape.sentence
        and shape.words <= _HEADLINE_MAX_WORDS
    )


def _signpost_only(shape: Shape) -> bool:
    """A signpost short enough to say nothing of its own ("Here's a recap of the
    earlier summits."), with no quotation in it."""
    return shape.words <= SIGNPOST_WORDS and not shape.quotes and shape.points


def _heading_or_item(shape: Shape) -> bool:
    """A subhead, a numbered heading or a list item: what a signpost points to."""
    why = shape.reason
    heading = why.startswith("no sentence") or why in ("a numbered heading?", "a list item")
    return (heading and not shape.sentence) or (shape.bulleted and not shape.lone_item)


def _between_story_paragraphs(shapes: Sequence[Shape], index: int) -> bool:
    """Whether the block sits right between two paragraphs of the story, not under a
    lead-in: where a short line can only be a subhead, not an item of a list."""
    return (
        0 < index < len(shapes) - 1
        and shapes[index - 1].kind == "good"
        and not shapes[index - 1].opens_list
        and shapes[index + 1].kind == "good"
    )


def _after_one_video_call(shapes: Sequence[Shape], index: int) -> bool:
    """The block right above is a single call to watch the story's video, right under
    the story's prose."""
    calls = (f"pattern {VIDEO_CALL!r}", f"pattern {PLAY_CALL!r}")
    return index >= 2 and shapes[index - 1].reason in calls and shapes[index - 2].kind == "good"


def _clause(shape: Shape) -> bool:
    """A short full sentence with a verb, not spoken to the reader: the story's own."""
    return (
        shape.kind == "short"
        and shape.sentence
        and shape.verb
        and shape.words >= CLAUSE_WORDS
        and not shape.reader
        and not shape.reason.startswith("cut off")  # a teaser cut off is no full sentence
    )


def _story_above(shapes: Sequence[Shape], marker: int) -> bool:
    """Whether the paragraphs above a byline or date stamp are the story's: two or more
    full sentences with verbs (long ones, or short ones of plain prose), as thick with
    function words, on average, as running text. A standfirst and a caption under it
    are thick with names (the story's lede may be too: the paragraph under it is not)."""
    prose = [s for s in shapes[: max(marker, 0)] if s.kind == "good" or _plain_prose(s)]
    return (
        len(prose) >= STORY_ABOVE_MARKER
        and all(s.verb and s.sentence for s in prose)
        and sum(s.stopwords for s in prose) / len(prose) >= PROSE_SENTENCE_STOPWORDS
    )


def _plain_prose(shape: Shape) -> bool:
    """A full sentence of ordinary prose: long enough, as thick with function words as
    running text, not spoken to the reader, in the outlet's voice, a credit or a quote
    of someone's post. Page furniture is never worded so; where it sits decides nothing."""
    return (
        _clause(shape)
        and shape.words >= PROSE_SENTENCE_WORDS
        and shape.stopwords >= PROSE_SENTENCE_STOPWORDS
        and not shape.voice
        and not shape.credit
        and not shape.marker
    )


def _under_ad(shapes: Sequence[Shape], index: int) -> bool:
    """Right under an ad slot ("Advertisement"), or under the story's short sentences
    right under one."""
    above = index - 1
    while above >= 0 and _clause(shapes[above]):
        above -= 1
    return above >= 0 and shapes[above].ad


def _clause_run(shapes: Sequence[Shape], index: int) -> int:
    """How many of the story's short sentences (`_clause`) stand in a row with this one,
    with nothing between them; not counting one spoken to the reader or in the outlet's
    voice ("we", "our"), a credit's or a social line's. None under a date stamp or a
    byline (a marker): below one, short lines are the page's log or credits."""

    def plain(shape: Shape) -> bool:
        return _clause(shape) and not shape.voice and not shape.credit

    if not plain(shapes[index]):
        return 0
    start = index
    while start > 0 and plain(shapes[start - 1]):
        start -= 1
    if start and shapes[start - 1].marker:
        return 0  # under the page's date stamp or byline: its change log, its credits
    end = index
    while end + 1 < len(shapes) and plain(shapes[end + 1]):
        end += 1
    return end - start + 1


def _under_subhead(shapes: Sequence[Shape], index: int) -> bool:
    """Under a heading-shaped line (or a run of a live page's entry stamps), itself right
    under a paragraph or a short full sentence of the story, with nothing between but
    other short full sentences (an entry of a few of them)."""
    above = index - 1
    while above > 0 and _clause(shapes[above]):
        above -= 1
    # A live page's entry stamps one a line ("8.57pm", "8.55pm": an entry with no text
    # left in the scrape) head the entry under the last of them.
    while above > 1 and shapes[above].clock and shapes[above - 1].clock:
        above -= 1
    heading = shapes[above] if above >= 1 else None
    return (
        heading is not None
        and (
            heading.reason.startswith("no sentence")
            # A subhead whose words the paragraph under it takes up ("Trade with Chile"
            # over "...the trade agreement with Chile...") was found as its repeat.
            or (
                heading.reason.startswith("repeats ¶")
                and not heading.sentence
                and heading.words <= SUBHEAD_LABEL_WORDS
            )
        )
        and (shapes[above - 1].kind == "good" or _clause(shapes[above - 1]))
    )


def _goes_on(shapes: Sequence[Shape], index: int) -> bool:
    """The block right above is a sentence of the story quoting someone or reporting
    what someone says: a quotation under it goes on from that speaker. Or a paragraph of the story ending in ':'
    introduces it, right above or above the speaker's name line. A quotation running over
    several paragraphs opens each of them with a quotation mark again: one right under
    another goes on from the speaker the first goes on from."""
    first = index
    while first and shapes[first - 1].reason.startswith("a quotation"):
        first -= 1
    # Only from a speaker's line right above the first: under a sentence that names nobody
    # speaking, the first is a pull quote, and the next is judged on its own, in doubt.
    if first < index and first and _speaker(shapes[first - 1]):
        return True
    above = shapes[index - 1] if index else None
    if above is not None and _speaker(above):
        return True
    if _under_speech_lead_in(shapes, index):
        return True
    for back in (1, 2):
        lead_in = shapes[index - back] if index >= back else None
        if lead_in is not None and lead_in.kind != "bad" and lead_in.opens_list:
            return True
        if lead_in is None or lead_in.kind != "bad" or lead_in.words > LABEL_WORDS * 2:
            return False
    return False


def _quotation_below(shapes: Sequence[Shape], index: int) -> bool:
    """Under a lead-in to what people said, a quotation past at most SPEECH_NAMES name
    lines (a few words, no sentence)."""
    for below in shapes[index + 1 : index + 2 + SPEECH_NAMES]:
        if below.quotes or below.reason.startswith("a quotation"):
            return True
        if not (below.kind == "bad" and not below.sentence and below.words <= LABEL_WORDS):
            return False
    return False


def _under_speech_lead_in(shapes: Sequence[Shape], index: int) -> bool:
    """Under a lead-in to what people said, past only their name lines and their other
    quotations: one of the quotations the lead-in introduces."""
    for above in range(index - 1, max(index - SPEECH_RUN, 0) - 1, -1):
        shape = shapes[above]
        if shape.reason == SPEECH_LEAD_IN:
            return True
        name_line = shape.kind == "bad" and not shape.sentence and shape.words <= LABEL_WORDS
        if not (name_line or shape.reason.startswith("a quotation")):
            return False
    return False


def _speaker(shape: Shape) -> bool:
    """A sentence of the story quoting someone or reporting what someone says."""
    return shape.sentence and shape.kind != "bad" and (shape.quotes or shape.says)


def _headline_like(text: str) -> bool:
    """Short, with no sentence ending: a headline in a list of links."""
    stripped = text.strip().lstrip("-*• ").strip()
    return len(stripped.split()) <= _HEADLINE_MAX_WORDS and not stripped.endswith(
        (".", "!", "?", '"', "\u201d")
    )
