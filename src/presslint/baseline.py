"""Baselines: accept today's findings so that only new ones are reported (as linters do for legacy code).

A finding's fingerprint is the hash of its rule code, its normalised span text and its occurrence index (the n-th
finding with that code and text in the article), never its offset or line, so edits elsewhere do not break it.
Each baseline entry also records the article it came from (content hash and origin): an entry hides a finding when
the fingerprint matches and the article is the same text, or the same file/URL (an edited version of it).

File format (JSON)::

    {"presslint_baseline": 1, "presslint_version": "0.1.0", "created_at": "...",
     "findings": [{"fingerprint": "3f2a...", "code": "SRC001", "text": "two officials said",
                   "occurrence": 0, "content_hash": "9b1c...", "origin": "story.txt"}]}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import E, PresslintError
from .model import Finding, Report

FORMAT_VERSION = 1
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")
# Origins that do not identify one article: matching on them would let one stdin text hide another's findings.
_ANONYMOUS_ORIGINS = {None, "", "-", "<text>"}


def normalise_span(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()


def fingerprint(code: str, text: str, occurrence: int) -> str:
    raw = f"{code}\x1f{normalise_span(text)}\x1f{occurrence}".encode()
    return hashlib.sha256(raw).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    code: str
    text: str
    occurrence: int
    content_hash: str
    origin: str | None

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


def entries(report: Report) -> list[Entry]:
    """One entry per finding of the report, in span order."""
    seen: Counter = Counter()
    out = []
    for finding in sorted(report.findings, key=lambda f: (f.span.start, f.span.end, f.code)):
        key = (finding.code, normalise_span(finding.span.text))
        occurrence = seen[key]
        seen[key] += 1
        out.append(
            Entry(
                fingerprint(finding.code, finding.span.text, occurrence),
                finding.code,
                normalise_span(finding.span.text),
                occurrence,
                report.provenance.content_hash,
                _origin(report),
            )
        )
    return out


def _origin(report: Report) -> str | None:
    return report.article.url or report.article.origin


class Baseline:
    def __init__(self, items: Iterable[Entry] = ()) -> None:
        self.by_hash: set[tuple[str, str]] = set()
        self.by_origin: set[tuple[str, str]] = set()
        for entry in items:
            self.by_hash.add((entry.content_hash, entry.fingerprint))
            if entry.origin is not None and entry.origin not in _ANONYMOUS_ORIGINS:
                self.by_origin.add((entry.origin, entry.fingerprint))

    def split(self, report: Report) -> tuple[list[Finding], int]:
        """(findings not in the baseline, how many were hidden)."""
        origin = _origin(report)
        ordered = sorted(report.findings, key=lambda f: (f.span.start, f.span.end, f.code))
        kept: list[Finding] = []
        for finding, entry in zip(ordered, entries(report)):
            hidden = (entry.content_hash, entry.fingerprint) in self.by_hash or (
                origin not in _ANONYMOUS_ORIGINS and (origin, entry.fingerprint) in self.by_origin
            )
            if not hidden:
                kept.append(finding)
        return kept, len(ordered) - len(kept)


def write(path: str | Path, reports: Iterable[Report]) -> int:
    """Write the baseline of these reports' findings; returns how many findings it holds."""
    return write_entries(path, (entry for report in reports for entry in entries(report)))


def write_entries(path: str | Path, items: Iterable[Entry]) -> int:
    from ._version import __version__

    rows = [entry.to_dict() for entry in items]
    data = {
        "presslint_baseline": FORMAT_VERSION,
        "presslint_version": __version__,
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "findings": rows,
    }
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as err:
        raise PresslintError(E.E307, path=path, reason=err) from err
    return len(rows)


def load(path: str | Path) -> Baseline:
    """Read a baseline file; E305 when it cannot be read or is not a presslint baseline."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise PresslintError(E.E305, path=path, reason=err) from err
    except json.JSONDecodeError as err:
        raise PresslintError(E.E305, path=path, reason=f"not JSON ({err})") from err
    if not isinstance(data, dict) or data.get("presslint_baseline") != FORMAT_VERSION:
        raise PresslintError(E.E305, path=path, reason=f"not a presslint baseline (version {FORMAT_VERSION})")
    items = data.get("findings")
    if not isinstance(items, list):
        raise PresslintError(E.E305, path=path, reason="'findings' must be a list")
    try:
        return Baseline(
            Entry(
                str(i["fingerprint"]),
                str(i["code"]),
                str(i.get("text", "")),
                int(i.get("occurrence", 0)),
                str(i["content_hash"]),
                i.get("origin"),
            )
            for i in items
        )
    except (KeyError, TypeError, ValueError) as err:
        raise PresslintError(E.E305, path=path, reason=f"bad entry: missing or wrong {err}") from err
