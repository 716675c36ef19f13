"""A class table: every subclass (P279, transitively) of the classes each profile group keeps, read from a dump.

Real entities are typed with narrow classes ("province of Iran", "district of Germany", "unified combatant command");
a streaming import decides on an entity's P31 values alone, so it needs the subclass tree before it starts. ``kb
classes DUMP`` reads the dump once, keeping only P279 statements (lines without ``"P279"`` are not decoded), and
writes a JSON table with its date; ``kb import`` loads it (``--classes``, or ``$PRESSLINT_HOME/classes.json`` when
present) and records the table's date with the import.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import E, PresslintError
from .dump import open_dump
from .profile import EXCLUDED, GROUPS, superclasses

MAX_DEPTH = 12  # deeper chains are mostly modelling accidents (a class under "organization" via a dozen hops)


def subclass_edges(lines: Iterable[bytes]) -> tuple[dict[str, list[str]], int]:
    """child -> parents from the P279 statements of dump lines, and how many lines were bad (skipped)."""
    parents: dict[str, list[str]] = {}
    bad = 0
    for raw in lines:
        if b'"P279"' not in raw:
            continue
        line = raw.strip().rstrip(b",")
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            supers = superclasses(data)
        except (ValueError, TypeError, AttributeError, KeyError):
            bad += 1
            continue
        if supers and isinstance(data.get("id"), str):
            parents[data["id"]] = supers
    return parents, bad


def descendants(parents: dict[str, list[str]], roots: Iterable[str], *, max_depth: int = MAX_DEPTH) -> set[str]:
    """Every class below ``roots`` (not the roots themselves), at most ``max_depth`` P279 steps down."""
    children: dict[str, list[str]] = defaultdict(list)
    for child, ups in parents.items():
        for up in ups:
            children[up].append(child)
    roots = set(roots)
    found: set[str] = set()
    queue = deque((r, 0) for r in roots)
    while queue:
        node, depth = queue.popleft()
        if depth >= max_depth:
            continue
        for child in children.get(node, ()):
            if child not in found and child not in roots:
                found.add(child)
                queue.append((child, depth + 1))
    return found


def class_table(parents: dict[str, list[str]], *, source: str, built: str | None = None) -> dict[str, Any]:
    """The table ``Profile.with_classes`` reads: per group, the subclasses of its classes (a class reached from two
    groups counts for the first, in GROUPS order, as ``Profile.group_of`` decides)."""
    groups: dict[str, list[str]] = {}
    taken: set[str] = set()
    for group, roots in GROUPS.items():
        below = descendants(parents, roots) - taken - set().union(*GROUPS.values())
        taken |= below
        groups[group] = sorted(below, key=lambda q: int(q[1:]) if q[1:].isdigit() else 0)
    groups["excluded"] = sorted(descendants(parents, EXCLUDED) - taken)
    return {
        "built": built or dt.date.today().isoformat(),
        "source": source,
        "classes_with_parents": len(parents),
        "groups": groups,
    }


def build_class_table(path: str | Path, *, progress: Callable[[float], None] | None = None) -> dict[str, Any]:
    """Read a dump (.json/.gz/.bz2) once and return its class table."""
    stream, raw = open_dump(path)
    size = Path(path).stat().st_size or 1
    parents: dict[str, list[str]] = {}
    bad = 0
    try:
        batch: list[bytes] = []
        for line in stream:
            batch.append(line)
            if len(batch) >= 10_000:
                found, b = subclass_edges(batch)
                parents.update(found)
                bad += b
                batch = []
                if progress is not None:
                    progress(raw.tell() / size)
        found, b = subclass_edges(batch)
        parents.update(found)
        bad += b
    except (OSError, EOFError) as err:
        raise PresslintError(E.E601, path=path, reason=err) from err
    finally:
        stream.close()
        raw.close()
    table = class_table(parents, source=str(Path(path).resolve()))
    table["bad_lines"] = bad
    return table


def save_class_table(table: dict[str, Any], path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(table, indent=1), encoding="utf-8")


def load_class_table(path: str | Path) -> dict[str, Any]:
    try:
        table = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise PresslintError(E.E601, path=path, reason=f"not a class table ({err})") from err
    if not isinstance(table, dict) or not isinstance(table.get("groups"), dict):
        raise PresslintError(E.E601, path=path, reason="not a class table (no 'groups')")
    return table
