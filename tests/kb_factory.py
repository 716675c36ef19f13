"""Small Wikidata-format JSON items for knowledge-check tests, and a store built from them.

Fake QIDs are above Q900000000; real ones are used only where certain (Q5 human, Q6256 country, Q515 city and a few
countries). The facts are written from general knowledge for the tests; they are not a Wikidata extract.
"""

from __future__ import annotations

from typing import Any

HUMAN, COUNTRY, CITY, POSITION = "Q5", "Q6256", "Q515", "Q4164871"
US, UK, IRAQ, AFGHANISTAN, IRAN, FRANCE, BELGIUM, NATO = "Q30", "Q145", "Q796", "Q889", "Q794", "Q142", "Q31", "Q7184"


def _value(v: Any) -> dict[str, Any]:
    if isinstance(v, str) and v[:1] == "Q" and v[1:].isdigit():
        return {"type": "wikibase-entityid", "value": {"entity-type": "item", "id": v}}
    if isinstance(v, str) and v[:4].isdigit() and (len(v) == 4 or v[4] == "-"):
        parts = v.split("-")
        precision = {1: 9, 2: 10, 3: 11}[len(parts)]
        full = "-".join(parts + ["00"] * (3 - len(parts)))
        return {"type": "time", "value": {"time": f"+{full}T00:00:00Z", "precision": precision}}
    if isinstance(v, tuple):
        return {"type": "globecoordinate", "value": {"latitude": v[0], "longitude": v[1]}}
    return {"type": "string", "value": v}


def snak(pid: str, v: Any) -> dict[str, Any]:
    if v == "somevalue":
        return {"snaktype": "somevalue", "property": pid}  # a value exists, Wikidata does not know it
    if isinstance(v, str) and pid == "P1813":
        return {
            "snaktype": "value",
            "property": pid,
            "datavalue": {"type": "monolingualtext", "value": {"text": v, "language": "en"}},
        }
    return {"snaktype": "value", "property": pid, "datavalue": _value(v)}


def claim(pid: str, v: Any, **qualifiers: Any) -> dict[str, Any]:
    out = {"mainsnak": snak(pid, v), "rank": "normal", "type": "statement"}
    if qualifiers:
        out["qualifiers"] = {q: [snak(q, x)] for q, x in qualifiers.items() if x is not None}
    return out


def item(
    qid: str,
    label: str,
    *,
    aliases: tuple[str, ...] = (),
    description: str = "",
    sitelinks: int = 10,
    claims: list[dict[str, Any]] = (),
    other_labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    by_pid: dict[str, list] = {}
    for c in claims:
        by_pid.setdefault(c["mainsnak"]["property"], []).append(c)
    labels = {"en": {"language": "en", "value": label}}
    for lang, text in (other_labels or {}).items():
        labels[lang] = {"language": lang, "value": text}
    return {
        "id": qid,
        "type": "item",
        "labels": labels,
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "descriptions": {"en": {"language": "en", "value": description}} if description else {},
        "claims": by_pid,
        "sitelinks": {f"site{i}wiki": {"title": label} for i in range(sitelinks)},
    }


def person(
    qid: str,
    label: str,
    *claims: dict,
    aliases=(),
    citizenship: str | None = None,
    died: str | None = None,
    sitelinks: int = 40,
    description: str = "",
) -> dict[str, Any]:
    cl = [claim("P31", HUMAN), *claims]
    if citizenship:
        cl.append(claim("P27", citizenship))
    if died:
        cl.append(claim("P570", died))
    return item(qid, label, aliases=aliases, claims=cl, sitelinks=sitelinks, description=description)


LATIN, ARABIC_SCRIPT = "Q8229", "Q8196"
ENGLISH, FRENCH, ARABIC, PERSIAN = "Q1860", "Q150", "Q13955", "Q9168"
OFFICIAL = {US: [ENGLISH], UK: [ENGLISH], FRANCE: [FRENCH], BELGIUM: [FRENCH], IRAQ: [ARABIC], IRAN: [PERSIAN]}


def country(qid: str, label: str, aliases=()) -> dict[str, Any]:
    languages = [claim("P37", lang) for lang in OFFICIAL.get(qid, [])]
    return item(
        qid,
        label,
        aliases=aliases,
        claims=[claim("P31", COUNTRY), claim("P625", (0.0, 0.0)), *languages],
        sitelinks=200,
    )


def languages() -> list[dict]:
    """Official languages with their writing system (P282): what KB001's Latin-script test reads."""
    return [
        item(ENGLISH, "English", claims=[claim("P282", LATIN)], sitelinks=150),
        item(FRENCH, "French", claims=[claim("P282", LATIN)], sitelinks=150),
        item(ARABIC, "Arabic", claims=[claim("P282", ARABIC_SCRIPT)], sitelinks=150),
        item(PERSIAN, "Persian", claims=[claim("P282", ARABIC_SCRIPT)], sitelinks=150),
    ]


def city(qid: str, label: str, in_country: str, aliases=()) -> dict[str, Any]:
    return item(
        qid,
        label,
        aliases=aliases,
        claims=[claim("P31", CITY), claim("P17", in_country), claim("P625", (0.0, 0.0))],
        sitelinks=80,
    )


def countries() -> list[dict]:
    return [
        country(US, "United States of America", ("United States", "US", "U.S.", "USA", "America")),
        country(UK, "United Kingdom", ("UK", "Britain", "Great Britain")),
        country(IRAQ, "Iraq", ("Republic of Iraq",)),
        country(AFGHANISTAN, "Afghanistan"),
        country(IRAN, "Iran", ("Islamic Republic of Iran",)),
        country(FRANCE, "France"),
        country(BELGIUM, "Belgium"),
        country("Q900000131", "Kosovo"),
        country("Q900000132", "Bosnia and Herzegovina", ("Bosnia",)),
    ]


def middle_east() -> list[dict]:
    """CENTCOM and its commanders, ISAF, the anti-ISIL coalition, the January 2020 strike and vote."""
    centcom, commander, iraq_pm = "Q900000010", "Q900000011", "Q900000036"
    return [
        item(
            NATO,
            "NATO",
            aliases=("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
            claims=[claim("P1813", "NATO"), claim("P571", "1949-04-04")],
            sitelinks=200,
        ),
        item(
            centcom,
            "United States Central Command",
            aliases=("CENTCOM", "US Central Command", "USCENTCOM", "Central Command"),
            description="unified combatant command of the US Armed Forces",
            claims=[claim("P1813", "CENTCOM"), claim("P17", US), claim("P571", "1983-01-01")],
            sitelinks=40,
        ),
        item(
            commander,
            "Commander of United States Central Command",
            aliases=("CENTCOM commander",),
            claims=[claim("P31", POSITION), claim("P361", centcom)],
        ),
        person(
            "Q900000012",
            "Kenneth F. McKenzie Jr.",
            claim("P39", commander, P580="2019-03-28", P582="2022-04-01"),
            claim("P410", "Q900000014"),
            aliases=("Kenneth McKenzie", "Frank McKenzie", "Kenneth Franklin McKenzie Jr."),
            citizenship=US,
        ),
        person(
            "Q900000013",
            "Joseph Votel",
            claim("P39", commander, P580="2016-03-30", P582="2019-03-28"),
            aliases=("Joseph L. Votel",),
            citizenship=US,
        ),
        item(
            "Q900000020",
            "International Security Assistance Force",
            aliases=("ISAF",),
            description="NATO-led military mission in Afghanistan",
            claims=[
                claim("P1813", "ISAF"),
                claim("P17", AFGHANISTAN),
                claim("P749", NATO),
                claim("P571", "2001-12-20"),
                claim("P576", "2014-12-28"),
            ],
            sitelinks=60,
        ),
        item(
            "Q900000022",
            "Combined Joint Task Force – Operation Inherent Resolve",
            aliases=("CJTF-OIR", "Operation Inherent Resolve", "anti-ISIL coalition", "US-led coalition against ISIL"),
            description="military coalition against the Islamic State",
            claims=[
                claim("P1813", "CJTF-OIR"),
                claim("P17", IRAQ),
                claim("P749", centcom),
                claim("P571", "2014-10-17"),
            ],
        ),
        person(
            "Q900000030",
            "Qasem Soleimani",
            claim("P39", "Q900000039", P582="2020-01-03"),
            aliases=("Qassem Soleimani", "Ghasem Soleimani", "Qasem Suleimani"),
            citizenship=IRAN,
            died="2020-01-03",
        ),
        item("Q900000039", "commander of the Quds Force", claims=[claim("P31", POSITION), claim("P361", "Q900000037")]),
        item("Q900000037", "Quds Force", claims=[claim("P17", IRAN)]),
        person(
            "Q900000032",
            "Abu Mahdi al-Muhandis",
            aliases=("Abu Mahdi al-Mohandes",),
            citizenship=IRAQ,
            died="2020-01-03",
        ),
        item(
            "Q900000031",
            "Assassination of Qasem Soleimani",
            aliases=("killing of Qasem Soleimani", "Baghdad airport airstrike"),
            description="US drone strike at Baghdad International Airport",
            claims=[
                claim("P585", "2020-01-03"),
                claim("P710", "Q900000030"),
                claim("P710", "Q900000032"),
                claim("P710", US),
                claim("P17", IRAQ),
            ],
        ),
        item(
            "Q900000033",
            "Council of Representatives of Iraq",
            aliases=("Iraqi Parliament", "Iraqi Council of Representatives"),
            claims=[claim("P17", IRAQ)],
        ),
        item(
            "Q900000034",
            "Iraqi parliament resolution on the expulsion of foreign troops",
            aliases=("Iraqi parliament vote to expel US troops",),
            claims=[claim("P585", "2020-01-05"), claim("P710", "Q900000033"), claim("P17", IRAQ)],
        ),
        item(iraq_pm, "Prime Minister of Iraq", claims=[claim("P31", POSITION), claim("P1001", IRAQ)]),
        person(
            "Q900000035",
            "Mustafa Al-Kadhimi",
            claim("P39", iraq_pm, P580="2020-05-07"),
            aliases=("Mustafa al-Kadhimi", "Mustafa Kadhimi"),
            citizenship=IRAQ,
        ),
        city("Q900000040", "Erbil", IRAQ, ("Arbil", "Irbil", "Hawler")),
    ]


def news_world() -> list[dict]:
    """People, companies, events, places and missions for the project's own test articles."""
    uk_pm, apple_ceo = "Q900000102", "Q900000122"
    return [
        item(
            uk_pm,
            "Prime Minister of the United Kingdom",
            aliases=("British Prime Minister", "UK prime minister"),
            claims=[claim("P31", POSITION), claim("P1001", UK)],
        ),
        person(
            "Q900000101",
            "Boris Johnson",
            claim("P39", uk_pm, P580="2019-07-24", P582="2022-09-06"),
            aliases=("Alexander Boris de Pfeffel Johnson",),
            citizenship=UK,
            sitelinks=150,
        ),
        person("Q900000104", "Liz Truss", claim("P39", uk_pm, P580="2022-09-06", P582="2022-10-25"), citizenship=UK),
        person("Q900000103", "Rishi Sunak", claim("P39", uk_pm, P580="2022-10-25"), citizenship=UK),
        # Made-up former prime ministers whose second term Wikidata would record without dates, or with an end that
        # exists but is unknown: neither may be read as "not held" (KB002 bails out).
        person(
            "Q900000105",
            "Arthur Penhale",
            claim("P39", uk_pm, P580="1964-10-16", P582="1970-06-19"),
            claim("P39", uk_pm),
            citizenship=UK,
        ),
        person(
            "Q900000106",
            "Margaret Trevanion",
            claim("P39", uk_pm, P580="1970-06-19", P582="1974-03-04"),
            claim("P39", uk_pm, P580="2015-01-01", P582="somevalue"),
            citizenship=UK,
        ),
        person(
            "Q900000110",
            "David Bowie",
            aliases=("David Robert Jones",),
            citizenship=UK,
            died="2016-01-10",
            description="English singer-songwriter",
            sitelinks=150,
        ),
        item(
            "Q900000120",
            "Apple Inc.",
            aliases=("Apple",),
            description="American technology company",
            claims=[claim("P17", US), claim("P1037", "Q900000121"), claim("P571", "1976-04-01")],
            sitelinks=150,
        ),
        item(
            apple_ceo, "chief executive officer of Apple", claims=[claim("P31", POSITION), claim("P361", "Q900000120")]
        ),
        person(
            "Q900000121",
            "Tim Cook",
            claim("P39", apple_ceo, P580="2011-08-24"),
            claim("P108", "Q900000120"),
            aliases=("Timothy Donald Cook",),
            citizenship=US,
            sitelinks=90,
        ),
        person(
            "Q900000123",
            "Tom Cook",
            aliases=("Thomas Cook",),
            description="English cricketer",
            citizenship=UK,
            sitelinks=2,
        ),
        item(
            "Q900000140",
            "Iran–Iraq War",
            aliases=("Iran-Iraq War", "First Gulf War"),
            claims=[claim("P580", "1980-09-22"), claim("P582", "1988-08-20"), claim("P710", IRAN), claim("P710", IRAQ)],
            sitelinks=100,
        ),
        city("Q900000150", "Lyon", FRANCE, ("Lyons",)),
        city("Q900000151", "Liège", BELGIUM, ("Liege",)),
        city("Q900000152", "Paris", FRANCE),
        item(
            "Q900000153",
            "Paris",
            description="city in Texas, United States",
            claims=[claim("P31", CITY), claim("P17", US), claim("P625", (33.66, -95.55))],
            sitelinks=20,
        ),
        item(
            "Q900000130",
            "Kosovo Force",
            aliases=("KFOR",),
            description="NATO-led peacekeeping force in Kosovo",
            claims=[
                claim("P1813", "KFOR"),
                claim("P17", "Q900000131"),
                claim("P749", NATO),
                claim("P571", "1999-06-12"),
            ],
            sitelinks=40,
        ),
    ]


def all_items() -> list[dict]:
    return countries() + languages() + middle_east() + news_world()


def build_store(items: list[dict] | None = None, path: str = ":memory:"):
    from presslint.knowledge.store import KnowledgeBase
    from presslint.knowledge.wikidata import parse_entity

    kb = KnowledgeBase(path)
    kb.add(parse_entity(x) for x in (items if items is not None else all_items()))
    return kb
