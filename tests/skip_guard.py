"""A pytest plugin (loaded by tests/conftest.py): the run fails when a test is skipped for a reason that
``tests/allowed-skips.txt`` does not allow, so a test that quietly stops running (a missing extra, a fixture that
skips) cannot pass CI unnoticed.

The allow-list holds one rule a line, ``<test id pattern> | <words the skip reason contains>``; the pattern is an
``fnmatch`` glob over the pytest node id (``tests/test_web_browser.py::*``). A skipped test passes the guard only when
a rule matches both its id and its reason. Expected failures (``xfail``) are not skips. The guard is always on: the
README's test command, which CI runs, is the one it protects. ``PRESSLINT_ALLOWED_SKIPS`` names another list (used by
the guard's own tests).
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

DEFAULT_LIST = Path(__file__).resolve().parent / "allowed-skips.txt"


@dataclass(frozen=True)
class Rule:
    pattern: str
    reason: str

    def allows(self, nodeid: str, reason: str) -> bool:
        return fnmatch.fnmatchcase(nodeid, self.pattern) and self.reason.casefold() in reason.casefold()


def load_rules(path: Path) -> list[Rule]:
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, sep, reason = (part.strip() for part in line.partition("|"))
        if not sep or not pattern or not reason:
            raise pytest.UsageError(f"{path}:{number}: expected '<test id pattern> | <reason words>', got {line!r}")
        rules.append(Rule(pattern, reason))
    return rules


def _reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # (path, line, "Skipped: reason")
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


class SkipGuard:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.rules = load_rules(path) if path.is_file() else []
        self.unexpected: list[tuple[str, str]] = []

    def check(self, report) -> None:
        if not report.skipped or hasattr(report, "wasxfail"):
            return
        reason = _reason(report)
        if not any(rule.allows(report.nodeid, reason) for rule in self.rules):
            self.unexpected.append((report.nodeid, reason))

    # -- hooks ---------------------------------------------------------------------------------------------------
    def pytest_runtest_logreport(self, report) -> None:
        self.check(report)

    def pytest_collectreport(self, report) -> None:  # a module skipped as a whole (allow_module_level, importorskip)
        self.check(report)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session) -> None:
        if self.unexpected and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.unexpected:
            return
        terminalreporter.section("skips not allowed", sep="=", red=True, bold=True)
        terminalreporter.line(f"{len(self.unexpected)} skip(s) not allowed by {self.path} (the run fails):")
        for nodeid, reason in self.unexpected:
            terminalreporter.line(f"  {nodeid}: {reason}")


def install(config) -> None:
    if config.pluginmanager.has_plugin("presslint-skip-guard"):
        return
    path = Path(os.environ.get("PRESSLINT_ALLOWED_SKIPS") or DEFAULT_LIST)
    config.pluginmanager.register(SkipGuard(path), "presslint-skip-guard")


pytest_configure = install  # also usable as a plugin of its own: pytest -p skip_guard
