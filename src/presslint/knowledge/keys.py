"""Match keys for names: case-, diacritic- and transliteration-insensitive, so "Kazemi" and "al-Kadhimi",
"Mackenzie" and "McKenzie", "Ayn al-Assad" and "Ain al-Asad" meet in the same index bucket.

``name_key`` normalises a whole name for fuzzy comparison; ``token_keys`` gives one blocking key per significant token
(the sorted letters of its consonant skeleton), which is what the store indexes (so candidates come from an index,
never a scan).
"""

from __future__ import annotations

import re
import unicodedata

_ARTICLES = re.compile(r"\b(?:al|el|ul|ad|ar|as|ash|at|az|an)[-\s]+", re.I)
_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
STOP = frozenset(
    {
        "the",
        "of",
        "and",
        "for",
        "de",
        "da",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "abu",
        "jr",
        "sr",
        "ii",
        "iii",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "president",
        "minister",
        "sardar",
        "haj",
        "hajj",
        "sheikh",
    }
)
# Romanisation variants that differ across outlets and MT systems (Arabic/Persian/Kurdish/Russian/Chinese sources).
_TRANSLIT = (
    ("dh", "z"),
    ("zh", "j"),
    ("kh", "k"),
    ("gh", "g"),
    ("th", "t"),
    ("ph", "f"),
    ("sh", "s"),
    ("ch", "c"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
    ("ou", "u"),
    ("ee", "i"),
    ("oo", "u"),
)


def fold(text: str) -> str:
    """Lowercase ASCII with diacritics, apostrophes and hamza/ayn marks removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "").replace("'", "").replace("ʿ", "").replace("ʾ", "").replace("`", "")
    return _SPACES.sub(" ", _NON_ALNUM.sub(" ", text.lower())).strip()


def name_key(text: str) -> str:
    """Folded name without Arabic articles and honorifics; keeps word order and vowels (for rapidfuzz)."""
    text = _ARTICLES.sub("", fold(text).replace("-", " ") + " ").strip()
    return " ".join(t for t in text.split() if t not in STOP)


def skeleton(token: str) -> str:
    """Consonant skeleton of one folded token: transliteration pairs unified, vowels after the first letter dropped,
    doubled letters collapsed, a leading Mac/Mc unified ("mackenzie", "mckenzie" -> "mknz")."""
    t = token
    if t.startswith("mac") and len(t) > 5:
        t = "mc" + t[3:]
    for a, b in _TRANSLIT:
        t = t.replace(a, b)
    if not t:
        return ""
    head, tail = t[0], re.sub(r"[aeiouh]", "", t[1:])
    out = head
    for ch in tail:
        if ch != out[-1]:
            out += ch
    return out


def block_key(token: str) -> str:
    """The blocking key of one folded token: the set of its consonant skeleton's letters, sorted, so that transposed
    letters ("Kahn"/"Khan", "Stoltenberg"/"Sotlenberg"), doubled ones ("Kristoffersen") and the transliteration
    pairs above all meet in one bucket. Only blocking: similarity and the misspelling check compare real spellings."""
    return "".join(sorted(set(skeleton(token))))


def token_keys(text: str) -> list[str]:
    """Blocking keys: one per significant token of the name (≥ 3 letters, not a stop word)."""
    return sorted({block_key(t) for t in name_key(text).split() if len(t) >= 3 and not t.isdigit()})
