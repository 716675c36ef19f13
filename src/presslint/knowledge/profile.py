"""Import profiles: which Wikidata entities a local store keeps.

A profile keeps an entity when one of its P31 ("instance of") values is in a kept class group and it has at least that
group's sitelink count, or (whatever its class) when it has ``any_min_sitelinks`` sitelinks, so that well-known
entities typed with a narrow subclass (e.g. "unified combatant command") are not lost; subclass trees are not expanded
during a streaming pass. Positions and offices are kept at any sitelink count (role checks need their labels), and
a second pass (``fill``) fetches whatever P39 target or "of" qualifier a kept entity names but the store lacks.

The class ids are Wikidata's own (checked by hand against the class tree); extend a group with ``--types`` when a dump
types something differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import E, PresslintError

# Class groups: name -> P31 values that count as the group.
PEOPLE = frozenset({"Q5"})  # human
ORGS = frozenset(
    {
        "Q43229",  # organization
        "Q4830453",  # business
        "Q783794",  # company
        "Q6881511",  # enterprise
        "Q7278",  # political party
        "Q163740",  # nonprofit organization
        "Q484652",  # international organization
        "Q245065",  # intergovernmental organization
        "Q327333",  # government agency
        "Q176799",  # military unit
        "Q11204",  # legislature
        "Q35749",  # parliament
        "Q192350",  # ministry
        "Q476028",  # association football club
        "Q12973014",  # sports team
        "Q3918",  # university
        "Q11032",  # newspaper
        "Q192283",  # news agency
        "Q17127659",  # terrorist organization
        # News classes added for issue 12 (each QID found with its label in at least two public sources; see
        # tests/fixtures/wikidata/README.md): alliances, governments, political and supranational bodies, forces.
        "Q1127126",  # military alliance
        "Q7188",  # government
        "Q7210356",  # political organization
        "Q1335818",  # supranational organisation (supranational union)
        "Q4120211",  # regional organization
        "Q15925165",  # specialized agency of the United Nations
        "Q79913",  # non-governmental organization
        "Q772547",  # armed forces
        "Q781132",  # military branch
        "Q17149090",  # armed organization
    }
)
PLACES = frozenset(
    {
        "Q515",  # city
        "Q1549591",  # big city
        "Q5119",  # capital
        "Q6256",  # country
        "Q3624078",  # sovereign state
        "Q7275",  # state
        "Q34876",  # province
        "Q10864048",  # first-level administrative country subdivision
        "Q486972",  # human settlement
        "Q3957",  # town
        "Q245016",  # military base
        "Q1248784",  # airport
        "Q644371",  # international airport
        "Q1344695",  # province of Iran
        "Q149621",  # district
        "Q28575",  # county
    }
)
EVENTS = frozenset(
    {
        "Q198",  # war
        "Q178561",  # battle
        "Q350604",  # armed conflict
        "Q8465",  # civil war
        "Q645883",  # military operation
        "Q831663",  # military campaign
        "Q40231",  # election
        "Q1076105",  # general election
        "Q858439",  # presidential election
        "Q43109",  # referendum
        "Q3882219",  # assassination
        "Q2223653",  # terrorist attack
        "Q45382",  # coup d'état
        "Q273120",  # protest
        "Q131569",  # treaty
    }
)
POSITIONS = frozenset(
    {
        "Q4164871",  # position
        "Q294414",  # public office
        "Q2285706",  # head of government
        "Q48352",  # head of state
        "Q30461",  # president
        "Q14212",  # prime minister
        "Q83307",  # minister
        "Q30185",  # mayor
        "Q484876",  # chief executive officer
        "Q121998",  # ambassador
    }
)
# Never worth keeping, however many sitelinks: Wikimedia pages and science catalogues.
EXCLUDED = frozenset(
    {
        "Q4167410",  # Wikimedia disambiguation page
        "Q13406463",  # Wikimedia list article
        "Q4167836",  # Wikimedia category
        "Q11266439",  # Wikimedia template
        "Q13442814",  # scholarly article
        "Q16521",  # taxon
        "Q7187",  # gene
        "Q8054",  # protein
    }
)
GROUPS: dict[str, frozenset[str]] = {
    "people": PEOPLE,
    "orgs": ORGS,
    "places": PLACES,
    "events": EVENTS,
    "positions": POSITIONS,
}


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    min_sitelinks: dict[str, int]  # group -> minimum sitelinks for an entity of that group
    any_min_sitelinks: int | None = None  # keep any non-excluded item with this many sitelinks (None: never)
    extra_types: frozenset[str] = field(default_factory=frozenset)  # more P31 values, counted as "orgs"-like extras
    extra_min_sitelinks: int = 0
    # Subclasses of each group's classes, from a class table (``kb classes``): group -> more P31 values.
    subclasses: tuple[tuple[str, frozenset[str]], ...] = ()
    classes_built: str | None = None  # the class table's date, recorded with the import

    def classes(self, group: str) -> frozenset[str]:
        more = dict(self.subclasses).get(group)
        return GROUPS[group] | more if more else GROUPS[group]

    def group_of(self, types: list[str]) -> str | None:
        """The first kept group one of ``types`` belongs to (subclasses included when a class table is loaded)."""
        for group in self.min_sitelinks:
            if not self.classes(group).isdisjoint(types):
                return group
        if self.extra_types and not self.extra_types.isdisjoint(types):
            return "extra"
        return None

    def keeps(self, types: list[str], sitelinks: int) -> bool:
        excluded = dict(self.subclasses).get("excluded")
        if EXCLUDED.intersection(types) or (excluded and excluded.intersection(types)):
            return False
        group = self.group_of(types)
        if group == "extra":
            return sitelinks >= self.extra_min_sitelinks
        if group is not None:
            return sitelinks >= self.min_sitelinks[group]
        return self.any_min_sitelinks is not None and sitelinks >= self.any_min_sitelinks

    def with_overrides(self, *, min_sitelinks: int | None = None, types: tuple[str, ...] = ()) -> Profile:
        """``--min-sitelinks N`` raises or lowers every group's threshold (positions stay at 0)."""
        profile = self
        if min_sitelinks is not None:
            thresholds = {g: (0 if g == "positions" else min_sitelinks) for g in self.min_sitelinks}
            anymin = None if self.any_min_sitelinks is None else max(self.any_min_sitelinks, min_sitelinks)
            profile = replace(
                profile, min_sitelinks=thresholds, any_min_sitelinks=anymin, extra_min_sitelinks=min_sitelinks
            )
        if types:
            profile = replace(profile, extra_types=frozenset(types) | profile.extra_types)
        return profile

    def with_classes(self, table: dict[str, Any]) -> Profile:
        """This profile with a class table's subclasses (see ``classes.build_class_table``)."""
        groups = tuple((g, frozenset(ids)) for g, ids in table.get("groups", {}).items())
        return replace(self, subclasses=groups, classes_built=table.get("built"))

    def describe(self) -> dict[str, Any]:
        return {
            "classes_built": self.classes_built,
            "subclasses": {g: len(ids) for g, ids in self.subclasses},
            "name": self.name,
            "min_sitelinks": self.min_sitelinks,
            "any_min_sitelinks": self.any_min_sitelinks,
            "extra_types": sorted(self.extra_types),
            "extra_min_sitelinks": self.extra_min_sitelinks,
        }


PROFILES: dict[str, Profile] = {
    # What a news checker meets: notable people, organisations, places and events, every position.
    "news": Profile("news", {"people": 3, "orgs": 2, "places": 2, "events": 1, "positions": 0}, any_min_sitelinks=15),
    "people": Profile("people", {"people": 1, "positions": 0}),
    "orgs": Profile("orgs", {"orgs": 1, "positions": 0}),
    "places": Profile("places", {"places": 1}),
    "events": Profile("events", {"events": 0}),
    "all": Profile("all", dict.fromkeys(GROUPS, 0), any_min_sitelinks=0),
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise PresslintError(E.E603, name=name, choices=", ".join(PROFILES)) from None


# Statements whose item values the checks read labels of: P39 targets and their "of"/jurisdiction qualifiers, the
# countries and parents of places (KB007 names them), citizenships and official languages (KB001's script test).
REFERENCED_PIDS = ("P39", "P17", "P27", "P131", "P37")
REFERENCED_QUALIFIERS = ("P642", "P1001")


def _claims(data: dict[str, Any]) -> dict[str, Any]:
    claims = data.get("claims")
    return claims if isinstance(claims, dict) else {}  # real output writes an empty map as []


def _item_id(snak: Any) -> str | None:
    if not isinstance(snak, dict) or snak.get("snaktype", "value") != "value":
        return None
    datavalue = snak.get("datavalue")
    value = datavalue.get("value") if isinstance(datavalue, dict) else None
    if not isinstance(value, dict) or value.get("entity-type", "item") != "item":
        return None
    if isinstance(value.get("id"), str) and value["id"].startswith("Q"):
        return value["id"]
    return f"Q{value['numeric-id']}" if "numeric-id" in value else None


def _statements(claims: dict[str, Any], pid: str) -> list[dict[str, Any]]:
    found = claims.get(pid)
    return (
        [c for c in found if isinstance(c, dict) and c.get("rank") != "deprecated"] if isinstance(found, list) else []
    )


def referenced_ids(data: dict[str, Any]) -> set[int]:
    """Numeric ids of what a raw entity's kept statements name and the checks read labels of: positions (and what
    they are "of"), countries, citizenships, administrative parents, official languages."""
    out: set[int] = set()
    claims = _claims(data)
    for pid in REFERENCED_PIDS:
        for claim in _statements(claims, pid):
            snaks = [claim.get("mainsnak")]
            qualifiers = claim.get("qualifiers")
            if isinstance(qualifiers, dict):
                for qpid in REFERENCED_QUALIFIERS:
                    found = qualifiers.get(qpid)
                    snaks.extend(found if isinstance(found, list) else ())
            for snak in snaks:
                qid = _item_id(snak)
                if qid is not None and qid[1:].isdigit():
                    out.add(int(qid[1:]))
    return out


def item_types(data: dict[str, Any]) -> list[str]:
    """P31 values of a raw entity's non-deprecated statements (what the profile decides on)."""
    return [q for q in (_item_id(c.get("mainsnak")) for c in _statements(_claims(data), "P31")) if q]


def superclasses(data: dict[str, Any]) -> list[str]:
    """P279 values of a raw entity's non-deprecated statements."""
    return [q for q in (_item_id(c.get("mainsnak")) for c in _statements(_claims(data), "P279")) if q]
