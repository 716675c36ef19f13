"""Wikidata JSON dump -> KnowledgeBase, streamed, filtered by a profile, parallel, resumable.

The dump is one JSON array with one entity per line: ``[`` on the first line, ``{...},`` on each following line, and
``]`` on the last. ``.json``, ``.json.gz`` and ``.json.bz2`` are read as streams (never the whole file in memory).

Worker processes parse line chunks (JSON decoding is most of the cost); the writer stays single, in this process, and
commits every ``checkpoint`` lines together with the import state (decompressed byte offset, counts) in ``meta``, so a
crash loses at most one checkpoint and ``resume=True`` continues after the last commit. A finished import of the same
dump is a no-op.

Positions (P39 targets) and what they are "of" must be in the store for role checks: their ids are recorded as the
kept entities name them, and a second pass (``fill``) keeps exactly those the first pass did not.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import multiprocessing
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import E, PresslintError
from .profile import Profile, item_types, referenced_ids
from .store import KnowledgeBase
from .wikidata import EntityRecord, parse_entity

CHUNK_LINES = 1_000  # lines per worker task
CHECKPOINT_LINES = 20_000  # lines per commit (rows + import state)
MAX_BAD_LINES = 10  # a truncated download has one bad last line; more means a wrong file
_ID = re.compile(rb'"id"\s*:\s*"Q(\d+)"')
_LEADING_ID = re.compile(rb'\{\s*(?:"type"\s*:\s*"item"\s*,\s*)?"id"\s*:\s*"Q(\d+)"')
# Where a "P31" key opens a list: the claims' P31 statements, or a qualifier's/reference's P31 snaks (told apart
# once the list is decoded: statements have a mainsnak). Any key order and spacing.
_P31_LIST = re.compile(r'"P31"\s*:\s*\[')
_SITE = re.compile(rb'"site"\s*:')
MAX_BAD_SHARE = 0.01  # undecodable lines above this share of the lines read (and above MAX_BAD_LINES): a wrong file
BAD_SAMPLES = 20  # bad lines reported by line number and reason

REFS_TABLE = "CREATE TABLE IF NOT EXISTS import_refs (id INTEGER PRIMARY KEY)"


@dataclass(slots=True)
class ImportState:
    """What ``meta['import:<dump>']`` holds: enough to resume and to report."""

    dump: str
    size: int
    profile: dict[str, Any]
    phase: str = "main"  # main -> fill -> done
    offset: int = 0  # decompressed bytes consumed by committed lines (the phase's)
    lines: int = 0
    seen: int = 0  # entities read in the main pass
    kept: int = 0
    filled: int = 0
    bad_lines: int = 0
    seconds: float = 0.0
    bad_samples: list = field(default_factory=list)  # [line, reason] of the first BAD_SAMPLES bad lines
    classes_built: str | None = None

    @property
    def key(self) -> str:
        return f"import:{self.dump}"


@dataclass(slots=True)
class ImportResult:
    status: str  # done | already | limit
    state: ImportState
    seconds: float  # this run's time
    seen_this_run: int

    @property
    def rate(self) -> float:
        """Entities read per second in this run."""
        return self.seen_this_run / self.seconds if self.seconds > 0 else 0.0


def open_dump(path: str | Path) -> tuple[BinaryIO, BinaryIO]:
    """(decompressed stream, raw file) for a .json, .json.gz or .json.bz2 dump; the raw file tells progress."""
    path = Path(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as err:
        raise PresslintError(E.E601, path=path, reason=err.strerror or err) from err
    name = path.name.lower()
    if name.endswith(".bz2"):
        compressed: io.BufferedIOBase = bz2.BZ2File(raw)
    elif name.endswith(".gz"):
        compressed = gzip.GzipFile(fileobj=raw)
    else:
        return raw, raw
    return io.BufferedReader(compressed, 1 << 20), raw


# -- parsing (runs in workers) ---------------------------------------------------------------------------------------
_profile: Profile | None = None
_wanted: frozenset[int] = frozenset()


def _init_worker(profile: Profile | None, wanted: frozenset[int]) -> None:
    global _profile, _wanted
    _profile, _wanted = profile, wanted


def _entity_json(line: bytes) -> bytes | None:
    line = line.strip()
    if line.endswith(b","):
        line = line[:-1]
    if not line or line in (b"[", b"]"):
        return None
    return line


def parse_chunk(lines: list[bytes]) -> tuple[list[EntityRecord], list[int], int, list[tuple[int, str]]]:
    """Kept records, the ids they refer to, entities seen, and (index, reason) of bad lines.

    With a profile: keep what it keeps. Without one (the fill pass): keep exactly the ``wanted`` ids, and decode only
    those lines (the id is read with a regex first).
    """
    records: list[EntityRecord] = []
    refs: set[int] = set()
    seen = 0
    bad: list[tuple[int, str]] = []
    for i, raw in enumerate(lines):
        text = _entity_json(raw)
        if text is None:
            continue
        seen += 1
        if _profile is None:
            m = _LEADING_ID.match(text)  # the dumps' own key order; any other order is decoded and decided exactly
            if m is not None and int(m.group(1)) not in _wanted:
                continue
        elif not _maybe_kept(text):
            continue
        try:
            data = json.loads(text)
        except ValueError as err:
            bad.append((i, f"not JSON: {str(err)[:120]}"))
            continue
        if isinstance(data, dict) and data.get("type", "item") != "item":
            continue  # properties and lexemes are not kept
        if _profile is None and (not isinstance(data, dict) or _qnum(data.get("id")) not in _wanted):
            continue
        try:
            if _profile is not None and not _profile.keeps(item_types(data), _count(data.get("sitelinks"))):
                continue
            records.append(parse_entity(data))
            if _profile is not None:
                refs |= referenced_ids(data)
        except (ValueError, TypeError, AttributeError, KeyError) as err:  # valid JSON, not an entity's shape
            bad.append((i, f"malformed entity {_entity_id(text)}: {type(err).__name__}: {str(err)[:100]}"))
    return records, sorted(refs), seen, bad


def _qnum(value: Any) -> int | None:
    return int(value[1:]) if isinstance(value, str) and value[:1] == "Q" and value[1:].isdigit() else None


def _count(value: Any) -> int:
    return len(value) if isinstance(value, dict) else 0


def _entity_id(text: bytes) -> str:
    m = _ID.search(text, 0, 400)
    return f"Q{m.group(1).decode()}" if m else "(no id)"


def p31_types(text: bytes) -> list[str] | None:
    """The P31 values of the claims' non-deprecated statements, read without decoding the whole entity; None when
    the line cannot be read this way (the caller decodes it). A P31 used as a qualifier or in a reference is a list
    of snaks, not of statements, and is ignored."""
    if b'"P31"' not in text:
        return []
    try:
        line = text.decode("utf-8")
    except UnicodeDecodeError:
        return None
    decoder = json.JSONDecoder()
    types: list[str] = []
    for m in _P31_LIST.finditer(line):
        try:
            found, _end = decoder.raw_decode(line, m.end() - 1)
        except ValueError:
            return None
        if not isinstance(found, list) or not found or not all(isinstance(x, dict) for x in found):
            continue
        if not any("mainsnak" in x for x in found):
            continue  # a qualifier's or reference's snaks
        types.extend(q for q in item_types({"claims": {"P31": found}}) if q not in types)
    return types


def _maybe_kept(text: bytes) -> bool:
    """False only when the profile surely drops the entity: its P31 statements read from the line (a small part of
    it decoded), its sitelinks counted. Lines that cannot be read this way are decoded and decided exactly. With no
    profile (an import by id) the types decide nothing, so nothing is dropped here."""
    profile = _profile
    types = p31_types(text)
    if types is None or profile is None:
        return True
    return profile.keeps(types, len(_SITE.findall(text)))


def _chunks(stream: BinaryIO, size: int, limit: int | None = None) -> Iterator[tuple[list[bytes], int]]:
    """(lines, their byte length) chunks; with ``limit``, stop after that many entity lines."""
    lines: list[bytes] = []
    nbytes = 0
    entities = 0
    for line in stream:
        lines.append(line)
        nbytes += len(line)
        if limit is not None and len(line) > 3:  # not "[", "]" or blank
            entities += 1
            if entities >= limit:
                break
        if len(lines) >= size:
            yield lines, nbytes
            lines, nbytes = [], 0
    if lines:
        yield lines, nbytes


def _parsed(chunks: Iterator[tuple[list[bytes], int]], workers: int, profile: Profile | None, wanted: frozenset[int]):
    """parse_chunk results in input order, with each chunk's line count and bytes; a bounded number in flight."""
    if workers <= 1:
        _init_worker(profile, wanted)
        for lines, nbytes in chunks:
            yield parse_chunk(lines), len(lines), nbytes
        return
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(profile, wanted)) as pool:
        pending: deque = deque()
        for lines, nbytes in chunks:
            pending.append((pool.apply_async(parse_chunk, (lines,)), len(lines), nbytes))
            if len(pending) >= workers * 3:
                job, n, b = pending.popleft()
                yield job.get(), n, b
        while pending:
            job, n, b = pending.popleft()
            yield job.get(), n, b


# -- the import ------------------------------------------------------------------------------------------------------
def default_workers() -> int:
    return max(1, (os.cpu_count() or 2) - 1)


def import_dump(
    path: str | Path,
    kb: KnowledgeBase,
    *,
    profile: Profile,
    workers: int = 1,
    limit: int | None = None,
    resume: bool = False,
    fill: bool = True,
    checkpoint: int = CHECKPOINT_LINES,
    progress: Callable[[ImportState, float, float], None] | None = None,
) -> ImportResult:
    """Import (or resume importing) ``path`` into ``kb``. ``limit`` stops after that many entities read this run."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise PresslintError(E.E601, path=path, reason=err.strerror or err) from err
    dump = str(path.resolve())
    saved = kb.get_meta(f"import:{dump}")
    if saved is not None:
        state = ImportState(**saved)
        if state.size != size:
            raise PresslintError(
                E.E601, path=path, reason=f"it changed since it was imported ({state.size} bytes then, {size} now)"
            )
        if state.phase == "done":
            return ImportResult("already", state, 0.0, 0)
        if not resume:
            raise PresslintError(E.E606, path=kb.path, dump=dump, lines=state.lines)
    else:
        state = ImportState(dump=dump, size=size, profile=profile.describe())
    kb.db.execute(REFS_TABLE)
    start = time.perf_counter()
    seen_before = state.seen
    if state.phase == "main":
        stopped = _run_pass(path, kb, state, profile, frozenset(), workers, limit, checkpoint, progress, start)
        if stopped:
            return _finish(kb, state, "limit", start, seen_before)
        state.phase, state.offset, state.lines = ("fill" if fill else "done"), 0, 0
        kb.set_meta(state.key, asdict(state))
    if state.phase == "fill":
        wanted = frozenset(
            r for (r,) in kb.db.execute("SELECT id FROM import_refs WHERE id NOT IN (SELECT id FROM entities)")
        )
        if wanted:
            _run_pass(path, kb, state, None, wanted, workers, None, checkpoint, progress, start)
        state.phase = "done"
        kb.set_meta(state.key, asdict(state))
    return _finish(kb, state, "done", start, seen_before)


def _finish(kb: KnowledgeBase, state: ImportState, status: str, start: float, seen_before: int) -> ImportResult:
    elapsed = time.perf_counter() - start
    state.seconds += elapsed
    kb.set_meta(state.key, asdict(state))
    return ImportResult(status, state, elapsed, state.seen - seen_before)


def _run_pass(path, kb, state, profile, wanted, workers, limit, checkpoint, progress, start) -> bool:
    """One streaming pass from ``state.offset``; True when stopped by ``limit``."""
    stream, raw = open_dump(path)
    try:
        if state.offset:
            stream.seek(state.offset)  # gzip/bz2: decompress and discard up to there, no parsing
        pending: list[EntityRecord] = []
        pending_refs: list[int] = []
        since_commit = 0
        seen_run = 0
        last_report = pass_start = time.perf_counter()
        line_no = state.lines

        def commit() -> None:
            nonlocal pending, pending_refs, since_commit
            kb.db.executemany("INSERT OR IGNORE INTO import_refs(id) VALUES (?)", ((r,) for r in pending_refs))
            kb.add(pending, meta={state.key: asdict(state)})
            pending, pending_refs, since_commit = [], [], 0

        try:
            for (records, refs, seen, bad), nlines, nbytes in _parsed(
                _chunks(stream, CHUNK_LINES, limit), workers, profile, wanted
            ):
                for index, reason in bad if profile is not None else ():  # counted once, in the main pass
                    state.bad_lines += 1
                    if len(state.bad_samples) < BAD_SAMPLES:
                        state.bad_samples.append([line_no + index + 1, reason])
                    undecodable = reason.startswith("not JSON")
                    if (
                        undecodable
                        and state.bad_lines > MAX_BAD_LINES
                        and state.bad_lines > MAX_BAD_SHARE * (line_no + index + 1)
                    ):
                        raise PresslintError(E.E602, path=path, line=line_no + index + 1, reason=reason)
                line_no += nlines
                state.lines, state.offset = line_no, state.offset + nbytes
                if profile is not None:
                    state.seen += seen
                    state.kept += len(records)
                else:
                    state.filled += len(records)
                seen_run += seen
                pending.extend(records)
                pending_refs.extend(refs)
                since_commit += nlines
                if since_commit >= checkpoint:
                    commit()
                now = time.perf_counter()
                if progress is not None and now - last_report >= 2.0:
                    last_report = now
                    progress(state, raw.tell() / state.size if state.size else 1.0, seen_run / (now - pass_start))
        except (OSError, EOFError) as err:  # a corrupt or truncated compressed stream
            commit()
            raise PresslintError(E.E601, path=path, reason=err) from err
        commit()
        return limit is not None and seen_run >= limit
    finally:
        stream.close()
        raw.close()


def missing_references(kb: KnowledgeBase) -> list[str]:
    """Positions (and their "of" targets) named by kept entities but not in the store."""
    kb.db.execute(REFS_TABLE)
    return [f"Q{r}" for (r,) in kb.db.execute("SELECT id FROM import_refs WHERE id NOT IN (SELECT id FROM entities)")]
