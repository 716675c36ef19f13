"""Mutation testing of the security-critical and core-rule modules with mutmut 3, one module at a time.

    .venv/bin/python scripts/mutation.py                  # every module below (long: see docs/mutation.md)
    .venv/bin/python scripts/mutation.py url html store   # some of them
    .venv/bin/python scripts/mutation.py --list           # the modules, their files and test files

For each module the script makes a work folder ``.mutation/<name>/`` (git-ignored) holding a link to ``src`` and
``tests`` and a ``pyproject.toml`` whose ``[tool.mutmut]`` section mutates that one file and lets mutmut collect
coverage only from that module's own test files. mutmut 3 then runs those tests once, recording which test reaches
which function (its trampolines), and for each mutant forks its main process (which has already imported spaCy and
loaded the pipeline: ``nlp._load`` is cached per process) and runs only the tests that reached the mutated function,
fastest first, stopping at the first failure. The spaCy model is therefore loaded once per module, not per mutant.

It prints, per module, killed / total, the strict score (killed / total; a timeout or a mutant no test reaches is
not a kill), timeouts and "no tests" separately, the survivors with their diff, and the wall time. Survivors judged
equivalent (listed with a reason in ``docs/mutation.md``) are shown as such and give a second score that leaves them
out. The whole run is niced (``os.nice(10)``): the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
EQUIVALENT_DOC = ROOT / "docs" / "mutation.md"


@dataclass(frozen=True)
class Module:
    name: str
    path: str  # the file mutmut mutates, relative to the repository root
    tests: tuple[str, ...]  # test files (globs) whose tests may kill its mutants
    goal: float  # score the module must reach (issue 14: security 0.85, analyzers 0.70)
    security: bool = False


MODULES = (
    Module("url", "src/presslint/ingest/url.py", ("tests/test_ingest_url*.py",), 0.85, True),
    Module("html", "src/presslint/report/html.py", ("tests/test_report_html*.py",), 0.85, True),
    Module("json", "src/presslint/report/json.py", ("tests/test_report_json*.py",), 0.85, True),
    Module("text", "src/presslint/report/text.py", ("tests/test_report_text*.py",), 0.70),
    Module("store", "src/presslint/store/queries.py", ("tests/test_store*.py",), 0.85, True),
    Module("sources", "src/presslint/analyzers/sources.py", ("tests/test_sources*.py",), 0.70),
    Module("headline", "src/presslint/analyzers/headline.py", ("tests/test_headline*.py",), 0.70),
    Module("quantities", "src/presslint/analyzers/quantities.py", ("tests/test_quantities*.py",), 0.70),
    Module("contradictions", "src/presslint/analyzers/contradictions.py", ("tests/test_contradictions*.py",), 0.70),
    Module(
        "knowledge",
        "src/presslint/knowledge/checks.py",
        ("tests/test_knowledge_checks*.py", "tests/test_knowledge_real_article.py"),
        0.70,
    ),
)
BY_NAME = {m.name: m for m in MODULES}

# mutmut's exit-code classes (mutmut.stats.status_by_exit_code), folded into what the report shows.
KILLED = {1, 3}
SURVIVED = {0}
TIMEOUT = {36, -24, 24, 152, 255}
NO_TESTS = {5, 33}


@dataclass
class Result:
    module: Module
    seconds: float
    codes: dict[str, int | None]
    diffs: dict[str, str] = field(default_factory=dict)
    equivalent: dict[str, Equivalent] = field(default_factory=dict)

    def names(self, codes: set[int]) -> list[str]:
        return sorted((k for k, v in self.codes.items() if v in codes), key=_natural)

    @property
    def total(self) -> int:
        return len(self.codes)

    @property
    def killed(self) -> int:
        return len(self.names(KILLED))

    @property
    def survivors(self) -> list[str]:
        return self.names(SURVIVED)

    @property
    def other(self) -> list[str]:
        known = KILLED | SURVIVED | TIMEOUT | NO_TESTS
        return sorted((k for k, v in self.codes.items() if v not in known), key=_natural)

    def score(self, *, without_equivalent: bool = False) -> float:
        total = self.total - (len(self.equivalent_survivors) if without_equivalent else 0)
        return self.killed / total if total else 0.0

    def judged(self, name: str) -> Equivalent | None:
        """The doc's entry for this survivor, when the mutant still makes the change the entry quotes."""
        entry = self.equivalent.get(_short(name))
        if entry is None:
            return None
        added = "".join(line[1:] for line in self.diffs.get(name, "").splitlines() if line.startswith("+"))
        return entry if _squash(entry.change) in _squash(added) else None

    @property
    def equivalent_survivors(self) -> list[str]:
        return [k for k in self.survivors if self.judged(k) is not None]

    @property
    def stale_entries(self) -> list[str]:
        """Doc entries for this module's survivors whose quoted change no longer matches the mutant."""
        return [k for k in self.survivors if _short(k) in self.equivalent and self.judged(k) is None]


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _short(mutant: str) -> str:
    """'presslint.ingest.url.x_blocked__mutmut_3' -> 'url.x_blocked__mutmut_3' (module file stem + mutant)."""
    module, _, function = mutant.rpartition(".")
    return f"{module.rpartition('.')[2]}.{function}"


@dataclass(frozen=True)
class Equivalent:
    change: str  # the mutated code as the doc quotes it: the entry holds only while the mutant still makes it
    reason: str


def equivalent_mutants() -> dict[str, Equivalent]:
    """Survivors judged equivalent: docs/mutation.md table rows '| `file.x_fn__mutmut_N` | `changed code` | why |'."""
    if not EQUIVALENT_DOC.is_file():
        return {}
    found = {}
    for line in EQUIVALENT_DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 3 and re.fullmatch(r"`[\w.ǁ]+__mutmut_\d+`", cells[0]):
            found[cells[0].strip("`")] = Equivalent(cells[1].strip("`"), cells[2])
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pyproject(module: Module, tests: list[str]) -> str:
    """The project's pyproject.toml (for pytest's settings) with a [tool.mutmut] section for one module."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"^\[tool\.mutmut\][^\[]*", "", text, flags=re.M)
    return (
        text
        + "\n[tool.mutmut]\n"
        + 'source_paths = ["src"]\n'
        + f"only_mutate = {json.dumps([module.path])}\n"
        + f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
        + 'pytest_add_cli_args = ["-p", "no:cacheprovider"]\n'
        + "use_git_change_detection = false\n"
    )


def _test_files(module: Module) -> list[str]:
    files = sorted({str(p.relative_to(ROOT)) for pattern in module.tests for p in ROOT.glob(pattern)})
    if not files:
        raise SystemExit(f"{module.name}: no test files match {module.tests}")
    return files


def prepare(module: Module, *, keep: bool) -> Path:
    work = WORK / module.name
    if work.exists() and not keep:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests"):
        link = work / name
        if not link.exists():
            link.symlink_to(ROOT / name, target_is_directory=True)
    # tests/conftest.py finds ../shared beside the repository: the copy mutmut runs sits in mutants/, one level down
    shared, link = ROOT.parent / "shared", work / "shared"
    if shared.is_dir() and not link.exists():
        link.symlink_to(shared, target_is_directory=True)
    (work / "pyproject.toml").write_text(_pyproject(module, _test_files(module)), encoding="utf-8")
    if keep:
        _sync_sources(module, work / "mutants" / "src")
    mutants_tests = work / "mutants" / "tests"
    if mutants_tests.exists():  # mutmut copies tests/ over the old copy; remove files deleted since
        shutil.rmtree(mutants_tests)
    return work


def retry_survivors(module: Module) -> int:
    """Mark the last run's survivors, timeouts and unfinished mutants untested, keeping its kills: the next run with
    ``--keep`` tests only those (and, as mutmut always does, every mutant of a function whose code changed since)."""
    meta = WORK / module.name / "mutants" / (module.path + ".meta")
    if not meta.is_file():
        raise SystemExit(f"{module.name}: --retry needs a previous run in {meta.parent}")
    data = json.loads(meta.read_text())
    codes = data["exit_code_by_key"]
    reset = [k for k, v in codes.items() if v not in KILLED]
    for key in reset:
        codes[key] = None
    meta.write_text(json.dumps(data, indent=4))
    return len(reset)


def _sync_sources(module: Module, copy: Path) -> None:
    """Bring mutmut's copy of ``src`` up to date with everything but the mutated file (which mutmut regenerates):
    mutmut copies the other files (lexicons and data too) only when it first makes the folder, so a run that goes on
    after the code changed would otherwise test the new module against old neighbours."""
    if not copy.is_dir():
        return
    mutated = (ROOT / module.path).resolve()
    for path in (ROOT / "src").rglob("*"):
        if not path.is_file() or path.resolve() == mutated or "__pycache__" in path.parts:
            continue
        target = copy / path.relative_to(ROOT / "src")
        if not target.is_file() or target.read_bytes() != path.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def run(module: Module, *, jobs: int, keep: bool, retry: bool = False, only: list[str] | None = None) -> Result:
    work = prepare(module, keep=keep or retry or bool(only))
    if retry:
        print(f"{module.name}: re-testing {retry_survivors(module)} mutants the last run did not kill", flush=True)
    mutmut = Path(sys.executable).with_name("mutmut")
    log = work / "mutmut.log"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("MUTANT_UNDER_TEST", None)
    # pytest-randomly off: mutmut orders each mutant's tests fastest first. Set here, not in pytest_add_cli_args,
    # whose change would make mutmut drop every cached verdict of an earlier run (--keep, --retry).
    env["PYTEST_ADDOPTS"] = (env.get("PYTEST_ADDOPTS", "") + " -p no:randomly").strip()
    start = time.monotonic()
    with log.open("w") as out:
        proc = subprocess.run(
            [str(mutmut), "run", "--max-children", str(jobs), *_patterns(module, only or [])],
            cwd=work,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise SystemExit(f"{module.name}: mutmut exited with {proc.returncode}; end of {log}:\n{tail}")
    seconds_file = work / "seconds.txt"
    if (keep or retry or only) and seconds_file.is_file():  # a run that goes on from the last: the time adds up
        seconds += float(seconds_file.read_text())
    seconds_file.write_text(f"{seconds:.1f}\n")
    return load(module)


def _patterns(module: Module, only: list[str]) -> list[str]:
    """mutmut's mutant names for ``--only`` patterns given as 'FUNCTION' or 'FUNCTION__mutmut_N' (globs allowed)."""
    prefix = module.path.removeprefix("src/").removesuffix(".py").replace("/", ".")
    names = [f"{prefix}.x{'' if p.startswith('ǁ') else '_'}{p}" for p in only]
    return [n if "__mutmut_" in n else f"{n}__mutmut_*" for n in names]


def load(module: Module) -> Result:
    """The results of the last run for ``module`` (from its work folder), with the survivors' diffs."""
    work = WORK / module.name
    meta = work / "mutants" / (module.path + ".meta")
    if not meta.is_file():
        raise SystemExit(f"{module.name}: no results in {work}; run it first")
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    seconds = float((work / "seconds.txt").read_text()) if (work / "seconds.txt").is_file() else 0.0
    result = Result(module, seconds, codes, equivalent=equivalent_mutants())
    result.diffs = _diffs(work, result.survivors + result.names(TIMEOUT) + result.other)
    return result


def _diffs(work: Path, names: list[str]) -> dict[str, str]:
    """The changed lines of each mutant, read with mutmut's own diff (from inside the work folder)."""
    if not names:
        return {}
    code = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "from mutmut.mutation.diff_apply import find_mutant\n"
        "out = {}\n"
        "for name in json.load(sys.stdin):\n"
        "    try:\n"
        "        out[name] = get_diff_for_mutant(name, path=find_mutant(name).path)\n"
        "    except Exception as err:\n"
        "        out[name] = f'(no diff: {err})'\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=work, input=json.dumps(names), capture_output=True, text=True, check=True
    )
    diffs = json.loads(proc.stdout)
    return {name: _changed_lines(diff) for name, diff in diffs.items()}


def _changed_lines(diff: str) -> str:
    lines = [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    return "\n".join(lines) or diff.strip()


def report(result: Result) -> str:
    m, out = result.module, []
    minutes = result.seconds / 60
    timeouts, no_tests = result.names(TIMEOUT), result.names(NO_TESTS)
    equivalent = result.equivalent_survivors
    status = "meets" if result.score() >= m.goal else "below"
    out.append(
        f"{m.name:<15} {m.path}: killed {result.killed}/{result.total} = {result.score():.1%} "
        f"(goal {m.goal:.0%}: {status}); survived {len(result.survivors)} ({len(equivalent)} judged equivalent; "
        f"score without them {result.score(without_equivalent=True):.1%}), timeouts {len(timeouts)}, "
        f"no tests {len(no_tests)}, other {len(result.other)}; {minutes:.1f} min"
    )
    for title, names in (("survived", result.survivors), ("timeout", timeouts), ("other", result.other)):
        for name in names:
            entry = result.judged(name)
            if entry is not None:
                out.append(f"  equivalent: {_short(name)}  ({entry.reason})")
                continue
            stale = "  [docs/mutation.md entry no longer matches this mutant]" if name in result.stale_entries else ""
            out.append(f"  {title}: {_short(name)}{stale}")
            for line in result.diffs.get(name, "").splitlines():
                out.append(f"      {line.strip()[:160]}")
    for name in no_tests:
        out.append(f"  no tests: {_short(name)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=f"any of: {', '.join(BY_NAME)} (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1; the machine is shared)")
    parser.add_argument(
        "--keep", action="store_true", help="reuse .mutation/<module> (mutmut's cache) instead of a fresh run"
    )
    parser.add_argument(
        "--retry",
        action="store_true",
        help="keep the last run's kills and re-test only its survivors, timeouts and unfinished mutants (incremental)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="FUNCTION",
        help="with one module: re-test only the mutants of these functions (mutmut's names without the x_ prefix, "
        "e.g. check_roles or 'ǁKnowledgeCheckerǁopen'; globs allowed), keeping every other verdict",
    )
    parser.add_argument("--list", action="store_true", help="list the modules and their test files, run nothing")
    parser.add_argument("--show", action="store_true", help="print the last run's results again, run nothing")
    parser.add_argument("--json", metavar="FILE", help="also write the per-module results as JSON")
    args = parser.parse_args(argv)
    unknown = [name for name in args.modules if name not in BY_NAME]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(BY_NAME)}")
    modules = [BY_NAME[name] for name in args.modules] or list(MODULES)
    if args.only and len(modules) != 1:
        parser.error("--only needs exactly one module")
    if args.list:
        for m in modules:
            print(f"{m.name:<15} {m.path}  goal {m.goal:.0%}  tests: {' '.join(_test_files(m))}")
        return 0
    if not args.show:
        os.nice(10)
    results, failed = [], False
    for m in modules:
        if args.show:
            result = load(m)
        else:
            print(f"{m.name}: mutating {m.path} against {' '.join(_test_files(m))} ...", flush=True)
            result = run(m, jobs=args.jobs, keep=args.keep, retry=args.retry, only=args.only)
        print(report(result), flush=True)
        results.append(result)
        failed |= result.score() < m.goal
    print()
    print(f"{'module':<15} {'killed/total':>13} {'score':>7} {'goal':>5} {'survived':>9} {'timeout':>8} {'minutes':>8}")
    for r in results:
        print(
            f"{r.module.name:<15} {f'{r.killed}/{r.total}':>13} {r.score():>7.1%} {r.module.goal:>5.0%} "
            f"{len(r.survivors):>9} {len(r.names(TIMEOUT)):>8} {r.seconds / 60:>8.1f}"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {
                        "module": r.module.name,
                        "path": r.module.path,
                        "total": r.total,
                        "killed": r.killed,
                        "score": round(r.score(), 4),
                        "score_without_equivalent": round(r.score(without_equivalent=True), 4),
                        "survived": [_short(n) for n in r.survivors],
                        "equivalent": [_short(n) for n in r.equivalent_survivors],
                        "timeout": [_short(n) for n in r.names(TIMEOUT)],
                        "no_tests": [_short(n) for n in r.names(NO_TESTS)],
                        "other": [_short(n) for n in r.other],
                        "seconds": round(r.seconds, 1),
                    }
                    for r in results
                ],
                indent=2,
            )
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
