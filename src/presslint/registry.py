"""Every check presslint runs and every record the checks read or write, declared once.

A *record* is a list of typed items the checks share through the doc (``doc._.pl_<name>``) and, when ``report`` is
set, a field of the ``Report`` and a key of its JSON. A *check* names its module, the factory there that builds it,
its stage, and the records it reads and writes. From these declarations come the spaCy pipeline and its order, the
doc extensions, the rule catalogue's modules, the ``Report``'s record fields, the JSON Schema and ``locate``.

Adding a check = its module (pure functions, ``RULES`` and a ``make_component`` factory) plus one ``Check`` line
here; a new record type = one ``Record`` line. Nothing else needs to change.

Stages:
- ``context``: the first pipe; puts the article and its publication date on the doc and starts every record empty.
- ``doc``: a spaCy component run inside ``nlp.pipe``. ``make_component(nlp, **options)`` returns
  ``run(doc) -> {record: items}``; the pipe writes what ``run`` returns, and only the records the check declares.
  A check declared ``batched`` returns ``run_batch(docs) -> [{record: items}, ...]`` (one dict per doc, in order)
  instead: spaCy hands it each batch of ``nlp.pipe`` at once (the learned encoder runs once per batch of articles).
- ``knowledge``: runs on the parsed doc after the pipe, with the knowledge store the ``Checker`` opened.
- ``report``: runs on the finished report, with the store (fact-checks change over time, so stored reports are
  matched again).

This module imports nothing of presslint's, so anything may import it cheaply.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import Any

STAGES = ("context", "doc", "knowledge", "report")


@dataclass(frozen=True, slots=True)
class Record:
    name: str  # doc._.pl_<name>, Report.<name>, the JSON key
    type: str  # "module:Class" of one item (resolved lazily)
    doc: str  # what it holds, one line (the JSON Schema's description)
    report: bool = True  # a field of the Report and its JSON
    context: bool = False  # one value set from the article (not a list)
    shared: bool = False  # every check may add to it (findings)


@dataclass(frozen=True, slots=True)
class Check:
    name: str  # the spaCy component is presslint_<name>; analyzer options live under [analyzers.<name>]
    module: str
    stage: str = "doc"
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ("findings",)
    # spaCy attributes it needs (for nlp.analyze_pipes). POS comes with the tag (the attribute ruler maps one to the
    # other without declaring it), so checks that read POS name token.tag.
    parse: tuple[str, ...] = ("doc.sents",)
    factory: str = "make_component"
    rules: bool = True  # the module declares RULES
    batched: bool = False  # the factory returns run_batch(docs) -> [{record: items}, ...] (spaCy's pipe batches)

    @property
    def component(self) -> str:
        return f"presslint_{self.name}"


# Report records in the order the report and its JSON list them.
RECORDS: tuple[Record, ...] = (
    Record("article", "presslint.model:Article", "the article being checked", report=False, context=True),
    Record("pubdate", "datetime:date", "publication date used to resolve relative dates", report=False, context=True),
    Record("findings", "presslint.model:Finding", "what the checks found", report=False, shared=True),
    Record("sources", "presslint.model:Source", "who is quoted or cited, merged across mentions"),
    Record("quotes", "presslint.model:Quote", "attributions: cue, content, speaker and channel"),
    Record("claims", "presslint.model:Claim", "check-worthy statements with their source, numbers and dates"),
    Record("quantities", "presslint.model:Quantity", "numbers with what they count"),
    Record("dates", "presslint.model:TimeExpression", "time expressions resolved against the publication date"),
    Record("entities", "presslint.model:Entity", "people, organisations, places, acronyms and role phrases"),
    Record(
        "genre", "presslint.model:Genre", "what kind of piece it reads as (news, opinion, analysis) and why: one item"
    ),
    Record(
        "roles",
        "presslint.analyzers.entities:RoleMention",
        "role phrases with their holder and organisation (for knowledge checks)",
        report=False,
    ),
    Record(
        "learned",
        "presslint.learned.pipe:LearnedDoc",
        "the shared encoder's piece vectors and the learned heads' per-piece and per-sentence outputs",
        report=False,
    ),
)

# Checks in declaration order; the pipeline order is derived from reads/writes (ties keep this order).
CHECKS: tuple[Check, ...] = (
    Check(
        "context",
        "presslint.nlp.pipeline",
        stage="context",
        writes=("article", "pubdate"),
        parse=(),
        factory="make_context",
        rules=False,
    ),
    Check(
        "entities",
        "presslint.analyzers.entities",
        reads=("article",),
        writes=("entities", "roles"),
        parse=("doc.ents", "doc.sents", "token.tag"),
        rules=False,
    ),
    Check(
        # One encoder pass per batch of articles; every learned head reads its output (settings switch heads off).
        "encoding",
        "presslint.learned.pipe",
        reads=("article",),
        writes=("learned",),
        rules=False,
        batched=True,
    ),
    Check(
        "sources",
        "presslint.analyzers.sources",
        reads=("article", "learned"),
        writes=("quotes", "sources", "findings"),
        parse=("token.dep", "token.lemma", "doc.ents", "doc.sents"),
    ),
    Check(
        "genre",
        "presslint.analyzers.genre",
        reads=("article", "quotes"),
        writes=("genre",),
        parse=("doc.sents", "token.lemma"),
        rules=False,
    ),
    Check(
        "quantities",
        "presslint.analyzers.quantities",
        reads=("dates",),
        writes=("quantities", "findings"),
        parse=("doc.ents", "doc.sents"),
    ),
    Check(
        "dates",
        "presslint.analyzers.dates",
        reads=("pubdate",),
        writes=("dates", "findings"),
        parse=("doc.ents", "doc.sents"),
    ),
    Check(
        "claims",
        "presslint.analyzers.claims",
        # SRC004/SRC005 (unsourced claims, speculation) come from here: they read the sources check's SRC002
        # findings, so claims run after every other writer of findings.
        reads=("article", "quotes", "quantities", "dates", "findings", "learned"),
        writes=("claims", "findings"),
        rules=False,
    ),
    Check(
        "language",
        "presslint.analyzers.language",
        reads=("quotes", "learned"),
        parse=("doc.sents", "token.dep", "token.tag", "doc.ents"),
    ),
    Check("headline", "presslint.analyzers.headline", reads=("article",)),
    Check("contradictions", "presslint.analyzers.contradictions", reads=("article", "dates", "quotes", "sources")),
    Check(
        "translation",
        "presslint.analyzers.translation",
        reads=("article",),
        parse=("doc.sents", "token.dep", "token.tag", "token.lemma"),
    ),
    Check("hygiene", "presslint.analyzers.hygiene", reads=("article", "entities", "genre")),
    Check(
        "knowledge",
        "presslint.knowledge.checks",
        stage="knowledge",
        reads=("article", "pubdate", "entities", "roles", "dates"),
        parse=(),
        factory="make_knowledge_check",
    ),
    Check(
        "factchecks",
        "presslint.corpus.claimreview",
        stage="report",
        reads=("claims",),
        parse=(),
        factory="make_factcheck_match",
    ),
)


class RegistryError(RuntimeError):
    """The declarations do not fit together (a cycle, a record nobody writes, two writers of one record)."""


@cache
def records() -> dict[str, Record]:
    return {r.name: r for r in RECORDS}


def report_records() -> list[Record]:
    return [r for r in RECORDS if r.report]


def record_type(record: Record) -> Any:
    module, _, attr = record.type.partition(":")
    return getattr(importlib.import_module(module), attr)


def check(name: str) -> Check:
    for c in CHECKS:
        if c.name == name:
            return c
    raise KeyError(name)


def rule_modules() -> list[str]:
    """Modules that declare RULES, in catalogue order."""
    return [c.module for c in CHECKS if c.rules]


def validate(checks: tuple[Check, ...] = CHECKS, declared: tuple[Record, ...] = RECORDS) -> None:
    """Raise RegistryError unless every record is declared, has one writer (shared ones may have many) and is
    written by a check of the same or an earlier stage than its readers, and the checks' names are unique."""
    known = {r.name: r for r in declared}
    names = [c.name for c in checks]
    if len(names) != len(set(names)):
        raise RegistryError(f"duplicate check names in {names}")
    writers: dict[str, list[Check]] = {}
    for c in checks:
        if c.stage not in STAGES:
            raise RegistryError(f"check {c.name}: unknown stage {c.stage!r}")
        for name in (*c.reads, *c.writes):
            if name not in known:
                raise RegistryError(f"check {c.name} uses the undeclared record {name!r}")
        for name in c.writes:
            writers.setdefault(name, []).append(c)
    for name, ws in writers.items():
        if len(ws) > 1 and not known[name].shared:
            raise RegistryError(f"record {name!r} has several writers: {', '.join(w.name for w in ws)}")
    for c in checks:
        for name in c.reads:
            ws = writers.get(name, [])
            if not ws:
                raise RegistryError(f"check {c.name} reads {name!r}, which no check writes")
            # A shared record grows stage by stage: a reader sees what the writers of its stage and earlier ones
            # added (claims read the doc checks' findings; the knowledge stage adds more later). Any other record
            # must be complete before anyone reads it.
            if not known[name].shared and any(STAGES.index(w.stage) > STAGES.index(c.stage) for w in ws):
                raise RegistryError(f"check {c.name} reads {name!r}, written at a later stage")


def ordered(stage: str, checks: tuple[Check, ...] = CHECKS, declared: tuple[Record, ...] = RECORDS) -> list[Check]:
    """The checks of one stage, each after the checks that write what it reads (declaration order otherwise).
    A shared record (findings) is read only after all its writers. RegistryError on a cycle."""
    validate(checks, declared)
    mine = [c for c in checks if c.stage == stage]
    done: set[str] = set()
    order: list[Check] = []
    pending = list(mine)
    while pending:
        for c in pending:
            needs = {w.name for w in mine if w is not c and set(w.writes) & set(c.reads)}
            if needs <= done:
                order.append(c)
                done.add(c.name)
                pending.remove(c)
                break
        else:
            raise RegistryError(f"cycle among checks: {', '.join(c.name for c in pending)}")
    return order
