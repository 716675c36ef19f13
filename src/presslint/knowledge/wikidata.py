"""Wikidata's JSON entity format -> compact records (the fields a news checker needs, with provenance).

The format is the one of the JSON dumps and of ``wbgetentities``: ``{"id": "Q42", "labels": {lang: {"value"}},
"aliases": {lang: [{"value"}]}, "descriptions": ..., "claims": {pid: [statement]}, "sitelinks": {...}}``.
"""

from __future__ import annotations

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
}
QUALIFIERS = ("P580", "P582", "P585", "P642", "P1001", "P17", "P276", "P1545")
LANGUAGES = ("en", "ar", "fa", "ku", "tr", "fr", "de", "es", "ru", "uk", "zh", "mul")


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

    def values(self, pid: str) -> list[Any]:
        return [s.value for s in self.statements if s.pid == pid and s.rank != "deprecated"]


def _snak_value(snak: dict[str, Any]) -> Any:
    if snak.get("snaktype") != "value":
        return None
    dv = snak.get("datavalue", {})
    value, kind = dv.get("value"), dv.get("type")
    if kind == "wikibase-entityid":
        return value.get("id") or f"Q{value.get('numeric-id')}"
    if kind == "time":
        return {"time": value["time"], "precision": value.get("precision", 11)}
    if kind == "monolingualtext":
        return value.get("text")
    if kind == "globecoordinate":
        return {"lat": value.get("latitude"), "lon": value.get("longitude")}
    if kind == "quantity":
        return value.get("amount")
    if kind == "string":
        return value
    return None


def parse_entity(data: dict[str, Any], *, languages: tuple[str, ...] = LANGUAGES) -> EntityRecord:
    labels = data.get("labels", {})
    label = (labels.get("en") or labels.get("mul") or {}).get("value")
    description = (data.get("descriptions", {}).get("en") or {}).get("value")
    names: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str | None, lang: str, kind: str) -> None:
        if text and (text, kind) not in seen:
            seen.add((text, kind))
            names.append((text, lang, kind))

    for lang in languages:
        add((labels.get(lang) or {}).get("value"), lang, "label")
        for alias in data.get("aliases", {}).get(lang, []):
            add(alias.get("value"), lang, "alias")
    statements: list[Statement] = []
    for pid, claims in data.get("claims", {}).items():
        if pid not in PROPERTIES:
            continue
        for claim in claims:
            value = _snak_value(claim.get("mainsnak", {}))
            if value is None:
                continue
            qualifiers = {}
            for qpid, snaks in (claim.get("qualifiers") or {}).items():
                if qpid in QUALIFIERS:
                    vals = [v for v in (_snak_value(s) for s in snaks) if v is not None]
                    if vals:
                        qualifiers[qpid] = vals
            statements.append(Statement(pid, value, qualifiers, claim.get("rank", "normal")))
            if pid in ("P1813", "P1448", "P1449") and isinstance(value, str):
                add(value, "mul", "short" if pid == "P1813" else "alias")
    return EntityRecord(
        qid=data["id"],
        label=label,
        description=description,
        names=names,
        statements=statements,
        sitelinks=len(data.get("sitelinks", {})),
    )


def time_to_iso(value: dict[str, Any]) -> str | None:
    """Wikidata time -> "YYYY", "YYYY-MM" or "YYYY-MM-DD" by precision (9 year, 10 month, 11 day)."""
    raw = value.get("time", "")
    sign = "-" if raw.startswith("-") else ""
    parts = raw.lstrip("+-").split("T", 1)[0].split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = parts
    precision = value.get("precision", 11)
    if precision <= 9 or month == "00":
        return f"{sign}{year}"
    if precision == 10 or day == "00":
        return f"{sign}{year}-{month}"
    return f"{sign}{year}-{month}-{day}"
