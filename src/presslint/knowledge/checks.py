"""Knowledge checks (KB001-KB007): what the article says about linked people, offices, events, organisations and
places, compared with Wikidata statements in the local store.

Every check reads only confident links (see ``linker.Linker``), bails out when the text or the data is unclear, and
puts the QIDs, property ids, dates and labels it compared into the finding's evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from ..errors import E, PresslintError
from ..model import Finding, Severity, Span
from ..rules import Rule
from .keys import block_key, fold, name_key, skeleton
from .linker import (
    Link,
    Linker,
    Linking,
    first_date,
    held_at,
    is_country,
    is_human,
    iso_interval,
    item_values,
    position_matches,
    referenced,
    statement_period,
    values_at,
)
from .wikidata import EntityRecord

RULES = [
    Rule(
        "KB001",
        "misspelled-name",
        "warning",
        "knowledge",
        "A person's name is spelled differently from every name Wikidata records for the person it refers to.",
        "The mention is linked to a Wikidata person only through a fuzzy name key (its spelling matches none of the "
        "person's labels or aliases), with confidence: context (the office, the organisation or other people in the "
        "article), or a close full name. It fires on a first name that is not the person's or a nickname of it, "
        "or, for citizens of countries whose official languages are written in Latin script (P27 -> P37 -> P282), "
        "a surname spelled another way (Khan for Kahn). Transliteration variants of names from other scripts "
        "(Kadhimi/Kazemi) are not flagged.",
        "Apple's chief executive, Tom Cook, presented the new phone.",
    ),
    Rule(
        "KB002",
        "role-not-held",
        "warning",
        "knowledge",
        "A person is given an office they did not hold at the article's date, or that someone else held then.",
        "Compares 'Prime Minister X' / 'X, the head of Y' with the person's 'position held' (P39) statements and "
        "their start and end dates (P580/P582), and with the other holders of that position. 'Former', 'then' and "
        "sentences dated inside the term are not flagged.",
        "Prime Minister Boris Johnson said on Monday ... (published March 2023)",
    ),
    Rule(
        "KB003",
        "event-date-mismatch",
        "error",
        "knowledge",
        "A date in the text contradicts the date Wikidata gives for the event it refers to.",
        "An event the article names ('the assassination of X', 'the invasion of Y') is linked to a Wikidata event "
        "with a point in time (P585) or start time (P580). The finding fires when a date attached to the event "
        "does not overlap it, or when something dated in the sentence 'followed' the event but is dated before it.",
        "The treaty was signed in 1990, following the 1994 war.",
    ),
    Rule(
        "KB004",
        "organisation-misidentified",
        "error",
        "knowledge",
        "An organisation or mission is placed in a country, or given a leader, that Wikidata contradicts.",
        "A linked mission, force or coalition (its Wikidata country P17 / location P276 is known) is said to be 'in' "
        "another country, or is called '<X>-led' when its parent organisation (P749) is another body. The evidence "
        "also gives its dissolution date (P576) when it has one.",
        "The NATO-led Kosovo Force (KFOR) patrols in Bosnia.",
    ),
    Rule(
        "KB005",
        "organisation-name-garbled",
        "warning",
        "knowledge",
        "The long form written next to an acronym is not a name of the organisation the acronym stands for.",
        "'ACRONYM (Long Name)' or 'Long Name (ACRONYM)': the acronym links to a Wikidata organisation through its "
        "short name (P1813) or aliases, but the long form matches none of its names, nor any other organisation "
        "with that acronym.",
        "NATO (North American Trade Organisation) said ...",
    ),
    Rule(
        "KB006",
        "dead-person-acting",
        "warning",
        "knowledge",
        "A person who died before the article's date is described as speaking or acting now.",
        "The person is linked to a Wikidata item with a date of death (P570) before the publication date, and is the "
        "subject of a present-tense verb of speaking or deciding ('says', 'plans', 'warns'). 'The late X' is not "
        "flagged.",
        "David Bowie says the new album is his best. (published 2021)",
    ),
    Rule(
        "KB007",
        "place-wrong-country",
        "warning",
        "knowledge",
        "A place is said to be in a country other than the one Wikidata gives for it.",
        "'X in <country>' or 'X, <country>': X is linked to a place whose country (P17) is another, and no place of "
        "that name in the store lies in the country named.",
        "Lyon, Belgium hosted the summit.",
    ),
]

PERSON = frozenset({"PERSON"})
ORGS = frozenset({"ORG", "FAC", "NORP", "GPE", "LOC"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
LATIN_SCRIPT = "Q8229"  # Latin script: the writing system (P282) of the official languages (P37) of a country
PAST_MODIFIERS = frozenset(["former", "then", "ex", "late", "onetime", "one-time", "erstwhile", "previous", "outgoing"])
ACTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "insist",
        "argue",
        "claim",
        "warn",
        "announce",
        "plan",
        "deny",
        "vow",
        "intend",
        "urge",
        "demand",
        "promise",
        "reject",
        "accuse",
        "confirm",
        "admit",
        "want",
        "hope",
        "believe",
        "think",
        "call",
        "order",
        "lead",
        "command",
        "add",
        "explain",
        "expect",
        "predict",
    ]
)
# Event words (lemmas of nouns and verbs) -> words a Wikidata event's name uses for that kind of event.
EVENT_WORDS: dict[str, tuple[str, ...]] = {}
for _names, _lemmas in (
    (
        ("assassination", "killing", "death", "murder", "strike", "execution"),
        "assassination assassinate killing kill death murder murdering execution execute",
    ),
    (("vote", "resolution", "referendum"), "vote voting resolution referendum"),
    (("invasion", "war", "offensive", "occupation"), "invasion invade war offensive occupation"),
    (("election",), "election elect"),
    (("treaty", "agreement", "accord", "deal"), "treaty agreement accord deal signing sign"),
    (("attack", "bombing", "shooting", "massacre"), "attack bombing shooting massacre"),
    (("coup",), "coup"),
    (("withdrawal",), "withdrawal withdraw"),
):
    for _lemma in _lemmas.split():
        EVENT_WORDS[_lemma] = _names
MISSION_WORDS = ("mission", "force", "operation", "peacekeeping", "coalition", "assistance", "task")
_PAREN_AFTER = re.compile(
    r"\b([A-Z][A-Za-z]{1,11})\s*\(\s*((?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|on|in|[A-Z][\w'’\-]*)){0,8})\s*\)"
)
_PAREN_BEFORE = re.compile(
    r"((?:[A-Z][\w'’\-]*\s+)(?:(?:of|for|and|the|on|in|[A-Z][\w'’\-]*)\s+){0,8})\(\s*([A-Z]{2,8})\s*\)"
)


def _finding(
    code: str, severity: Severity, message: str, span: Span, *, related=(), confidence=0.8, **evidence
) -> Finding:
    return Finding(code, severity, message, span, list(related), confidence, evidence)


def _link_evidence(link: Link) -> dict[str, Any]:
    return {"qid": link.qid, "label": link.label, "link_score": link.score, "link_reasons": link.reasons[:4]}


def _fmt(day: dt.date | None) -> str:
    return day.isoformat() if day else "?"


@dataclass(slots=True)
class Context:
    doc: Any
    linking: Linking
    day: dt.date | None
    linker: Linker

    def tokens(self, span: Span) -> Any:
        return self.doc.char_span(span.start, span.end, alignment_mode="expand")

    def sentence(self, span: Span) -> Any:
        s = self.tokens(span)
        return s.sent if s is not None and len(s) else None


# --------------------------------------------------------------------------- KB001


def _token_ok(tok: str, names_tokens: set[str]) -> bool:
    from .linker import NICKNAMES

    if tok in names_tokens or len(tok) == 1:
        return True
    for n in names_tokens:
        if len(tok) >= 3 and n.startswith(tok):
            return True
        if tok in NICKNAMES.get(n, ()) or n in NICKNAMES.get(tok, ()):
            return True
        if len(n) == 1 and tok[0] == n:
            return True
    return False


def _label(ctx: Context, qid: str) -> str:
    """An entity's label for a message, or its QID when the store has no label for it (never an empty name)."""
    rec = ctx.linker.record(qid)
    return (rec.label if rec is not None else None) or qid


def writes_latin(ctx: Context, country_qid: str) -> bool | None:
    """Whether a country's official languages (P37) are all written in Latin script (P282); None when unknown."""
    country = ctx.linker.record(country_qid)
    if country is None:
        return None
    scripts = []
    for lang in item_values(country, "P37"):
        rec = ctx.linker.record(lang)
        if rec is not None and item_values(rec, "P282"):
            scripts.append(LATIN_SCRIPT in item_values(rec, "P282"))
    return all(scripts) if scripts else None


def latin_named(ctx: Context, person: EntityRecord) -> bool:
    """A person whose every known citizenship (P27) is of a Latin-script country: their name has one spelling, so a
    spelling variant is an error, not a transliteration."""
    found = [writes_latin(ctx, q) for q in item_values(person, "P27")]
    known = [f for f in found if f is not None]
    return bool(known) and all(known)


def check_names(ctx: Context) -> Iterator[Finding]:
    for link in ctx.linking.links:
        m = link.mention
        if m.label != "PERSON" or link.score < 0.75 or not link.reasons or not link.reasons[0].startswith("name"):
            continue  # "same person as ..." links repeat an earlier finding's evidence
        rec = link.record
        keys = {name_key(t) for t, _l, _k in rec.names}
        mk = name_key(m.text)
        if not mk or mk in keys:
            continue  # the spelling is one Wikidata records: linked through the exact key, nothing to say
        context = any(r.startswith(("P", "Q")) or " -> " in r for r in link.reasons[1:])
        if not context and (link.name_score < 0.85 or len(mk.split()) < 2):
            continue  # linked through a fuzzy key on the name alone: only a close full name is trusted
        name_tokens = {t for k in keys for t in k.split()}
        latin = latin_named(ctx, rec)
        wrong: list[tuple[str, str]] = []
        for tok in mk.split():
            if _token_ok(tok, name_tokens):
                continue
            variant = next((n for n in name_tokens if skeleton(n) == skeleton(tok)), None)
            if variant is None:
                variant = next((n for n in name_tokens if block_key(n) == block_key(tok) and len(n) == len(tok)), None)
            if variant is not None:
                if latin:
                    wrong.append((tok, variant))
                continue  # a transliteration variant of a name from another script
            close = max(name_tokens, key=lambda n: fuzz.ratio(tok, n))
            if close[:1] == tok[:1] and fuzz.ratio(tok, close) >= 50:
                wrong.append((tok, close))
            else:
                wrong = []
                break  # a wholly different word: maybe another person; bail out
        if not wrong:
            continue
        yield _finding(
            "KB001",
            "warning",
            f"'{m.span.text}' looks like a misspelling of {rec.label} ({rec.qid}); Wikidata knows no such spelling",
            m.span,
            confidence=round(min(0.9, link.score) if context else min(0.7, link.score), 3),
            **_link_evidence(link),
            names=sorted({t for t, _l, _k in rec.names})[:8],
            differing=[{"written": a, "expected": b} for a, b in wrong],
            latin_script=latin,
            matched_through="context" if context else "name",
        )


# --------------------------------------------------------------------------- KB002


def _sentence_dates(ctx: Context, sent: Any) -> list[tuple[dt.date, dt.date]]:
    out = []
    for te in getattr(ctx.doc._, "pl_dates", None) or []:
        if sent is not None and sent.start_char <= te.span.start < sent.end_char:
            iv = iso_interval(te.value)
            if iv:
                out.append(iv)
    return out


def _find_position(ctx: Context, role: str, org: EntityRecord) -> EntityRecord | None:
    for qid in ctx.linker.lookup(f"{role} {org.label}"):
        rec = ctx.linker.record(qid)
        if rec is None or is_human(rec) or not position_matches(rec, role):
            continue
        if org.qid in referenced(rec):
            return rec
    return None


def check_roles(ctx: Context) -> Iterator[Finding]:
    if ctx.day is None:
        return
    for role in getattr(ctx.doc._, "pl_roles", None) or []:
        if role.holder is None:
            continue
        person = ctx.linking.at(role.holder, labels=PERSON)
        if person is None or person.score < 0.7:
            continue
        words = set(re.findall(r"[\w-]+", role.span.text.lower()))
        tokens = ctx.tokens(role.span)
        before = ctx.doc[tokens.start - 1].lower_ if tokens is not None and tokens.start > 0 else ""
        ex = (
            "ex-" in role.span.text.lower()
            or ctx.doc.text[max(0, role.span.start - 3) : role.span.start].lower() == "ex-"
        )
        if words & PAST_MODIFIERS or ex or before in PAST_MODIFIERS:
            continue  # "former Prime Minister X", "Ex-chancellor X": the role phrase may start after the modifier
        sent = ctx.sentence(role.span)
        org = ctx.linking.at(role.organisation) if role.organisation is not None else None
        matching = []
        for st in person.record.statements:
            if st.pid != "P39" or not isinstance(st.value, str):
                continue
            pos = ctx.linker.record(st.value)
            if pos is None or not position_matches(pos, role.role):
                continue
            if (
                org is not None
                and org.qid not in referenced(pos)
                and name_key(org.label or "") not in name_key(pos.label or "")
            ):
                continue
            matching.append((st, pos))
        dates = _sentence_dates(ctx, sent)
        if matching:
            if any(held_at(st, ctx.day) in (True, None) for st, _ in matching):
                continue
            st, pos = max(matching, key=lambda p: statement_period(p[0])[1] or dt.date.min)
            start, end = statement_period(st)
            if end is None or end >= ctx.day or any(lo <= end for lo, _hi in dates):
                continue  # the sentence is dated inside the term: a historical account
            holders = [(q, s) for q, s in ctx.linker.kb.holders(pos.qid) if q != person.qid and held_at(s, ctx.day)]
            successor = ctx.linker.record(holders[0][0]) if holders else None
            msg = f"{person.label} left the post of {pos.label} on {_fmt(end)}, before this article's date {_fmt(ctx.day)}"
            if successor is not None:
                msg += f"; {successor.label} held it then"
            yield _finding(
                "KB002",
                "warning",
                msg,
                role.span,
                related=[role.holder],
                confidence=0.8,
                **_link_evidence(person),
                position=pos.qid,
                position_label=pos.label,
                property="P39",
                start=_fmt(start),
                end=_fmt(end),
                article_date=_fmt(ctx.day),
                holder_then=successor.qid if successor else None,
            )
        elif (
            org is not None
            and len(role.role.split()) >= 1
            and role.role
            not in (
                "head",
                "chief",
                "leader",
                "deputy",
                "adviser",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "general",
            )
        ):
            if any(lo <= ctx.day for lo, _hi in dates) and dates:
                continue
            pos = _find_position(ctx, role.role, org.record)
            if pos is None:
                continue
            holders = [(q, s) for q, s in ctx.linker.kb.holders(pos.qid) if held_at(s, ctx.day)]
            if not holders or any(q == person.qid for q, _ in holders):
                continue
            other = ctx.linker.record(holders[0][0])
            if other is None:
                continue
            yield _finding(
                "KB002",
                "warning",
                f"Wikidata has no record of {person.label} as {pos.label}; on {_fmt(ctx.day)} the post was held by {other.label}",
                role.span,
                related=[role.holder],
                confidence=0.7,
                **_link_evidence(person),
                position=pos.qid,
                position_label=pos.label,
                property="P39",
                holder_then=other.qid,
                holder_then_label=other.label,
                article_date=_fmt(ctx.day),
            )


# --------------------------------------------------------------------------- KB003


def event_date(rec: EntityRecord) -> tuple[str, tuple[dt.date, dt.date]] | None:
    return first_date(rec, "P585", "P580")


class DatedEvent(NamedTuple):
    """A Wikidata event with the date it is compared on: ``pid`` (P585 point in time or P580 start time) gives the
    first and last day of ``lo``..``hi``."""

    record: EntityRecord
    pid: str
    lo: dt.date
    hi: dt.date


def _dated(rec: EntityRecord) -> DatedEvent | None:
    found = event_date(rec)
    if found is None:
        return None
    pid, (lo, hi) = found
    return DatedEvent(rec, pid, lo, hi)


def find_event(ctx: Context, word: str, participants: list[Link]) -> DatedEvent | None:
    """A dated Wikidata event of the kind ``word`` names that involves one of ``participants``."""
    kinds = EVENT_WORDS.get(word)
    if not kinds:
        return None
    for part in participants:
        surname = name_key(part.record.label or "").split()[-1:] or [""]
        for qid in ctx.linker.lookup(f"{word} {part.record.label}"):
            rec = ctx.linker.record(qid)
            if rec is None or is_human(rec):
                continue
            event = _dated(rec)
            if event is None:
                continue
            names = " ".join(fold(t) for t, _l, _k in rec.names)
            if not any(k in names for k in kinds):
                continue
            if part.qid in referenced(rec) or (surname[0] and surname[0] in name_key(names).split()):
                return event
    return None


def _linked_event(ctx: Context, tok: Any) -> DatedEvent | None:
    """The dated event a linked mention covering ``tok`` names ("the Iran-Iraq War"), if any."""
    link = ctx.linking.at(Span.of(tok))
    if link is None or link.score < 0.7 or is_human(link.record) or link.record.values("P571"):
        return None  # organisations have an inception date, not an event date
    return _dated(link.record)


def _span_tokens(ctx: Context, te: Any) -> Any:
    return ctx.doc.char_span(te.span.start, te.span.end, alignment_mode="expand")


def _within(tok_span: Any, root: Any) -> bool:
    return root.left_edge.i <= tok_span.root.i <= root.right_edge.i


def _participants(ctx: Context, root: Any) -> list[Link]:
    lo, hi = root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text)
    return [
        link
        for link in ctx.linking.links
        if lo <= link.mention.span.start and link.mention.span.end <= hi and link.score >= 0.65
    ]


def check_event_dates(ctx: Context) -> Iterator[Finding]:
    # (date, the first and last day it covers) of each absolute date in the text
    dated = [
        (te, interval)
        for te in (getattr(ctx.doc._, "pl_dates", None) or [])
        if te.value and not te.relative and (interval := iso_interval(te.value)) is not None
    ]
    if not dated:
        return
    done: set[int] = set()
    for sent in ctx.doc.sents:
        spans = [
            (te, iv, _span_tokens(ctx, te)) for te, iv in dated if sent.start_char <= te.span.start < sent.end_char
        ]
        mine = [(te, iv, s) for te, iv, s in spans if s is not None and len(s)]
        if not mine:
            continue
        # "X in <date>, following/after Y": X's date must not precede Y's.
        for tok in sent:
            if tok.lower_ not in ("following", "after") and not (
                tok.lower_ == "in" and any(c.lower_ in ("wake", "response") for c in tok.children)
            ):
                continue
            theirs = [(te, iv, s) for te, iv, s in mine if _within(s, tok)]
            ours = [(te, iv, s) for te, iv, s in mine if not _within(s, tok)]
            if theirs or len(ours) != 1:
                continue  # the followed event carries its own date (DAT001's business) or the main date is unclear
            te, (lo, hi), s = ours[0]
            for word_tok in tok.subtree:
                event = _linked_event(ctx, word_tok)
                if event is None and word_tok.lemma_.lower() in EVENT_WORDS:
                    event = find_event(ctx, word_tok.lemma_.lower(), _participants(ctx, word_tok))
                if event is None:
                    continue
                rec, pid, ev_lo, ev_hi = event
                if hi < ev_lo and te.span.start not in done:
                    done.add(te.span.start)
                    yield _finding(
                        "KB003",
                        "error",
                        f"'{te.span.text}' is given for something that followed {rec.label}, which Wikidata dates "
                        f"{_fmt(ev_lo) if ev_lo == ev_hi else _fmt(ev_lo) + '..' + _fmt(ev_hi)} ({pid}, {rec.qid})",
                        te.span,
                        related=[Span.of(word_tok)],
                        confidence=0.85,
                        event=rec.qid,
                        event_label=rec.label,
                        property=pid,
                        event_date=_fmt(ev_lo),
                        text_date=te.value,
                        connector=tok.text,
                    )
                break
        # "<event> in/on <date>" or "the <date> <event>": the date attached to the event itself.
        for te, (lo, hi), s in mine:
            if te.span.start in done:
                continue
            head = s.root.head
            event_tok = head.head if head.dep_ == "prep" and head.lower_ in ("in", "on", "of") else head
            word = event_tok.lemma_.lower()
            if word not in EVENT_WORDS or event_tok.i in range(s.start, s.end):
                continue
            event = find_event(ctx, word, _participants(ctx, event_tok))
            if event is None:
                continue
            rec, pid, ev_lo, ev_hi = event
            if hi < ev_lo or lo > ev_hi:
                done.add(te.span.start)
                yield _finding(
                    "KB003",
                    "error",
                    f"'{te.span.text}' does not match the date Wikidata gives for {rec.label}: {_fmt(ev_lo)} ({pid}, {rec.qid})",
                    te.span,
                    related=[Span.of(event_tok)],
                    confidence=0.8,
                    event=rec.qid,
                    event_label=rec.label,
                    property=pid,
                    event_date=_fmt(ev_lo),
                    text_date=te.value,
                )


# --------------------------------------------------------------------------- KB004 / KB007


def _countries(ctx: Context, rec: EntityRecord, pids=("P17", "P276")) -> set[str]:
    """Countries an organisation is in at the article's date: its P17, and the countries of its P276 locations."""
    out = set()
    for pid in pids:
        for q in values_at(rec, pid, ctx.day):
            place = ctx.linker.record(q)
            if place is None:
                out.add(q) if pid == "P17" else None
                continue
            out.add(q) if is_country(place) else out.update(values_at(place, "P17", ctx.day))
    return out


def _placed_in(ctx: Context, link: Link, *, window: int) -> Iterator[Link]:
    """Countries the text puts the mention in: 'X ... in <country>' within ``window`` tokens, or 'X, <country>'."""
    span = ctx.tokens(link.mention.span)
    if span is None:
        return
    doc, sent = ctx.doc, span.sent
    i = span.end
    if i < sent.end and doc[i].text == "," and i + 1 < sent.end:
        cand = ctx.linking.at(Span.of(doc[i + 1]), labels=PLACES)
        if cand is not None and is_country(cand.record) and cand.mention.span.start == doc[i + 1].idx:
            yield cand
            return
    for j in range(i, min(sent.end, i + window)):
        if doc[j].lower_ in ("in", "into", "inside") and j + 1 < sent.end:
            k = j + 1 + (doc[j + 1].lower_ in ("northern", "southern", "eastern", "western", "central", "the"))
            if k < sent.end:
                cand = ctx.linking.at(Span.of(doc[k]), labels=PLACES)
                if cand is not None and is_country(cand.record):
                    yield cand


def _leaders(ctx: Context, link: Link) -> Iterator[Link]:
    """'<X>-led <ORG>': X's link."""
    span = ctx.tokens(link.mention.span)
    if span is None or span.start < 2:
        return
    doc = ctx.doc
    j = span.start - 1
    if doc[j].lower_ == "led" and doc[j - 1].text == "-" and j >= 2:
        cand = ctx.linking.at(Span.of(doc[j - 2]))
        if cand is not None:
            yield cand
    elif doc[j].lower_.endswith("-led"):
        cand = ctx.linking.at(Span.of(doc[j]))
        if cand is not None:
            yield cand


def check_organisations(ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for link in ctx.linking.links:
        m = link.mention
        rec = link.record
        if m.label not in ("ORG", "FAC") or is_human(rec) or is_country(rec) or link.score < 0.7:
            continue
        words = " ".join(fold(t) for t, _l, _k in rec.names) + " " + fold(rec.description or "")
        if not (rec.values("P607") or rec.values("P276") or any(w in words.split() for w in MISSION_WORDS)):
            continue  # companies and agencies work everywhere; only missions and forces have a country of operation
        problems: list[str] = []
        evidence: dict[str, Any] = {}
        related: list[Span] = []
        where = _countries(ctx, rec)
        if where:
            sent = ctx.sentence(m.span)
            in_sentence = {
                link.qid
                for link in ctx.linking.links
                if sent is not None and sent.start_char <= link.mention.span.start < sent.end_char
            }
            for country in _placed_in(ctx, link, window=40):
                if country.qid in where or in_sentence & where:
                    break
                labels = [_label(ctx, q) for q in sorted(where)]
                problems.append(f"placed in {country.record.label}, but Wikidata gives {', '.join(labels)} (P17/P276)")
                evidence.update(stated_country=country.qid, wikidata_countries=sorted(where))
                related.append(country.mention.span)
                break
        parents = set(item_values(rec, "P749"))
        for leader in _leaders(ctx, link):
            if not parents or leader.qid in parents or leader.qid in where:
                continue
            parent_records = [r for p in sorted(parents) if (r := ctx.linker.record(p)) is not None]
            parent_countries = {q for r in parent_records for q in item_values(r, "P17")}
            if leader.qid in parent_countries:
                continue
            names = [r.label or r.qid for r in parent_records]  # a parent the store has no label for: its QID
            problems.append(
                f"called {leader.mention.span.text}-led, but its parent organisation is {', '.join(names)} (P749)"
            )
            evidence.update(stated_leader=leader.qid, parent_organisation=sorted(parents))
            related.append(leader.mention.span)
        sent = ctx.sentence(m.span)
        key = f"{rec.qid}@{sent.start if sent is not None else m.span.start}"
        if not problems or key in seen:
            continue  # one finding per organisation and sentence ("Kosovo Force (KFOR)")
        seen.add(key)
        dissolved = first_date(rec, "P576")
        note = f"; it was dissolved in {dissolved[1][0].year} (P576)" if dissolved else ""
        if dissolved:
            evidence["dissolved"] = _fmt(dissolved[1][0])
        yield _finding(
            "KB004",
            "error",
            f"{rec.label} ({rec.qid}) is {'; '.join(problems)}{note}",
            m.span,
            related=related,
            confidence=0.8,
            **_link_evidence(link),
            **evidence,
        )


def check_places(ctx: Context) -> Iterator[Finding]:
    for link in ctx.linking.links:
        m = link.mention
        rec = link.record
        if m.label not in PLACES or is_country(rec) or is_human(rec) or link.score < 0.7:
            continue
        where = set(values_at(rec, "P17", ctx.day))  # the country then: Bielefeld was in West Germany in 1970
        if not where:
            continue
        for country in _placed_in(ctx, link, window=1):
            if country.qid in where or country.qid in {st.value for st in rec.statements_of("P17")}:
                break  # the country then, or one the place has been in (a historical account)
            # Another place of the same name in that country? Then the text means that one.
            namesakes = [c for c in ctx.linker.kb.exact(m.text) if c.qid != rec.qid]
            if any(
                country.qid in item_values(r, "P17") for c in namesakes if (r := ctx.linker.record(c.qid)) is not None
            ):
                break
            labels = [_label(ctx, q) for q in sorted(where)]
            yield _finding(
                "KB007",
                "warning",
                f"{rec.label} ({rec.qid}) is in {', '.join(labels)} according to Wikidata (P17), "
                f"not {country.record.label or country.qid}",
                m.span,
                related=[country.mention.span],
                confidence=0.8,
                **_link_evidence(link),
                property="P17",
                wikidata_countries=sorted(where),
                wikidata_country_labels=labels,
                stated_country=country.qid,
                stated_country_label=country.record.label,
                article_date=_fmt(ctx.day) if ctx.day else None,
            )
            break


# --------------------------------------------------------------------------- KB005


def _acronym_records(ctx: Context, acronym: str) -> list[EntityRecord]:
    recs = [ctx.linker.record(c.qid) for c in ctx.linker.kb.exact(acronym)]
    return [
        r
        for r in recs
        if r is not None and not is_human(r) and fold(acronym) in {fold(t).replace(" ", "") for t, _l, k in r.names}
    ]


def word_overlap(a: str, b: str) -> float:
    """Share of words two names have in common (Jaccard; a word matches a close spelling of itself)."""
    wa, wb = name_key(a).split(), name_key(b).split()
    if not wa or not wb:
        return 0.0
    common = sum(1 for w in wa if any(w == v or fuzz.ratio(w, v) >= 85 for v in wb))
    return common / (len(wa) + len(wb) - common)


def check_acronym_names(ctx: Context) -> Iterator[Finding]:
    text = ctx.doc.text
    for pattern, acr_group, long_group in ((_PAREN_AFTER, 1, 2), (_PAREN_BEFORE, 2, 1)):
        for match in pattern.finditer(text):
            acronym, long_form = match.group(acr_group), match.group(long_group).strip()
            long_form = re.sub(r"^(?:(?:the|The)\s+|[\w.]+-(?:led|backed|based|run)\s+)+", "", long_form)
            if len(long_form.split()) < 2 or not long_form[:1].isupper() or long_form.upper() == long_form:
                continue
            recs = _acronym_records(ctx, acronym)
            if not recs:
                continue
            sims = [(max((word_overlap(long_form, t) for t, _l, _k in rec.names), default=0.0), rec) for rec in recs]
            if max(s for s, _ in sims) >= 0.5:
                continue  # the long form is a name (or a close variant) of one of them
            # Which organisation is meant: the one linked in the article, else the only / best-known one.
            linked = [r for _, r in sims if r.qid in ctx.linking.qids()]
            rec = linked[0] if linked else (recs[0] if len(recs) == 1 else None)
            if rec is None:
                continue
            best = max(sims, key=lambda p: p[0] if p[1] is rec else -1)[0]
            a0, a1 = match.span(acr_group)
            l0 = text.index(long_form, match.start(long_group))
            long_span = Span.between(text, l0, l0 + len(long_form))
            yield _finding(
                "KB005",
                "warning",
                f"'{long_form}' is not a name of {acronym}: Wikidata's {rec.qid} is {rec.label}",
                long_span,
                related=[Span.between(text, a0, a1)],
                confidence=0.8,
                qid=rec.qid,
                label=rec.label,
                acronym=acronym,
                written=long_form,
                similarity=round(best, 2),
                names=sorted({t for t, _l, _k in rec.names if fold(t).isascii()})[:8],
                property="P1813",
            )


# --------------------------------------------------------------------------- KB006


def check_dead_people(ctx: Context) -> Iterator[Finding]:
    if ctx.day is None:
        return
    for link in ctx.linking.links:
        if link.mention.label != "PERSON" or link.score < 0.7:
            continue
        death = first_date(link.record, "P570")
        if death is None or death[1][1] >= ctx.day:
            continue
        span = ctx.tokens(link.mention.span)
        if span is None:
            continue
        if span.start > 0 and ctx.doc[span.start - 1].lower_ == "late":
            continue
        root = span.root
        verb = root.head
        if (
            root.dep_ not in ("nsubj", "nsubjpass")
            or verb.lemma_.lower() not in ACTING_VERBS
            or verb.tag_ not in ("VBZ", "VBP")
        ):
            continue
        yield _finding(
            "KB006",
            "warning",
            f"{link.record.label} ({link.qid}) died on {_fmt(death[1][0])} (P570), before this article's date "
            f"{_fmt(ctx.day)}, yet is described as acting now ('{verb.text}')",
            link.mention.span,
            related=[Span.of(verb)],
            confidence=0.8,
            **_link_evidence(link),
            property="P570",
            died=_fmt(death[1][0]),
            article_date=_fmt(ctx.day),
            verb=verb.text,
        )


# --------------------------------------------------------------------------- the checker

CHECKS = (
    check_names,
    check_roles,
    check_event_dates,
    check_organisations,
    check_acronym_names,
    check_dead_people,
    check_places,
)


class KnowledgeChecker:
    """Links each article's mentions and runs the KB checks. Open once per run; ``check`` once per doc."""

    def __init__(self, kb: Any, *, settings: Any = None, **linker_options: Any) -> None:
        self.kb = kb
        self.settings = settings
        self.linker = Linker(kb, **linker_options)

    @classmethod
    def open(cls, kb: str, *, settings: Any = None) -> KnowledgeChecker:
        if kb == "online":
            try:
                from .online import OnlineKnowledgeBase, WikidataClient, api_endpoint
            except ImportError as err:
                raise PresslintError(
                    E.E402, path="online", reason=f"the online Wikidata client is not available ({err})"
                ) from err
            from ..config import default_home

            cache = getattr(settings, "kb_cache", None) or default_home() / "kb-cache.sqlite"
            return cls(OnlineKnowledgeBase(cache, client=WikidataClient(api_endpoint())), settings=settings)
        from pathlib import Path

        from .store import KnowledgeBase

        if kb != ":memory:" and not Path(kb).is_file():
            raise PresslintError(
                E.E402, path=kb, reason="no such knowledge store (build one with `presslint kb build`)"
            )
        return cls(KnowledgeBase(kb, readonly=True), settings=settings)

    def link(self, doc: Any) -> Linking:
        return self.linker.link(doc)

    def check(self, doc: Any) -> list[Finding]:
        linking = self.linker.link(doc)
        ctx = Context(doc, linking, getattr(doc._, "pl_pubdate", None), self.linker)
        findings: list[Finding] = []
        for check in CHECKS:
            findings.extend(check(ctx))
        return findings


def make_knowledge_check(kb: str, *, settings: Any = None) -> Any:
    """The ``knowledge`` stage of the registry: link and check each parsed doc against the store ``kb``."""
    checker = KnowledgeChecker.open(kb, settings=settings)

    def run(doc: Any) -> dict[str, list]:
        return {"findings": checker.check(doc)}

    return run
