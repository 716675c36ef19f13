"""Reading the project's own lexicons, packaged under ``presslint/data``: one way for every analyzer.

Text lexicons are one entry a line, ``|``-separated fields, ``#`` comments and blank lines skipped; ``expand`` turns
``thug(s)`` into both forms and writes apostrophes both straight and curly.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any


def read_text(relpath: str) -> str:
    """A packaged data file's text, e.g. ``read_text("numbers/population_nouns.txt")``."""
    return resources.files("presslint").joinpath("data", relpath).read_text(encoding="utf-8")


def read_json(relpath: str) -> Any:
    return json.loads(read_text(relpath))


def read_word_sets(relpath: str, lower: bool = False) -> dict[str, Any]:
    """A JSON lexicon of named word lists (its ``_about`` note dropped): each list as a frozenset (lower-cased when
    asked), each mapping of word -> list as word -> frozenset."""
    raw = read_json(relpath)
    raw.pop("_about", None)
    return {
        k: {w: frozenset(p) for w, p in v.items()}
        if isinstance(v, dict)
        else frozenset(w.lower() if lower else w for w in v)
        for k, v in raw.items()
    }


def read_lexicon(relpath: str) -> list[list[str]]:
    """Rows of a lexicon file: '|'-separated fields, comments (#) and blank lines skipped."""
    rows = []
    for line in read_text(relpath).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append([field.strip() for field in line.split("|")])
    return rows


def read_words(relpath: str) -> frozenset[str]:
    """The first field of each row, lower-cased."""
    return frozenset(row[0].lower() for row in read_lexicon(relpath))


def expand(entry: str) -> list[str]:
    """'thug(s)' -> ['thug', 'thugs']; apostrophes in both straight and curly form."""
    forms = [entry]
    match = re.search(r"\((s|es)\)", entry)
    if match:
        forms = [entry.replace(match.group(0), ""), entry.replace(match.group(0), match.group(1))]
    out = []
    for form in forms:
        out.append(form)
        if "'" in form:
            out.append(form.replace("'", "’"))
    return out


def lexicon_files(folder: str) -> list[str]:
    """The ``.txt`` lexicons of a packaged data folder as paths for ``read_lexicon``, sorted by name, e.g.
    ``lexicon_files("language")`` -> ``["language/black_white.txt", ...]``."""
    root = resources.files("presslint").joinpath("data", folder)
    return sorted(f"{folder}/{entry.name}" for entry in root.iterdir() if entry.name.endswith(".txt"))
