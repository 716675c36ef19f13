"""Entity linking: the core's mentions (people, organisations, places, acronyms, role phrases) -> Wikidata items.

Candidates come from the store's blocking-key index (``KnowledgeBase.candidates`` / ``exact``), never a scan. Each
candidate is scored on name similarity (token-level, transliteration-aware), type compatibility, the roles the text
gives the mention, the other entities the article links (a candidate whose statements point to them scores higher),
the article's date (a position held then) and its sitelink count (a weak prior). A mention whose best candidate is
below the threshold, or not clearly ahead of the runner-up, stays unlinked: the checks only use confident links.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..model import Entity, Span
from .keys import fold, name_key
from .keys import skeleton as _skeleton
from .wikidata import UNKNOWN, EntityRecord, Statement, time_bounds

HUMAN = "Q5"


@lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    return _skeleton(token)


# Wikidata classes (certain QIDs) that make an item a place; anything with coordinates or a country also counts.
PLACE_TYPES = frozenset({"Q6256", "Q3624078", "Q515", "Q1549591", "Q5119", "Q486972", "Q10864048", "Q1637706"})
COUNTRY_TYPES = frozenset({"Q6256", "Q3624078"})
POSITION_TYPES = frozenset({"Q4164871"})  # position (an office), never the organisation or person itself
OFFICE_WORDS = frozenset(
    [
        "prime",
        "vice",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "commander",
        "head",
        "chief",
        "director",
        "president",
        "chairman",
        "chairperson",
        "minister",
        "secretary",
        "governor",
        "mayor",
        "leader",
    ]
)
LINK_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,9}$")

# Common English nicknames: a short form is not a misspelling of the full first name.
NICKNAMES: dict[str, frozenset[str]] = {
    full: frozenset(shorts.split())
    for full, shorts in {
        "james": "jim jimmy jamie",
        "robert": "bob bobby rob robbie bert",
        "richard": "dick rick ricky rich",
        "edward": "ted ed eddie ned",
        "thomas": "tom tommy",
        "michael": "mike mick mickey",
        "david": "dave davy",
        "christopher": "chris kit",
        "joseph": "joe joey",
        "john": "jack johnny",
        "william": "bill billy will willy",
        "elizabeth": "liz beth betty lisa eliza",
        "katherine": "kate kathy katie",
        "catherine": "kate cathy katie",
        "samuel": "sam sammy",
        "benjamin": "ben benny",
        "daniel": "dan danny",
        "alexander": "alex sasha",
        "andrew": "andy drew",
        "nicholas": "nick nicky",
        "peter": "pete",
        "stephen": "steve",
        "steven": "steve",
        "anthony": "tony",
        "matthew": "matt",
        "gregory": "greg",
        "charles": "chuck charlie chas",
        "henry": "hank harry",
        "lawrence": "larry",
        "gerald": "jerry gerry",
        "ronald": "ron ronnie",
        "donald": "don donnie",
        "susan": "sue susie",
        "margaret": "peggy maggie meg",
        "kenneth": "ken kenny",
        "timothy": "tim",
        "frederick": "fred freddie",
        "albert": "al bert",
        "patrick": "pat paddy",
        "vladimir": "volodymyr",
        "abdullah": "abdallah",
        "mohammed": "mohamed muhammad mohammad",
        "jennifer": "jen jenny",
    }.items()
}


@dataclass(slots=True)
class Mention:
    """A stretch of text to link. ``text`` is the name to match (titles stripped), ``acronym`` the short form."""

    span: Span
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT
    text: str
    origin: str = "ner"
    acronym: str | None = None
    expansion: str | None = None  # the long form the article gives for an acronym


@dataclass(slots=True)
class Link:
    mention: Mention
    qid: str
    label: str | None
    score: float
    name_score: float
    matched: str  # the label/alias/short name the mention matched best
    reasons: list[str]
    record: EntityRecord
    runner_up: tuple[str, float] | None = None


@dataclass(slots=True)
class Linking:
    """All links of one article, plus the mentions left unlinked and why."""

    links: list[Link] = field(default_factory=list)
    unlinked: list[tuple[Mention, str]] = field(default_factory=list)

    def at(self, span: Span | None, *, labels: Iterable[str] | None = None) -> Link | None:
        """The link whose mention overlaps ``span`` (the longest overlap wins)."""
        if span is None:
            return None
        best = None
        for link in self.links:
            m = link.mention.span
            if m.overlaps(span) and (labels is None or link.mention.label in labels):
                overlap = min(m.end, span.end) - max(m.start, span.start)
                if best is None or overlap > best[0]:
                    best = (overlap, link)
        return best[1] if best else None

    def qids(self) -> set[str]:
        return {link.qid for link in self.links}


# --------------------------------------------------------------------------- record helpers


def item_values(record: EntityRecord, pid: str) -> list[str]:
    return [v for v in record.values(pid) if isinstance(v, str) and v[:1] == "Q" and v[1:].isdigit()]


def referenced(record: EntityRecord) -> dict[str, str]:
    """QID -> property id for every item value (and item qualifier) in the record's statements."""
    out: dict[str, str] = {}
    for st in record.statements:
        if isinstance(st.value, str) and st.value[:1] == "Q" and st.pid not in ("P31", "P279"):
            out.setdefault(st.value, st.pid)
        for qpid, vals in st.qualifiers.items():
            for v in vals:
                if isinstance(v, str) and v[:1] == "Q":
                    out.setdefault(v, f"{st.pid}/{qpid}")
    return out


def iso_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """ "2020", "2020-01" or "2020-01-03" -> the first and last day it covers."""
    if not value or value.startswith("-"):
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
        day = dt.date(year, month, int(parts[2][:2]))
        return day, day
    except (ValueError, IndexError):
        return None


def time_interval(value: Any) -> tuple[dt.date, dt.date] | None:
    """The days a Wikidata time covers, by its precision (a year covers the whole year)."""
    return time_bounds(value)


def statement_period(st: Statement) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of a statement from its P580/P582 qualifiers: the earliest day the start can be and the latest
    day the end can be, so that a date given to the year is never read as more precise than it is."""
    start = end = None
    for v in st.qualifiers.get("P580", []):
        iv = time_interval(v)
        if iv and (start is None or iv[0] < start):
            start = iv[0]
    for v in st.qualifiers.get("P582", []):
        iv = time_interval(v)
        if iv and (end is None or iv[1] > end):
            end = iv[1]
    return start, end


def held_at(st: Statement, day: dt.date) -> bool | None:
    """Whether a dated statement (a P39 term, a P17 country) covers ``day``: True, False, or None when its dates
    cannot tell (no dates at all, or a start/end Wikidata records as existing but unknown)."""
    start, end = statement_period(st)
    start_unknown = start is None and UNKNOWN in st.qualifiers.get("P580", [])
    end_unknown = end is None and UNKNOWN in st.qualifiers.get("P582", [])
    if start is None and end is None:
        return None
    if start is not None and day < start:
        return False
    if end is not None and day > end:
        return False
    if start_unknown or end_unknown:
        return None
    return True


def values_at(record: EntityRecord, pid: str, day: dt.date | None) -> list[str]:
    """Item values of ``pid`` that hold on ``day`` (e.g. a place's country then): statements whose dates cover the
    day, else the undated ones; among those the preferred rank wins. Without a day: the best-ranked values."""
    if day is None:
        return [v for v in record.values(pid) if isinstance(v, str) and v[:1] == "Q"]
    live = [st for st in record.statements_of(pid) if isinstance(st.value, str) and st.value[:1] == "Q"]
    covering = [st for st in live if held_at(st, day) is True]
    pool = covering or [st for st in live if held_at(st, day) is None]
    preferred = [st for st in pool if st.rank == "preferred"]
    return list(dict.fromkeys(st.value for st in (preferred or pool)))


def first_date(record: EntityRecord, *pids: str) -> tuple[str, tuple[dt.date, dt.date]] | None:
    for pid in pids:
        for v in record.values(pid):
            iv = time_interval(v)
            if iv:
                return pid, iv
    return None


def is_human(record: EntityRecord) -> bool:
    return HUMAN in item_values(record, "P31")


def is_event(record: EntityRecord) -> bool:
    return bool(record.values("P585") or record.values("P580")) and not record.values("P571")


def is_position(record: EntityRecord) -> bool:
    if set(item_values(record, "P31")) & POSITION_TYPES:
        return True
    words = fold(record.label or "").split()
    return bool(words) and words[0] in OFFICE_WORDS and " of " in f" {' '.join(words)} " and not record.values("P571")


def is_place(record: EntityRecord) -> bool:
    types = set(item_values(record, "P31"))
    if types & PLACE_TYPES:
        return True
    return bool(record.values("P625")) and HUMAN not in types and not is_event(record)


def is_country(record: EntityRecord) -> bool:
    return bool(set(item_values(record, "P31")) & COUNTRY_TYPES)


# --------------------------------------------------------------------------- name similarity


def _token_sim(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.8 if a[0] == b[0] else 0.0  # an initial
    if skeleton(a) == skeleton(b):
        return 0.9  # a transliteration / spelling variant
    if a in NICKNAMES.get(b, ()) or b in NICKNAMES.get(a, ()) or (len(a) >= 3 and b.startswith(a)):
        return 0.85
    return fuzz.ratio(a, b) / 100.0


def name_similarity(mention: str, name: str, *, person: bool = False) -> float:
    """0..1: every mention token aligned to its best name token (the last token, the surname, counts double)."""
    mk, nk = name_key(mention), name_key(name)
    if not mk or not nk:
        return 0.0
    if mk == nk:
        return 1.0
    mt, nt = mk.split(), nk.split()
    weights = [2.0 if i == len(mt) - 1 else 1.0 for i in range(len(mt))]
    sims = []
    for i, tok in enumerate(mt):
        if person and i == len(mt) - 1:
            sims.append(_token_sim(tok, nt[-1]))  # surname to surname
        else:
            sims.append(max(_token_sim(tok, n) for n in nt))
    aligned = sum(w * s for w, s in zip(weights, sims)) / sum(weights)
    if person:
        return aligned * 0.85 if len(mt) == 1 < len(nt) else aligned  # a surname alone says less than a full name
    # Organisations and places: a name that is only part of a longer one ("Baghdad" in "Baghdad airport airstrike",
    # "Iraq" in "Iran-Iraq War") is another thing, so similarity is scaled by how much of the longer name is covered.
    coverage = min(len(mt), len(nt)) / max(len(mt), len(nt))
    return max(aligned, fuzz.token_set_ratio(mk, nk) / 100.0 * 0.95) * (0.4 + 0.6 * coverage)


def best_name(mention: str, record: EntityRecord, *, person: bool = False) -> tuple[float, str]:
    best = (0.0, record.label or "")
    for text, _lang, _kind in record.names:
        sim = name_similarity(mention, text, person=person)
        if sim > best[0]:
            best = (sim, text)
    return best


def acronym_names(record: EntityRecord) -> set[str]:
    """Folded short names and all-caps aliases of a record ("centcom", "isaf")."""
    return {fold(t).replace(" ", "") for t, _l, kind in record.names if kind == "short" or t.replace(".", "").isupper()}


# --------------------------------------------------------------------------- mentions


def mentions_of(doc: Any) -> list[Mention]:
    """The mentions to link, from the core's entity records (tolerates a doc without them)."""
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    entities: list[Entity] = list(getattr(doc._, "pl_entities", None) or [])
    for ent in entities:
        if ent.label not in LINK_LABELS or (ent.span.start, ent.span.end) in seen:
            continue
        seen.add((ent.span.start, ent.span.end))
        surface = ent.span.text
        if _ACRONYM.match(surface) and (surface.isupper() or ent.origin == "acronym"):
            expansion = ent.normalized if ent.normalized and ent.normalized != surface else None
            out.append(
                Mention(ent.span, "ORG" if ent.label == "PERSON" else ent.label, surface, "acronym", surface, expansion)
            )
        else:
            text = ent.normalized or surface
            out.append(Mention(ent.span, ent.label, text, ent.origin))
    # Role organisations the entity pass did not list on their own ("head of Centcom").
    for role in getattr(doc._, "pl_roles", None) or []:
        org = getattr(role, "organisation", None)
        if org is not None and (org.start, org.end) not in seen:
            seen.add((org.start, org.end))
            out.append(Mention(org, getattr(role, "organisation_label", None) or "ORG", org.text, "role"))
    out.sort(key=lambda m: m.span.start)
    return out


# --------------------------------------------------------------------------- the linker

# Role words -> words a position's label may use for the same office.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "head": ("head", "commander", "director", "chief", "leader", "chairman", "chairperson", "president"),
    "chief": ("chief", "head", "commander", "director"),
    "ceo": ("chief executive",),
    "chief executive": ("chief executive",),
    "boss": ("chief executive", "head"),
    "chief executive officer": ("chief executive",),
    "commander": ("commander",),
    "defense minister": ("defence minister", "minister of defence", "minister of defense", "defense minister"),
    "defence minister": ("defence minister", "minister of defence", "minister of defense", "defense minister"),
    "foreign minister": ("foreign minister", "minister of foreign affairs"),
}


def role_words(role: str) -> tuple[str, ...]:
    role = role.lower().replace("-", " ")
    return ROLE_SYNONYMS.get(role, (role,))


def position_matches(position: EntityRecord, role: str) -> bool:
    keys = {fold(t) for t, _l, _k in position.names} | {fold(position.label or "")}
    return any(any(w in k for k in keys) for w in role_words(role))


class Linker:
    """Links an article's mentions to items of a ``KnowledgeBase`` (or anything with its read API)."""

    def __init__(
        self,
        kb: Any,
        *,
        threshold: float = 0.62,
        margin: float = 0.08,
        max_candidates: int = 8,
        cache_size: int = 20000,
    ) -> None:
        self.kb = kb
        self.threshold = threshold
        self.margin = margin
        self.max_candidates = max_candidates
        self._records: OrderedDict[str, EntityRecord | None] = OrderedDict()
        self._cache_size = cache_size

    # -- store access (cached: the same items come back article after article) ---------------------------
    def record(self, qid: str) -> EntityRecord | None:
        if qid in self._records:
            self._records.move_to_end(qid)
            return self._records[qid]
        rec = self.kb.entity(qid)
        self._records[qid] = rec
        if len(self._records) > self._cache_size:
            self._records.popitem(last=False)
        return rec

    def fuzzy(self, text: str, *, limit: int = 200) -> list[tuple[str, str]]:
        """(qid, matched name) of names sharing every blocking key of ``text``: the store's rarest-key index lookup
        where it has one (SQLite), otherwise its ``candidates``."""
        if hasattr(self.kb, "fuzzy_names"):
            return self.kb.fuzzy_names(text, limit=limit)
        return [(c.qid, c.matched) for c in self.kb.candidates(text, limit=limit // 4)]

    def lookup(self, text: str, *, fuzzy: bool = True, person: bool = False) -> list[str]:
        """QIDs of the best candidates for ``text``: exact name-key matches, then the closest fuzzy matches."""
        found = [c.qid for c in self.kb.exact(text)[: self.max_candidates]]
        if fuzzy and len(found) < self.max_candidates:
            key = name_key(text)
            pool = [(fuzz.ratio(key, name_key(t)), q) for q, t in self.fuzzy(text)]
            pool.sort(key=lambda p: -p[0])
            for _sim, qid in pool:
                if len(found) >= self.max_candidates:
                    break
                if qid not in found:
                    found.append(qid)
        return found

    def candidate_records(self, mention: Mention) -> list[EntityRecord]:
        qids: list[str] = []
        if mention.acronym:
            qids += self.lookup(mention.acronym, fuzzy=False)
        text = mention.expansion or mention.text
        if text and text != mention.acronym:
            # Fuzzy matching only where a spelling slip matters (people, organisations); places must match a name.
            fuzzy = mention.label in ("PERSON", "ORG", "EVENT") and not (
                mention.label == "PERSON" and len(name_key(text).split()) < 2
            )
            qids += [q for q in self.lookup(text, fuzzy=fuzzy, person=mention.label == "PERSON") if q not in qids]
        return [r for r in (self.record(q) for q in qids) if r is not None]

    # -- scoring ---------------------------------------------------------------------------------------
    def _type_score(self, mention: Mention, rec: EntityRecord) -> float | None:
        human = is_human(rec)
        if mention.label == "PERSON":
            if human:
                return 1.0
            bare = not item_values(rec, "P31") and not any(
                rec.values(p) for p in ("P585", "P580", "P571", "P17", "P625")
            )
            return 0.4 if bare else None
        if human and mention.label == "ORG" and len(name_key(mention.text).split()) >= 2:
            # the small NER model often tags a full personal name as ORG ("Chancellor Olaf Scholz"): an exact full
            # name of a person still links, with a weaker type score
            return 0.5 if name_key(mention.text) in {name_key(t) for t, _l, _k in rec.names} else None
        if human or is_position(rec):
            return None
        if mention.label in ("GPE", "LOC"):
            if is_place(rec):
                return 1.0
            return None if is_event(rec) or item_values(rec, "P31") else 0.4
        if mention.label == "ORG":
            return 0.6 if is_country(rec) else 1.0
        return 0.8

    def _name_score(self, mention: Mention, rec: EntityRecord) -> tuple[float, str]:
        if mention.acronym:
            if fold(mention.acronym) in acronym_names(rec):
                return 1.0, mention.acronym
            if mention.expansion:
                return best_name(mention.expansion, rec)
            return 0.0, ""
        return best_name(mention.text, rec, person=mention.label == "PERSON")

    def score(
        self,
        mention: Mention,
        rec: EntityRecord,
        context: dict[str, EntityRecord],
        roles: list[Any],
        day: dt.date | None,
    ) -> tuple[float, float, str, list[str]] | None:
        type_score = self._type_score(mention, rec)
        if type_score is None:
            return None
        name, matched = self._name_score(mention, rec)
        if name < 0.6:
            return None
        reasons = [f"name {name:.2f} ~ '{matched}'"]
        total = 0.62 * name + 0.15 * type_score + 0.08 * min(1.0, math.log10(1 + rec.sitelinks) / 2.5)
        # Co-mentions: statements pointing to other entities in the article, or from them to this one.
        mine = referenced(rec)
        bonus = 0.0
        for qid, other in context.items():
            if qid == rec.qid:
                continue
            if qid in mine:
                bonus += 0.1
                reasons.append(f"{mine[qid]} -> {qid} ({other.label}) is in the article")
            elif rec.qid in referenced(other):
                bonus += 0.1
                reasons.append(f"{qid} ({other.label}) points to it")
        total += min(bonus, 0.2)
        # Roles the text gives this mention ("head of Centcom, Gen. X"; "Prime Minister X").
        for role in roles:
            for st in rec.statements:
                if st.pid != "P39" or not isinstance(st.value, str):
                    continue
                position = self.record(st.value)
                if position is not None and position_matches(position, role.role):
                    total += 0.12
                    reasons.append(f"P39 {st.value} ({position.label}) fits '{role.role}'")
                    if day is not None and held_at(st, day):
                        total += 0.04
                        reasons.append(f"held on {day.isoformat()}")
                    break
            else:
                continue
            break
        return min(total, 1.0), name, matched, reasons

    def _rank(
        self,
        mention: Mention,
        records: list[EntityRecord],
        context: dict[str, EntityRecord],
        roles: list[Any],
        day: dt.date | None,
    ) -> list[tuple[float, float, str, list[str], EntityRecord]]:
        ranked = []
        for rec in records:
            scored = self.score(mention, rec, context, roles, day)
            if scored is not None:
                ranked.append((*scored, rec))
        ranked.sort(key=lambda r: -r[0])
        return ranked

    def _office_holders(self, roles: list[Any], context: dict[str, EntityRecord], have: set[str]) -> list[EntityRecord]:
        """People the role's organisation names as its heads (P1037, P488, P169, P35, P6): candidates a garbled name
        may not reach through the key index in a crowded store."""
        out = []
        for rec in context.values():
            for pid in ("P1037", "P488", "P169", "P35", "P6"):
                for qid in item_values(rec, pid):
                    person = self.record(qid) if qid not in have else None
                    if person is not None:
                        have.add(qid)
                        out.append(person)
        return out

    def link(self, doc: Any, mentions: list[Mention] | None = None) -> Linking:
        mentions = mentions_of(doc) if mentions is None else mentions
        day = getattr(doc._, "pl_pubdate", None)
        roles_by_holder: dict[tuple[int, int], list[Any]] = {}
        for role in getattr(doc._, "pl_roles", None) or []:
            holder = getattr(role, "holder", None)
            if holder is not None:
                roles_by_holder.setdefault((holder.start, holder.end), []).append(role)
        pools: dict[tuple[str, str, str | None], list[EntityRecord]] = {}
        for m in mentions:
            key = (m.label, m.text, m.acronym)
            if key not in pools:
                pools[key] = self.candidate_records(m)
        # Pass 1: names, types and priors alone give a provisional context.
        context: dict[str, EntityRecord] = {}
        for m in mentions:
            ranked = self._rank(m, pools[(m.label, m.text, m.acronym)], {}, [], day)
            if ranked and ranked[0][0] >= self.threshold:
                context[ranked[0][4].qid] = ranked[0][4]
        # Pass 2: with co-mentions, roles and the date.
        linking = Linking()
        by_surname: dict[str, Link] = {}
        for m in mentions:
            roles = [
                r
                for (s, e), rs in roles_by_holder.items()
                if m.span.start <= s < m.span.end or s <= m.span.start < e
                for r in rs
            ]
            pool = pools[(m.label, m.text, m.acronym)]
            if roles:
                pool = pool + self._office_holders(roles, context, {r.qid for r in pool})
            ranked = self._rank(m, pool, context, roles, day)
            if m.label == "PERSON" and len(name_key(m.text).split()) == 1:
                earlier = by_surname.get(skeleton(name_key(m.text)))
                if earlier is not None:
                    rec = earlier.record
                    linking.links.append(
                        Link(
                            m,
                            rec.qid,
                            rec.label,
                            earlier.score,
                            earlier.name_score,
                            earlier.matched,
                            [f"same person as '{earlier.mention.span.text}'"],
                            rec,
                        )
                    )
                    continue
            if not ranked:
                linking.unlinked.append((m, "no candidate in the knowledge store"))
                continue
            top = ranked[0]
            runner = next((r for r in ranked[1:] if r[4].qid != top[4].qid), None)
            if top[0] < self.threshold:
                linking.unlinked.append((m, f"best candidate {top[4].qid} scored {top[0]:.2f} < {self.threshold}"))
                continue
            if runner is not None and top[0] - runner[0] < self.margin:
                linking.unlinked.append((m, f"ambiguous: {top[4].qid} {top[0]:.2f} vs {runner[4].qid} {runner[0]:.2f}"))
                continue
            score, name, matched, reasons, rec = top
            if is_human(rec) and m.label != "PERSON":
                m.label = "PERSON"  # linked to a person: the person checks apply
                reasons = [*reasons, "a person's exact full name (tagged ORG by the parser)"]
            link = Link(
                m,
                rec.qid,
                rec.label,
                round(score, 3),
                round(name, 3),
                matched,
                reasons,
                rec,
                (runner[4].qid, round(runner[0], 3)) if runner else None,
            )
            linking.links.append(link)
            if m.label == "PERSON":
                tokens = name_key(m.text).split()
                if len(tokens) > 1:
                    by_surname.setdefault(skeleton(tokens[-1]), link)
        return linking
