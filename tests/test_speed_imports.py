"""A plain `presslint check` imports only what a check runs: the corpus and store modules stay unloaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Modules a check with no corpus never runs; importing them cost ~85 ms of a cold `presslint check`.
NOT_AT_CHECK = [
    "presslint.corpus.maintenance",
    "presslint.corpus.views",
    "presslint.corpus.dedup",
    "presslint.corpus.stories",
    "presslint.corpus.alignments",
    "presslint.corpus.compare",
    "presslint.store.corpus",
]

PROBE = """
import sys
import presslint.cli
import presslint.checker
from presslint import rules, registry
rules.catalogue()
for check in registry.CHECKS:
    __import__(check.module)
print(" ".join(sorted(m for m in sys.modules if m.startswith("presslint."))))
"""


@pytest.fixture(scope="module")
def loaded() -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("module", NOT_AT_CHECK)
def test_speed_imports_check_leaves_corpus_unloaded(loaded: set[str], module: str) -> None:
    assert "presslint.corpus.claimreview" in loaded  # the FCK rules are read: the probe reached the corpus package
    assert module not in loaded


@pytest.mark.parametrize("name,module", [("forget", "maintenance"), ("list_stories", "views"), ("story_view", "views")])
def test_speed_imports_corpus_names_load_on_use(name: str, module: str) -> None:
    code = (
        "import sys, presslint.corpus as c\n"
        f"assert 'presslint.corpus.{module}' not in sys.modules\n"
        f"from presslint.corpus import {name}\n"
        f"assert {name}.__module__ == 'presslint.corpus.{module}', {name}.__module__\n"
        "try:\n    c.nothing_here\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit('no AttributeError')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
