"""The throughput benchmark never reads round 7's held-out texts (file name SHA-1 3 or 11 mod 20)."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("throughput", ROOT / "benchmarks" / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mod20(name: str) -> int:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 20


def _names(residue: int, count: int, prefix: str = "outlet") -> list[str]:
    names, i = [], 0
    while len(names) < count:
        name = f"{prefix}_2016-0{i % 9 + 1}-01_story-{i}.txt"
        if _mod20(name) == residue:
            names.append(name)
        i += 1
    return names


@pytest.mark.parametrize("residue,skipped", [(3, True), (11, True), (1, False), (5, False), (9, False), (0, False)])
def test_benchmark_texts_skip_held_out(tmp_path: Path, residue: int, skipped: bool) -> None:
    bench = _bench()
    kept = _names(1, 3)
    for i, name in enumerate(kept):
        (tmp_path / name).write_text(f"Kept story {i}\n\nCouncil members met on Monday.", encoding="utf-8")
    probe = _names(residue, 1, prefix="probe")[0]
    (tmp_path / probe).write_text("Probe story\n\nThe mayor said the bridge would reopen.", encoding="utf-8")
    texts = bench.read_texts(str(tmp_path), 3 if skipped else 4)
    assert any(t.startswith("Probe story") for t in texts) is not skipped
    assert bench.held_out(probe) is skipped
