"""The report's summary, computed once when the report is finished (``Checker``); every renderer only formats it.

``summarise(report)`` reads the finished report's records and findings and returns a ``Summary``: counts by
severity, the check-worthy claims and how many are attributed, the anonymous share of the sources, loaded-language
density (LNG findings per 1,000 words), the most serious findings, the notices in brief, the "who is quoted" rows and
the claims list. ``finding_order`` is the order findings are listed in: severity first, then position.

"Who is quoted" shows real sources only, and each speaker once. It starts from the sources analyzer's ``Source``
records and goes no further than the records go (the analyzer decides who speaks; this decides what a reader sees):

- kinds a reader uses: person, organisation, role (role words and no name), anonymous. A record the analyzer could
  not type ("unknown": "the ad", "everyone", a misparse) or a group the named-entity layer calls a nationality or
  party ("Americans said") is no source to count: it goes to ``other_attributions``, where it is still shown.
- a record typed as an organisation or left unknown whose name is a person in the report's entities or a named
  source's surname ("Machado said" where "Alicia Machado" is a PERSON) is a person, unless the text calls the
  organisation what it is ("Freshway, the country's largest grocery chain").
- records that name one person are one row: the same name; a surname and the one full name that ends with it
  ("Clinton" and "Hillary Clinton", unless "Bill Clinton" is also there); a full name with words in front ("Republican
  Donald Trump" and "Donald Trump"). The row keeps the full name and adds up mentions and quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import urlsplit

from .analyzers.sources import HONORIFICS, TITLE_ABBREVIATIONS
from .analyzers.sources import lexicon as source_lexicon
from .errors import lookup
from .model import (
    ClaimLine,
    Finding,
    Notice,
    QuotedSource,
    ReaderKind,
    Report,
    Source,
    Span,
    Summary,
    severity_rank,
)
from .nlp.blockquotes import paragraph_at

MOST_SERIOUS = 3
_KINDS: dict[str, ReaderKind] = {
    "named_person": "person",
    "named_organisation": "organisation",
    "role_only": "role",
    "anonymous": "anonymous",
    "unknown": "other",
}
_LEAD = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


def finding_order(f: Finding) -> tuple[int, int, int, str]:
    """Most severe first, then in reading order."""
    return (-severity_rank(f.severity), f.span.start, f.span.end, f.code)


# Notes on what the page leaves out (no byline, no date): worth a line in the findings, never among the most serious,
# where they would push out what the text itself gets wrong.
PAGE_NOTES = frozenset({"HYG001", "HYG002"})


def _seriousness(item: tuple[int, Finding]) -> tuple[int, float, int]:
    index, f = item
    return (-severity_rank(f.severity), -f.confidence, index)


# Why the reports leave a rule finding out by default, and how the "not shown" line counts it.
_HIDDEN_REASONS = {
    "learned": "{n} learned finding{s} below the operating point",
    "quoted": "{n} loaded-language finding{s} on a quoted source's own words",
    "style": "{n} label{s} some outlets use as a neutral term ('regime')",
    "opinion": "{n} finding{s} on news conventions in a piece that reads as opinion",
    "satire": "{n} finding{s} on the invented sources and claims of a piece labelled satire",
}


# Rules that judge a piece by the conventions of news, which opinion does not follow: one source for the whole piece
# (a column's source is its writer), a question headline the body argues about rather than answers, a headline
# quoting the columnist's own words, a loaded word or an unbounded superlative (judging is the genre), a guess
# written as reporting (it is the writer's argument). Name-calling, figures, dates, contradictions, broken text,
# anonymous sources and claims stated as fact stay: they matter in any genre. LNG014 (the writer's own verdict
# written as reporting) is the genre itself in a column.
OPINION_CONVENTIONS = frozenset({"SRC003", "SRC005", "HED002", "HED005", "LNG002", "LNG013", "LNG014"})
# The unnamed sources (insiders, interviews, studies: round 9; reports: session 23) that a news report owes its reader
# and an opinion piece, whose writer is the source, does not.
OPINION_SOURCE_PATTERNS = frozenset({"unnamed-insider", "unnamed-interviews", "unnamed-study", "unnamed-report"})
# A piece its outlet labels satire invents its sources, quotes and claims: naming the unnamed 'sources close to ...',
# the vague 'experts said' or an unsourced claim checks nothing. Numbers, dates and broken text are told as anywhere.
SATIRE_INVENTIONS = frozenset({"SRC001", "SRC002", "SRC003", "SRC004", "SRC005", "SRC006"})
# The learned techniques that are judgement in the writer's voice (the genre), not an attack or a fallacy.
OPINION_TECHNIQUES = frozenset({"Loaded_Language", "Exaggeration,Minimisation"})


def _hidden_because(f: Finding, opinion: bool, satire: bool = False) -> str | None:
    """Why a finding is not shown by default, or None: a rule finding for ``_rule_hidden_because``'s reasons; a
    learned loaded-language or exaggeration span in a piece that reads as opinion."""
    if f.learned:
        return "opinion" if opinion and f.evidence.get("technique") in OPINION_TECHNIQUES else None
    return _rule_hidden_because(f, opinion) or ("satire" if satire and f.code in SATIRE_INVENTIONS else None)


def _rule_hidden_because(f: Finding, opinion: bool) -> str | None:
    """Why a rule finding is not shown by default, or None: loaded language in a quoted or attributed source's own
    words ("the White House called the inquiry a sham": it describes the source, not the article); a label that is
    a neutral term in some outlets' style ("regime": whether it is loaded depends on the outlet, which one article
    cannot show); a finding on a news convention (``OPINION_CONVENTIONS``) in a piece that reads as opinion."""
    if f.learned:
        return None
    if f.code.startswith("LNG") and f.evidence.get("in_quote"):
        return "quoted"
    if f.code.startswith("LNG") and f.evidence.get("house_style"):
        return "style"
    if opinion and f.code in ("SRC001", "SRC002") and f.evidence.get("pattern") in OPINION_SOURCE_PATTERNS:
        return "opinion"  # a columnist's 'one party leader told me', 'studies show': the genre's looser sourcing
    if opinion and f.code in OPINION_CONVENTIONS and f.evidence.get("pattern") != "insult-evaluation":
        return "opinion"  # an insult aimed at a person ('the mayor's brainless plan') is name-calling in any genre
    return None


# Where pages say a piece is opinion: a URL path segment, a section label in the title, a category.
OPINION_SEGMENTS = frozenset(
    {"opinion", "opinions", "commentisfree", "editorial", "editorials", "op-ed", "op-eds", "oped", "columnists"}
)
_OPINION_TITLE = re.compile(r"(?:^|\|\s*|:\s*)(?:opinion|editorial|op-ed|comment)\s*(?:$|\||:)", re.IGNORECASE)


def is_opinion(article) -> bool:
    """Whether the page labels the piece as opinion: '/opinion/' or '/commentisfree/' in its URL, '| Editorial' or
    'Opinion:' in its title, an 'Opinion' category. Loaded words are the genre there, not a finding on reporting."""
    if OPINION_SEGMENTS & set(urlsplit((article.url or "").lower()).path.split("/")):
        return True
    if _OPINION_TITLE.search(article.title or ""):
        return True
    categories = article.meta.get("categories") or []
    return any(str(c).strip().lower() in ("opinion", "editorial", "editorials", "op-ed") for c in categories)


def reads_as_satire(report: Report) -> bool:
    """Whether the piece is labelled satire (the genre check's form 'satire': 'SATIRE' heading the piece)."""
    return any(g.form == "satire" for g in report.genre or [])


def reads_as_opinion(report: Report) -> bool:
    """Whether the piece is opinion: the page says so (``is_opinion``) or the genre check read it as opinion."""
    genre = report.genre[0] if report.genre else None
    return is_opinion(report.article) or (genre is not None and genre.kind == "opinion")


def genre_line(report: Report) -> str | None:
    """One line for a piece that reads as opinion or analysis: the genre and its cues ('opinion (op-ed): the last
    paragraph is the author's bio; ...'); None for news."""
    genre = report.genre[0] if report.genre else None
    if genre is None or genre.kind == "news":
        if is_opinion(report.article):
            return "opinion: the page files it as opinion (URL, title or category)"
        return None
    kind = f"{genre.kind} ({genre.form})" if genre.form else genre.kind
    return f"{kind}: " + "; ".join(c.note for c in genre.cues) if genre.cues else kind


def mark_shown(findings: list[Finding], *, show_all: bool = False, opinion: bool = False, satire: bool = False) -> None:
    """Decide, once for every renderer, which findings the text and HTML reports show: every finding but those
    ``_hidden_because`` names (``opinion``: the piece reads as opinion, see ``reads_as_opinion``; a learned finding
    below its operating point (``evidence["show_at"]``, the probability from which the model reaches precision 0.8
    on data it was tuned on; None: no such point, never shown by default). ``show_all`` (``--all``) shows
    everything. ``satire``: the piece is labelled satire (``reads_as_satire``), its sources are invented. The JSON
    keeps every finding, each with its ``shown`` flag."""
    for f in findings:
        if show_all:
            f.shown = True
        elif _hidden_because(f, opinion, satire) is not None:
            f.shown = False
        elif not f.learned:
            f.shown = True
        else:
            show_at = f.evidence.get("show_at")
            f.shown = show_at is not None and f.confidence >= show_at


def _why_hidden(f: Finding) -> str:
    """The reason a hidden finding was left out: a learned one below its operating point, else the reason
    ``_hidden_because`` gives (a hidden finding with no other reason was hidden as opinion)."""
    show_at = f.evidence.get("show_at")
    if f.learned and (show_at is None or f.confidence < show_at):
        return "learned"
    reason = _rule_hidden_because(f, opinion=False)
    if reason is None and f.code in SATIRE_INVENTIONS and _rule_hidden_because(f, opinion=True) is None:
        return "satire"  # hidden, and opinion would not have hidden it: the piece is labelled satire
    return reason or "opinion"


def hidden_note(findings: list[Finding]) -> str | None:
    """One line for the text and HTML reports on what ``mark_shown`` left out, by reason; None when nothing was."""
    reasons = Counter(_why_hidden(f) for f in findings if not f.shown)
    parts = [
        told.format(n=reasons[reason], s="s" if reasons[reason] != 1 else "")
        for reason, told in _HIDDEN_REASONS.items()
        if reasons[reason]
    ]
    if not parts:
        return None
    told = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return told + " not shown (--all shows them; the JSON has them)"


def summarise(report: Report) -> Summary:
    """The summary of what the report shows (findings hidden by ``mark_shown`` are only counted in ``hidden``)."""
    findings = [f for f in report.findings if f.shown]
    words = len(report.article.text.split())
    by_severity = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    loaded = sum(f.code.startswith("LNG") for f in findings)
    quoted, other = who_is_quoted(report)
    anonymous = sum(row.kind == "anonymous" for row in quoted)
    claim_list = claim_lines(report, quoted, other)
    attributed = sum(line.sourced for line in claim_list)
    return Summary(
        words=words,
        findings=len(findings),
        errors=by_severity["error"],
        warnings=by_severity["warning"],
        infos=by_severity["info"],
        claims=len(claim_list),
        claims_attributed=attributed,
        claims_unsourced=len(claim_list) - attributed,
        sources=len(quoted),
        anonymous_sources=anonymous,
        anonymous_share=round(anonymous / len(quoted), 3) if quoted else None,
        loaded_language=loaded,
        loaded_language_per_1000_words=round(1000 * loaded / words, 2) if words else 0.0,
        most_serious=[
            i
            for i, _ in sorted(
                ((i, f) for i, f in enumerate(report.findings) if f.shown and f.code not in PAGE_NOTES),
                key=_seriousness,
            )
        ][:MOST_SERIOUS],
        notes=[brief(n) for n in report.notices],
        who_is_quoted=quoted,
        other_attributions=other,
        claim_list=claim_list,
        genre=genre_line(report),
        hidden=len(report.findings) - len(findings),
    )


def brief(notice: Notice) -> Notice:
    """A notice as the one line of notes says it: the catalogue's brief form, else its message without the code."""
    try:
        short = lookup(notice.code).brief
    except KeyError:
        short = None
    message = short or notice.message.removeprefix(f"{notice.code}: ")
    return Notice(notice.code, message)


# -- who is quoted ------------------------------------------------------------------------------------------------
def _tokens(name: str) -> list[str]:
    """'The Joint Command' -> ['joint', 'command']; "Lopez's" -> ['lopez']."""
    return _POSSESSIVE.sub("", _LEAD.sub("", " ".join(name.split()))).lower().split()


def _surname(name: str) -> str | None:
    """The one capitalised word a surname-only mention is ("Machado"), or None."""
    words = name.split()
    if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper():
        return words[0].lower()
    return None


def who_is_quoted(report: Report) -> tuple[list[QuotedSource], list[QuotedSource]]:
    """(rows of real sources, other attributions), each speaker once, most mentioned first."""
    sources: list[Source] = list(report.sources)
    if not sources:
        return [], []
    # Full names (two to four words) of people, as written: PERSON entities and named sources.
    full_names: dict[tuple[str, ...], str] = {}
    entity_people = [e.span.text for e in report.entities if e.label == "PERSON"]
    person_entities = {tuple(_tokens(text)) for text in entity_people}
    for text in entity_people + [s.name for s in sources if s.kind == "named_person"]:
        words = _tokens(text)
        if 2 <= len(words) <= 4:
            full_names.setdefault(tuple(words), _POSSESSIVE.sub("", " ".join(_LEAD.sub("", text).split())))
    groups = [e.span for e in report.entities if e.label == "NORP"]
    kinds = {s.id: _reader_kind(s, full_names, groups) for s in sources}

    # Merge the records that name one person (union-find over source ids).
    parent = {s.id: s.id for s in sources}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(keep: int, other: int) -> None:
        a, b = find(keep), find(other)
        if a != b:
            parent[b] = a

    same: dict[tuple[str, ...], int] = {}
    for s in sources:
        key = (kinds[s.id] if kinds[s.id] != "person" else "person", *_tokens(s.name))
        if kinds[s.id] in ("person", "organisation", "other") and key in same:
            union(same[key], s.id)
        else:
            same.setdefault(key, s.id)
    bodies = [s for s in sources if kinds[s.id] == "organisation"]
    for s in bodies:  # 'CDC' and 'the Centers for Disease Control and Prevention': one body
        if _ACRONYM.fullmatch(s.name):
            spelled = {find(b.id) for b in bodies if b is not s and _spells_out(s.name, b.name)}
            if len(spelled) == 1:
                union(spelled.pop(), s.id)
    people = [s for s in sources if kinds[s.id] == "person"]
    full = [s for s in people if len(_tokens(s.name)) >= 2]
    for s in people:
        words = _tokens(s.name)
        if len(words) == 1:
            owners = _owners(words[0], full, find)
            if len(owners) == 1:
                union(owners.pop(), s.id)
            continue
        shorter = [f for f in full if f is not s and 2 <= len(_tokens(f.name)) < len(words)]
        tails = {find(f.id) for f in shorter if words[-len(_tokens(f.name)) :] == _tokens(f.name)}
        if len(tails) == 1:
            union(tails.pop(), s.id)

    groups_of: dict[int, list[Source]] = {}
    for s in sources:
        groups_of.setdefault(find(s.id), []).append(s)
    quotes_of: dict[int, list[int]] = {}
    for i, q in enumerate(report.quotes):
        if q.source_id is not None and q.source_id in parent:
            quotes_of.setdefault(find(q.source_id), []).append(i)
    rows = [
        _row(members, kinds, quotes_of.get(root, []), full_names, person_entities)
        for root, members in groups_of.items()
    ]
    rows.sort(key=lambda r: (-r.mentions, r.first.start))
    # 'the fund wanted a stake', 'the senator endorsed Clinton': a speaker whose every attribution is an act on a
    # thing (Quote.act) took a stance but told the reader nothing; it is no row of who is quoted
    rows = [r for r in rows if not r.quotes or not all(report.quotes[i].act for i in r.quotes)]
    return [r for r in rows if r.kind != "other"], [r for r in rows if r.kind == "other"]


_ACRONYM = re.compile(r"[A-Z]{3,6}")


def _spells_out(acronym: str, name: str) -> bool:
    """'Centers for Disease Control and Prevention' for 'CDC' (its capitalised words' initials begin with the
    acronym's letters), 'the Food and Drug Administration' for 'FDA'."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() != "the")
    return len(initials) >= len(acronym) and initials.startswith(acronym)


def _owners(word: str, full: list[Source], find: Callable[[int], int]) -> set[int]:
    """The people (merged row roots) a one-word name stands for: those whose full name ends with it ("Okafor" for
    Chinedu Okafor); when none does, those whose full name begins with it, as a family name written first does
    ("Nguyen" for Nguyen Thi Lan, "Park" for Park Ji-hoon) and as a feature's first-name mention does."""
    last = {find(f.id) for f in full if _tokens(f.name)[-1] == word}
    return last or {find(f.id) for f in full if _tokens(f.name)[0] == word}


def _reader_kind(source: Source, full_names: dict[tuple[str, ...], str], groups: list[Span]) -> ReaderKind:
    kind = _KINDS.get(source.kind, "other")
    if kind not in ("organisation", "other"):
        return kind
    described = _tokens(source.description or "")
    if kind == "organisation" and described and described[-1] in source_lexicon().org_nouns:
        return kind  # 'Freshway, the country's largest grocery chain': the text says what it is, whatever the NER says
    words = _tokens(source.name)
    surname = _surname(source.name)
    if (len(words) >= 2 and tuple(words) in full_names) or (
        surname is not None and any(n[-1] == surname for n in full_names)
    ):
        return "person"  # a full name the entities call a person, or the surname of one ("Machado said")
    if any(m.start <= g.start and g.end <= m.end and _tokens(g.text) == words for m in source.mentions for g in groups):
        return "other"  # "Americans said", "Republicans said": a group of people, not a source to count
    return kind


def _row(
    members: list[Source],
    kinds: dict[int, ReaderKind],
    quotes: list[int],
    full_names: dict[tuple[str, ...], str],
    people: set[tuple[str, ...]],
) -> QuotedSource:
    members = sorted(members, key=lambda s: s.id)
    order = ("person", "anonymous", "role", "organisation", "other")
    kind = min((kinds[s.id] for s in members), key=order.index)
    typed = [s for s in members if kinds[s.id] == kind]
    name = " ".join(_name(typed, kind, full_names, people).split())
    mentions = [m for s in members for m in s.mentions]
    first = min(mentions, key=lambda m: m.start) if mentions else Span(0, 0, "")
    description = next((s.description for s in typed if s.description and s.description != s.name), None)
    count = next((s.count for s in typed if s.count), None)
    return QuotedSource(
        name=name,
        kind=kind,
        sources=[s.id for s in members],
        mentions=len(mentions),
        quotes=sorted(quotes),
        first=first,
        description=" ".join(description.split()) if description else None,
        count=count,
    )


def _without_titles(name: str) -> str:
    """A person's name without the titles the NER took into it: 'Councillor Owen Reilly' -> 'Owen Reilly'."""
    words = name.split()
    titles = source_lexicon().role_nouns | HONORIFICS | TITLE_ABBREVIATIONS.keys()
    while len(words) > 2 and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def _name(
    typed: list[Source], kind: ReaderKind, full_names: dict[tuple[str, ...], str], people: set[tuple[str, ...]]
) -> str:
    """The name a row goes by. A person: the longest of its names the entities call a person ("María José Fernández
    Ruiz", whose family name "Fernández Ruiz" is two words), else the full name the others end with ("Donald Trump"
    for "Republican Donald Trump" and "Trump"); for a one-word name alone, the one full name in the article that
    ends with it ("Machado" -> "Alicia Machado"; not one that begins with it: the NER's "Obama Says" of a headline
    is no name); anything else: the name of its first mention."""
    if kind != "person":
        return typed[0].name
    names = [s.name for s in typed]
    full = [n for n in names if len(_tokens(n)) >= 2]
    entity_names = [_without_titles(n) for n in full if tuple(_tokens(n)) in people]
    if entity_names:
        return max(entity_names, key=lambda n: len(_tokens(n)))
    if full:

        def ends(longer: str, shorter: str) -> bool:
            a, b = _tokens(longer), _tokens(shorter)
            return a[-len(b) :] == b

        return max(full, key=lambda n: (sum(ends(other, n) for other in full), -len(_tokens(n))))
    word = _tokens(names[0])[-1:]
    matches = [text for words, text in full_names.items() if list(words[-1:]) == word]
    return matches[0] if len(matches) == 1 else names[0]


# A word of saying in a paragraph: someone there speaks, even when the parse found no attribution ('As the columnist
# notes, "..."'), so a quotation in it is not the previous paragraph's speaker running on.
_SPEECH_WORD = re.compile(
    r"\b(?:says?|said|notes?|noted|writes?|wrote|tells?|told|add(?:s|ed)?|argues?|argued|explains?|explained"
    r"|according to|recalls?|recalled|insists?|insisted|observes?|observed|put it)\b",
    re.IGNORECASE,
)


# -- claims -------------------------------------------------------------------------------------------------------
def claim_lines(report: Report, quoted: list[QuotedSource], other: list[QuotedSource]) -> list[ClaimLine]:
    """The check-worthy claims, most check-worthy first (reading order among equals), with who they rest on.

    A claim is sourced when the claims analyzer tied it to a source, and also when an attribution with a speaker
    covers it although no source record was made of the speaker ('"...," she said' with nobody named before): its
    content or cue is in the claim, or the claim is a quotation standing in a paragraph whose quotation is
    attributed (or, in a paragraph with no attribution, that follows one: news copy runs a speaker's quotation on
    into the next paragraph). The row named is that attribution's source, when it has one. An attribution of an act
    ('endorsed Donald Trump in 2015': ``Quote.act``) sources nothing: the claim is that the act happened."""
    row_of = {sid: row for row in (*quoted, *other) for sid in row.sources}
    text = report.article.text
    spoken = [q for q in report.quotes if q.speaker is not None and not q.act]  # an act sources no claim

    def resting_on(span: Span) -> list:
        found = [
            q
            for q in spoken
            if q.content.overlaps(span) or (q.continuation and q.continuation.overlaps(span)) or span.contains(q.cue)
        ]
        if found or not text[span.start : span.start + 2].startswith(("“", '"', "''", "‘")):
            return found
        start, end = paragraph_at(text, span.start)
        here = [q for q in spoken if start <= q.cue.start < end]
        if not here and start > 0 and not _SPEECH_WORD.search(text, start, end):
            # the paragraph before, when this one has no word of saying at all: its last speaker runs on
            earlier = paragraph_at(text, max(start - 2, 0))[0]
            return [q for q in spoken if earlier <= q.cue.start < start][-1:]
        before = [q for q in here if q.cue.start < span.start]
        return before[-1:] or here[:1]

    lines = []
    for i, claim in enumerate(report.claims):
        source_id = claim.source_id
        quotes = [] if source_id is not None else resting_on(claim.span)
        if quotes:
            source_id = next((q.source_id for q in quotes if q.source_id is not None), None)
        row = row_of.get(source_id) if source_id is not None else None
        lines.append(
            ClaimLine(
                claim=i,
                checkworthiness=claim.checkworthiness or 0.0,
                sourced=claim.source_id is not None or bool(quotes),
                by=row.name if row else None,
                by_kind=row.kind if row else None,
            )
        )
    lines.sort(key=lambda line: (-line.checkworthiness, report.claims[line.claim].span.start))
    return lines
