"""Wikidata's JSON entity format -> compact records (the fields a news checker needs, with provenance).

The format is the one of the JSON dumps, ``wbgetentities`` and ``Special:EntityData`` (Wikibase's "JSON" data model
page): ``{"id": "Q42", "labels": {lang: {"value"}}, "aliases": {lang: [{"value"}]}, "descriptions": ...,
"claims": {pid: [statement]}, "sitelinks": {...}}``. Real output differs from the tidy form in ways the parser takes
as they come:

- an empty map is written as an empty list (``"aliases": []``, ``"claims": []``, ``"sitelinks": []``), and any
  section may be missing;
- a snak may be ``somevalue`` (a value exists but is unknown: kept as ``UNKNOWN``) or ``novalue`` (dropped);
- ``deprecated`` statements are dropped at import; ``preferred`` ones win over ``normal`` ones (``values``);
- a time has a precision (9 year, 10 month, 11 day; coarser ones as decades/centuries) that every date comparison
  keeps (``time_bounds``), and the year may be zero-padded ("+00000002014-01-01T00:00:00Z");
- ``wbgetentities`` answers an id that was merged into another with the target's entity and ``redirects: {from,
  to}`` (the record keeps ``redirected_from``);
- keys come in any order.

Anything else that is not the shape above (an entity that is not an object, an id that is not a QID, a statement
that is not an object) raises ``EntityError``, which the importer counts as a bad line and goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

# Properties kept, with what they mean for the checks.
PROPERTIES: dict[str, str] = {
    "P31": "instance of",
    "P279": "subclass of",
    "P569": "date of birth",
    "P570": "date of death",
    "P39": "position held",
    "P580": "start time",
    "P582": "end time",
    "P642": "of",
    "P1001": "applies to jurisdiction",
    "P571": "inception",
    "P576": "dissolved",
    "P585": "point in time",
    "P17": "country",
    "P276": "location",
    "P131": "located in the administrative territorial entity",
    "P159": "headquarters location",
    "P625": "coordinate location",
    "P1813": "short name",
    "P749": "parent organization",
    "P710": "participant",
    "P1037": "director / manager",
    "P488": "chairperson",
    "P35": "head of state",
    "P6": "head of government",
    "P1308": "officeholder",
    "P106": "occupation",
    "P27": "country of citizenship",
    "P361": "part of",
    "P1448": "official name",
    "P1449": "nickname",
    "P793": "significant event",
    "P2348": "time period",
    "P607": "conflict",
    "P241": "military branch",
    "P410": "military rank",
    "P108": "employer",
    "P169": "chief executive officer",
    "P2389": "organization directed by the office or position",
    "P37": "official language",
    "P282": "writing system",
    "P36": "capital",
    "P1376": "capital of",
}
QUALIFIERS = ("P580", "P582", "P585", "P642", "P1001", "P17", "P276", "P1545")
LANGUAGES = ("en", "ar", "fa", "ku", "tr", "fr", "de", "es", "ru", "uk", "zh", "mul")
NAME_PIDS = {"P1813": "short", "P1448": "alias", "P1449": "alias"}  # monolingual names that become names
UNKNOWN = "?"  # a somevalue snak: there is a value, Wikidata does not know it (e.g. an end date not yet sourced)
_QID = re.compile(r"^Q[1-9]\d*$")
_TIME = re.compile(r"^([+-])0*(\d{1,16})-(\d\d)-(\d\d)T")


class EntityError(ValueError):
    """An entity that is valid JSON but not Wikibase's entity shape."""


@dataclass(slots=True)
class Statement:
    pid: str
    value: Any  # "Q5" for items, {"time": "+2020-01-03T00:00:00Z", "precision": 11} for times, str, or {"lat","lon"}
    qualifiers: dict[str, list[Any]] = field(default_factory=dict)
    rank: str = "normal"


@dataclass(slots=True)
class EntityRecord:
    qid: str
    label: str | None
    description: str | None
    names: list[tuple[str, str, str]]  # (text, language, kind: label | alias | short)
    statements: list[Statement]
    sitelinks: int = 0
    redirected_from: list[str] = field(default_factory=list)

    def statements_of(self, pid: str) -> list[Statement]:
        """Non-deprecated statements of ``pid`` (every rank the store keeps)."""
        return [s for s in self.statements if s.pid == pid and s.rank != "deprecated"]

    def values(self, pid: str) -> list[Any]:
        """Values of the best-ranked statements of ``pid``: the preferred ones when there are any, else the normal
        ones (Wikidata's "truthy" reading). Unknown values (somevalue) are left out."""
        found = self.statements_of(pid)
        preferred = [s for s in found if s.rank == "preferred"]
        return [s.value for s in (preferred or found) if s.value != UNKNOWN]


def _map(value: Any) -> dict[str, Any]:
    """A JSON object, or {} for what real output writes for an empty one ([] or null)."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _snak_value(snak: Any) -> Any:
    """The value of a snak; ``UNKNOWN`` for somevalue; None for novalue and for values the checks cannot read."""
    if not isinstance(snak, dict):
        return None
    kind_of_snak = snak.get("snaktype", "value")
    if kind_of_snak == "somevalue":
        return UNKNOWN
    if kind_of_snak != "value":
        return None
    dv = _map(snak.get("datavalue"))
    value, kind = dv.get("value"), dv.get("type")
    if kind == "wikibase-entityid" and isinstance(value, dict):
        if value.get("id"):
            return str(value["id"])
        if "numeric-id" in value and value.get("entity-type", "item") == "item":
            return f"Q{value['numeric-id']}"
        return None
    if kind == "time" and isinstance(value, dict) and isinstance(value.get("time"), str):
        return {"time": normalise_time(value["time"]), "precision": int(value.get("precision", 11))}
    if kind == "monolingualtext" and isinstance(value, dict):
        return value.get("text")
    if kind == "globecoordinate" and isinstance(value, dict):
        return {"lat": value.get("latitude"), "lon": value.get("longitude")}
    if kind == "quantity" and isinstance(value, dict):
        return value.get("amount")
    if kind == "string" and isinstance(value, str):
        return value
    return None


def _snak_language(snak: dict[str, Any]) -> str | None:
    value = _map(_map(snak.get("datavalue")).get("value"))
    return value.get("language")


def normalise_time(raw: str) -> str:
    """'+00000002014-01-01T00:00:00Z' -> '+2014-01-01T00:00:00Z' (the year's zero padding dropped)."""
    m = _TIME.match(raw)
    if m is None:
        return raw
    sign, year, month, day = m.groups()
    return f"{sign}{int(year):04d}-{month}-{day}T00:00:00Z"


def parse_entity(data: Any, *, languages: tuple[str, ...] = LANGUAGES) -> EntityRecord:
    """One entity JSON object -> EntityRecord. Raises ``EntityError`` when ``data`` is not an item's shape."""
    if not isinstance(data, dict):
        raise EntityError(f"an entity is a JSON object, not {type(data).__name__}")
    qid = data.get("id")
    if not isinstance(qid, str) or not _QID.match(qid):
        raise EntityError(f"not an item id: {qid!r}")
    labels = _map(data.get("labels"))

    def text_of(term: Any) -> str | None:
        value = term.get("value") if isinstance(term, dict) else None
        return value if isinstance(value, str) and value.strip() else None

    label = next((t for t in (text_of(labels.get(lang)) for lang in ("en", "mul", *languages)) if t), None)
    description = text_of(_map(data.get("descriptions")).get("en"))
    names: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str | None, lang: str, kind: str) -> None:
        if text and (text, kind) not in seen:
            seen.add((text, kind))
            names.append((text, lang, kind))

    aliases = _map(data.get("aliases"))
    for lang in languages:
        add(text_of(labels.get(lang)), lang, "label")
        for alias in _list(aliases.get(lang)):
            add(text_of(alias), lang, "alias")
    statements: list[Statement] = []
    for pid, claims in _map(data.get("claims")).items():
        if pid not in PROPERTIES:
            continue
        for claim in _list(claims):
            if not isinstance(claim, dict):
                raise EntityError(f"a {pid} statement is not an object")
            rank = claim.get("rank", "normal")
            if rank == "deprecated":
                continue  # known to be wrong: never read
            snak = _map(claim.get("mainsnak"))
            value = _snak_value(snak)
            if value is None:
                continue
            qualifiers: dict[str, list[Any]] = {}
            for qpid, snaks in _map(claim.get("qualifiers")).items():
                if qpid in QUALIFIERS:
                    vals = [v for v in (_snak_value(s) for s in _list(snaks)) if v is not None]
                    if vals:
                        qualifiers[qpid] = vals
            statements.append(Statement(pid, value, qualifiers, rank if rank in ("preferred", "normal") else "normal"))
            if pid in NAME_PIDS and isinstance(value, str) and value != UNKNOWN:
                lang = _snak_language(snak) or "mul"
                if lang in languages or lang.split("-")[0] in languages:
                    add(value, lang, NAME_PIDS[pid])
    redirect = _map(data.get("redirects"))
    redirected = [redirect["from"]] if isinstance(redirect.get("from"), str) and redirect["from"] != qid else []
    return EntityRecord(
        qid=qid,
        label=label,
        description=description,
        names=names,
        statements=statements,
        sitelinks=len(_map(data.get("sitelinks"))),
        redirected_from=redirected,
    )


def time_to_iso(value: dict[str, Any]) -> str | None:
    """Wikidata time -> "YYYY", "YYYY-MM" or "YYYY-MM-DD" by precision (9 year, 10 month, 11 day); None when the
    precision is coarser than a year (decade, century: see ``time_bounds``)."""
    if not isinstance(value, dict):
        return None
    m = _TIME.match(str(value.get("time", "")))
    if m is None:
        return None
    sign, year, month, day = m.groups()
    sign = "-" if sign == "-" else ""
    year = f"{int(year):04d}"
    precision = value.get("precision", 11)
    if precision < 9:
        return None
    if precision == 9 or month == "00":
        return f"{sign}{year}"
    if precision == 10 or day == "00":
        return f"{sign}{year}-{month}"
    return f"{sign}{year}-{month}-{day}"


def time_bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day a Wikidata time covers, by its precision: a day, a month, a year, a decade (8) or a
    century (7). None for unknown values, BCE dates and coarser precisions."""
    if not isinstance(value, dict):
        return None
    m = _TIME.match(str(value.get("time", "")))
    if m is None or m.group(1) == "-":
        return None
    year, month, day = int(m.group(2)), int(m.group(3)), int(m.group(4))
    precision = value.get("precision", 11)
    try:
        if precision == 8:
            lo = year - year % 10
            return dt.date(max(lo, 1), 1, 1), dt.date(lo + 9, 12, 31)
        if precision == 7:  # Wikidata's "20th century" is stored as a year in it (e.g. 1901 or 2000)
            first = (year - 1) // 100 * 100 + 1
            return dt.date(first, 1, 1), dt.date(first + 99, 12, 31)
        if precision < 7 or year == 0:
            return None
        if precision == 9 or month == 0:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if precision == 10 or day == 0:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:  # "February 30" (allowed by the format) or a year past 9999
        return None
