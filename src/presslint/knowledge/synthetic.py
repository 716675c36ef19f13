"""A synthetic knowledge store of realistic-looking names, to measure a store the size of a real import.

Names are random combinations of name parts from several cultures (people), organisation patterns with acronyms, and
place names with a country. Loading is bulk: ``executemany`` inside one transaction, blocking keys sorted by SQLite's
own sorter, indexes created after the rows are in. Entity ids start at Q800000000 so they never pass for real ones.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .keys import name_key, token_keys
from .store import INDEXES, TABLES, EntityRow, KeyRow, NameRow, StatementRow

FIRST_ID = 800_000_000
BATCH = 20_000

GIVEN = {
    "english": "James John Robert Michael William David Richard Thomas Mary Patricia Jennifer Linda Elizabeth Susan "
    "Margaret Sarah Karen Nancy Kenneth Frank George Edward Helen Alice",
    "arabic": "Mohammed Ahmed Ali Hassan Hussein Omar Khalid Mustafa Ibrahim Youssef Abdullah Fatima Aisha Zainab "
    "Maryam Layla Nour Haider Adil Qasim Jamal Salah Tariq Faisal Hamid",
    "persian": "Reza Mahmoud Javad Hossein Mehdi Ali-Akbar Mohsen Qasem Esmail Abbas Shirin Parisa Maryam Narges "
    "Farhad Dariush Kourosh Babak Hamid Saeed",
    "kurdish": "Masoud Nechirvan Barham Hoshyar Fuad Kosrat Hero Shilan Dilan Rezan Azad Serwan Karwan Diyar",
    "russian": "Sergei Vladimir Dmitry Alexei Nikolai Ivan Mikhail Andrei Olga Tatiana Natalia Svetlana Yulia "
    "Yevgeny Anatoly Boris Valentina",
    "chinese": "Wei Fang Jing Li Min Jun Hui Lei Yan Xiu Qiang Ming Hong Tao Xin Yong Jie Lan",
    "spanish": "José Juan Luis Carlos Javier Miguel Alejandro Sofía Lucía Carmen Isabel Pablo Diego Andrés Beatriz",
    "french": "Jean Pierre Michel Philippe Nicolas François Emmanuel Marie Nathalie Isabelle Sophie Camille Élise",
    "german": "Hans Klaus Jürgen Wolfgang Stefan Andreas Olaf Angela Ursula Sabine Petra Annalena Friedrich",
    "turkish": "Mehmet Mustafa Ahmet Recep Kemal Emine Ayşe Fatma Hakan Burak Selim Zeynep",
}
FAMILY = {
    "english": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore McKenzie "
    "MacDonald O'Brien Thompson Robinson Clarke Wright Walker",
    "arabic": "al-Maliki al-Abadi al-Kadhimi al-Sudani Abdul-Mahdi al-Hashimi al-Jubouri al-Dulaimi al-Tamimi "
    "al-Husseini al-Rubaie Allawi al-Sadr al-Hakim Barzani Mansour Haddad Nasser",
    "persian": "Soleimani Zarif Rouhani Khamenei Araghchi Larijani Ghalibaf Mousavi Hosseini Ahmadi Karimi Rahimi "
    "Tehrani Jafari Kazemi",
    "kurdish": "Barzani Talabani Salih Hussein Mustafa Rasul Osman Kareem Zebari",
    "russian": "Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lavrov Shoigu Medvedev Volkov Morozova Pavlova",
    "chinese": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu",
    "spanish": "García Rodríguez Martínez López González Pérez Sánchez Ramírez Torres Flores Díaz Morales",
    "french": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Lefèvre Fournier",
    "german": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Scholz Merkel",
    "turkish": "Yılmaz Kaya Demir Şahin Çelik Yıldız Erdoğan Öztürk Aydın Arslan",
}
PLACE_ROOTS = (
    "Al",
    "Bar",
    "Kir",
    "Nor",
    "Sul",
    "Mos",
    "Tal",
    "Ram",
    "Das",
    "Ber",
    "Lin",
    "Ash",
    "Hal",
    "Kar",
    "Zan",
    "Bel",
    "Mar",
    "Tur",
    "Val",
    "Sam",
    "Qur",
    "Dah",
    "Fal",
    "Hit",
    "Nas",
    "Kut",
    "Yar",
    "Ost",
    "Gor",
    "Wes",
)
PLACE_TAILS = (
    "abad",
    "ford",
    "burg",
    "ville",
    "iyah",
    "stan",
    "grad",
    "heim",
    "ton",
    "kent",
    "dorf",
    "ana",
    "ar",
    "ash",
    "iya",
    "ovo",
    "sk",
    "ia",
    "port",
    "mouth",
)
PLACE_PREFIX = ("", "", "", "New ", "North ", "South ", "East ", "West ", "Upper ", "Lower ", "Al ", "Tel ", "Kafr ")
COUNTRIES = ("Q30", "Q796", "Q794", "Q889", "Q858", "Q183", "Q142", "Q145")
ORG_HEAD = (
    "National",
    "United",
    "Federal",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Royal",
    "Popular",
    "Islamic",
    "Democratic",
    "International",
    "General",
    "Joint",
    "Allied",
    "Independent",
    "Free",
)
ORG_BODY = (
    "Oil",
    "Security",
    "Defence",
    "Health",
    "Energy",
    "Water",
    "Trade",
    "Finance",
    "Press",
    "Broadcasting",
    "Rail",
    "Airways",
    "Mining",
    "Telecom",
    "Mobilization",
    "Resistance",
    "Reconstruction",
    "Justice",
    "Labour",
)
ORG_KIND = (
    "Company",
    "Corporation",
    "Agency",
    "Authority",
    "Council",
    "Front",
    "Alliance",
    "Forces",
    "Command",
    "Union",
    "Bank",
    "Party",
    "Movement",
    "Commission",
    "Ministry",
    "Brigade",
    "Group",
    "Institute",
)
HUMAN, ORG, CITY = "Q5", "Q43229", "Q515"


@cache
def _part(text: str) -> tuple[str, tuple[str, ...]]:
    """A name part's match key and blocking keys (names are built part by part, so keys are too)."""
    return name_key(text), tuple(token_keys(text))


def _keys(parts: tuple[str, ...]) -> tuple[str, set[str]]:
    keys: set[str] = set()
    words = []
    for p in parts:
        k, b = _part(p)
        if k:
            words.append(k)
        keys.update(b)
    return " ".join(words), keys


def _person(rng: random.Random) -> tuple[str, list[tuple[str, ...]]]:
    culture = rng.choice(tuple(GIVEN))
    given, family = GIVEN[culture].split(), FAMILY[culture].split()
    first, last = rng.choice(given), rng.choice(family)
    middle = rng.choice(given) if rng.random() < 0.4 else None
    label = (first, middle, last) if middle else (first, last)
    variants = [(first, last), (first[0] + ".", last), (last,), (first, rng.choice(family), last), (first, last, "Jr.")]
    return HUMAN, [tuple(p for p in label if p), *variants]


def _org(rng: random.Random) -> tuple[str, list[tuple[str, ...]]]:
    words = [rng.choice(ORG_HEAD), rng.choice(ORG_BODY), rng.choice(ORG_KIND)]
    if rng.random() < 0.4:
        words.append("of " + _place_name(rng))
    acronym = "".join(w[0] for w in words if w[0].isupper())
    variants = [(acronym,), tuple(words[1:]), ("The", *words), tuple(words[:3])]
    return ORG, [tuple(words), *variants]


def _place_name(rng: random.Random) -> str:
    return rng.choice(PLACE_PREFIX) + rng.choice(PLACE_ROOTS) + rng.choice(PLACE_TAILS)


def _place(rng: random.Random) -> tuple[str, list[tuple[str, ...]]]:
    name = _place_name(rng)
    variants = [(name.replace("Al ", "Al-"),), (name + " City",), (name + " Governorate",), (name.replace("k", "q"),)]
    return CITY, [(name,), *variants]


def generate(
    entities: int, aliases_per_entity: int, seed: int = 0
) -> Iterator[tuple[int, str, list[tuple[str, ...]], str]]:
    """(id, P31 class, names as part tuples with the label first, description)."""
    rng = random.Random(seed)
    for i in range(entities):
        roll = rng.random()
        kind, names = (_person if roll < 0.6 else _org if roll < 0.85 else _place)(rng)
        chosen = [names[0], *rng.sample(names[1:], min(aliases_per_entity, len(names) - 1))]
        description = {HUMAN: "synthetic person", ORG: "synthetic organisation", CITY: "synthetic place"}[kind]
        yield FIRST_ID + i, kind, chosen, description


def build_synthetic(path: str | Path, entities: int = 1_000_000, aliases_per_entity: int = 3, *, seed: int = 0) -> dict:
    """Write a fresh store of ``entities`` synthetic entities at ``path``; returns counts, seconds and bytes."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;" + TABLES)
    db.execute("CREATE TEMP TABLE raw_keys (key TEXT NOT NULL, name INTEGER NOT NULL)")
    name_id = 0
    counts = {"entities": 0, "names": 0, "statements": 0}
    ents: list[EntityRow] = []
    names: list[NameRow] = []
    keys: list[KeyRow] = []
    stmts: list[StatementRow] = []

    def flush() -> None:
        db.executemany("INSERT INTO entities(id, label, description, sitelinks, types) VALUES (?,?,?,?,?)", ents)
        db.executemany("INSERT INTO names(rowid, entity, text, lang, kind, key) VALUES (?,?,?,?,?,?)", names)
        db.executemany("INSERT INTO raw_keys(key, name) VALUES (?,?)", keys)
        db.executemany("INSERT INTO statements(entity, pid, value, qualifiers, rank) VALUES (?,?,?,?,?)", stmts)
        counts["entities"] += len(ents)
        counts["names"] += len(names)
        counts["statements"] += len(stmts)
        ents.clear()
        names.clear()
        keys.clear()
        stmts.clear()

    rng = random.Random(seed + 1)
    with db:
        for eid, kind, parts_list, description in generate(entities, aliases_per_entity, seed):
            label = " ".join(parts_list[0])
            ents.append((eid, label, description, rng.randint(0, 40), kind))
            for n, parts in enumerate(parts_list):
                name_id += 1
                key, blocking = _keys(parts)
                names.append((name_id, eid, " ".join(parts), "en", "label" if n == 0 else "alias", key))
                keys.extend((k, name_id) for k in blocking)
            stmts.append((eid, "P31", f'"{kind}"', None, "normal"))
            if kind == CITY:
                stmts.append((eid, "P17", f'"{rng.choice(COUNTRIES)}"', None, "normal"))
            if len(ents) >= BATCH:
                flush()
        flush()
        db.execute("INSERT OR IGNORE INTO name_keys(key, name) SELECT key, name FROM raw_keys ORDER BY key, name")
        db.execute("DROP TABLE raw_keys")
        db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('synthetic', ?)",
            (f'{{"entities": {entities}, "aliases_per_entity": {aliases_per_entity}, "seed": {seed}}}',),
        )
    db.executescript(INDEXES)
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    return {**counts, "seconds": time.perf_counter() - start, "bytes": path.stat().st_size}


def sample_names(count: int, *, seed: int = 1) -> list[str]:
    """Names drawn like the store's (a realistic query mix: most match something, some are misspelt)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        roll = rng.random()
        _, names = (_person if roll < 0.6 else _org if roll < 0.85 else _place)(rng)
        name = " ".join(rng.choice(names))
        if rng.random() < 0.2 and len(name) > 4:  # a dropped letter, as in a misspelling
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1 :]
        out.append(name)
    return out
