"""Which language imported copy is in, cheaply, so `import` can propose `language:`.

An article in another language than the site's needs `language:` (its page's
`lang`, its feed entries', the junk filter's reading), and an editor importing
French wire copy into an English site rarely thinks of it. Two cheap signs
suffice for a proposal the editor checks: the share of a language's function
words among the words (the same kind of list the junk filter reads English by),
and for scripts that belong to one language, the letters themselves. No guess
is made on thin evidence: a short text, or one no list clearly wins, gets none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_site.content.junk import STOPWORDS

# Function words, each list of one language (words shared by several are in each).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": STOPWORDS,
    **{
        code: frozenset(words.split())
        for code, words in {
            "es": """el la los las del de que y en un una por con para se es al lo como más
            pero sus su le les ha han este esta entre sobre también fue son muy sin hasta
            desde donde cuando todo ya dijo según tras ante""",
            "fr": """le la les des du de et est une un dans pas qui sur au aux avec ce il elle
            ont été sont que pour par se ne plus mais ses son leur cette ces selon lors entre
            comme aussi après où très l d qu n s""",
            "de": """der die das und ist nicht mit von zu zum zur dem den ein eine einen auf für
            über sich im des wird auch nach bei aus wie oder noch nur sie er es hat haben sind
            war dass werden wurde am vor""",
            "it": """il lo la gli le di della dei delle che non per una un sono nel nella alla è
            e con del ha anche come più ma si da al dal tra questo essere stato l""",
            "pt": """o os a as um uma não com ao da do dos das em mais na no nos pelo pela que
            para por se é e foi são seu sua também como mas entre disse à às ainda já até
            após ou pelos pelas nesta neste nessa isso essa esse está estão foram tem têm
            muito quando onde segundo seus suas além""",
            "nl": """de het een en niet op te voor zijn met ook van in is dat die er aan bij om
            naar uit heeft worden werd door maar nog over""",
            "sk": """v na o z s k sa je aj sú ako ktorý ktorá ktoré pre pri že do od po
            ale tak už aby by bol bola boli som""",
            "cs": """v na o z s k se je i jsou jako který která které pro při že do od po
            ale tak už aby by byl byla byli jsem""",
            "pl": """w na o z k się jest i są jak który która które dla przy że do od po
            ale tak już aby był była byli nie to""",
            "ru": """и в не на что с по как это он она к из у за от так для о же но его ее её
            был была были также который которые после""",  # noqa: RUF001 (Cyrillic)
        }.items()
    },
}
# Neighbours of the listed languages, never proposed (their lists are too rough, and
# their own neighbours too close): copy that reads most like one of them is left
# alone, where it would otherwise pass for its neighbour (Danish for English,
# Afrikaans for Dutch, Catalan for Spanish or French).
_NEIGHBOURS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "da": """og i at det en den til er som på de med han af for ikke der var mig sig men
        et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller
        hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter
        ned skulle denne end dette mit også under have dig anden hende mine alt meget sit
        sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer
        sådan sagde""",
        "sv": """och i att det som en på är av för med till den har de inte om ett han men
        var jag sig från vi så kan man när år säger hon under också efter eller nu sin där
        vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här då sedan
        över bara in blir upp även vad få två vill ha många hur mer går sina""",
        "nb": """og i jeg det at en et den til er som på de med han av ikke der så var meg
        seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp
        man kan hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn
        når være kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si
        sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme""",
        "af": """die en van in is het nie op te vir met wat sy hy ook was word deur na uit
        maar nog oor ons hulle dit 'n aan by om sal kan al sou moet dat toe daar hierdie
        volgens sedert""",
        "ca": """el la els les de del dels que i en un una per amb és al als com més però
        seu seva seus seves li ha han aquest aquesta entre sobre també va ser són molt
        sense fins des on quan tot ja segons després davant""",
        "ro": """și în de la a cu pe din care nu se un o că este sunt mai fost au pentru
        din ca sau dar ale lui lor fi fără după către între acest această""",
    }.items()
}
# Cyrillic is written for many languages; Russian's alphabet is 33 letters. A Cyrillic
# letter outside them (Ukrainian, Belarusian, Serbian, Macedonian, Kazakh letters) says
# the copy is not Russian; and Bulgarian has Russian's letters but for the two (U+044B,
# U+044D) that Russian copy of any length has.
_CYRILLIC = re.compile("[\u0400-\u052f]")
_NOT_RUSSIAN = re.compile("[^\u0410-\u044f\u0401\u0451]")
_ONLY_RUSSIAN = re.compile("[\u044b\u044d\u042b\u042d]")
_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "ja": "Japanese", "ko": "Korean",
    "zh": "Chinese", "el": "Greek", "he": "Hebrew", "sk": "Slovak", "cs": "Czech",
    "pl": "Polish",
}  # fmt: skip
# Scripts written for one language (among those a news site is likely to get); Han
# letters are Chinese unless kana (Japanese) are among them.
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")

MIN_WORDS = 30  # fewer words say too little to guess from
MIN_SHARE = 0.08  # of the words, the winning language's own function words
MARGIN = 3.0  # the winner's share over the runner-up's
MIN_LETTERS = 40  # letters of a one-language script, when at least half of all letters
MIN_KANA = 10
MIN_COVER = 0.2  # of the words, the winner's function words (its own and shared)
_BY_SCRIPT = {"ja", "zh", *(code for code, _ in _SCRIPTS)}


def _own_words() -> dict[str, frozenset[str]]:
    """Each list without the words another list has too (`de`, `la`, `a`, `in`): only
    a language's own words tell it from its neighbours."""
    return {
        code: listed.difference(*(other for c, other in _FUNCTION_WORDS.items() if c != code))
        for code, listed in _FUNCTION_WORDS.items()
    }


_OWN_WORDS = _own_words()


def _by_script(text: str) -> str:
    """The language a one-language script says, when most of the letters are in it."""
    half = len(_LETTER.findall(text)) / 2
    kana, han = len(_KANA.findall(text)), len(_HAN.findall(text))
    if kana >= MIN_KANA and kana + han >= max(MIN_LETTERS, half):
        return "ja"
    if han >= max(MIN_LETTERS, half):
        return "zh"
    for code, script in _SCRIPTS:
        if len(script.findall(text)) >= max(MIN_LETTERS, half):
            return code
    return ""


def guess_language(texts: Sequence[str], limit: int = 3000) -> str:
    """The language code `texts` are clearly written in, or "" when not clear."""
    text = "\n".join(texts)[: limit * 8]
    scripted = _by_script(text)
    if scripted:
        return scripted
    words = [w.casefold() for w in _WORD.findall(text)[:limit]]
    if len(words) < MIN_WORDS:
        return ""
    shares = sorted(
        (sum(map(own.__contains__, words)) / len(words), code) for code, own in _OWN_WORDS.items()
    )
    (second, _), (best, code) = shares[-2], shares[-1]
    if best < MIN_SHARE or best < MARGIN * second:
        return ""
    cover = sum(map(_FUNCTION_WORDS[code].__contains__, words))
    if cover < MIN_COVER * len(words):
        return ""  # a few of its words, but not its grammar: a language not listed
    if any(sum(map(near.__contains__, words)) >= cover for near in _NEIGHBOURS.values()):
        return ""  # reads as much like a neighbour: Danish, not English
    if code == "ru" and not _reads_as_russian(text):
        return ""
    if code != "ru" and len(_CYRILLIC.findall(text)) > len(_LETTER.findall(text)) / 2:
        return ""
    return code


def _reads_as_russian(text: str) -> bool:
    """Whether Cyrillic copy is in Russian's own alphabet, with the letters that tell
    it from Bulgarian; Ukrainian, Belarusian, Serbian and the rest have letters it has not."""
    return bool(_ONLY_RUSSIAN.search(text)) and not _NOT_RUSSIAN.search(
        "".join(_CYRILLIC.findall(text))
    )


def language_name(code: str) -> str:
    """The English name of a code `guess_language` gives."""
    return _NAMES.get(code, code)


def other_language(texts: Sequence[str], site_language: str) -> str:
    """The language `texts` are clearly in when it is not the site's, else "".

    A site in a language the guesser has no list or script for (Ukrainian, Danish)
    gets nothing: its own copy would read as a neighbour's (Russian, English)."""
    site = site_language.casefold().split("-")[0]
    if site not in _FUNCTION_WORDS and site not in _BY_SCRIPT:
        return ""
    found = guess_language(texts)
    return found if found and found != site else ""
