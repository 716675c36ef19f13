"""The skip guard (tests/skip_guard.py): a run with a skip the allow-list does not name fails; allowed skips, xfails
and plain passes do not. Each case runs pytest in a subprocess on a small test file written for it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

ALLOW = """
# comment lines and blank lines are ignored
test_sample.py::test_browser* | Chromium is not installed
test_sample.py::test_golden | is not present
test_gone.py | shared data absent
"""

CASES = [
    # (name, test file body, exit code, unexpected ids in the summary)
    ("pass", "def test_ok():\n    assert True\n", 0, []),
    (
        "allowed skip",
        "import pytest\ndef test_browser_page():\n    pytest.skip('Debian Chromium is not installed at /usr/bin/x')\n",
        0,
        [],
    ),
    (
        "allowed id, other reason",
        "import pytest\ndef test_browser_page():\n    pytest.skip('playwright is missing')\n",
        1,
        ["test_sample.py::test_browser_page: playwright is missing"],
    ),
    (
        "skip not listed",
        "import pytest\ndef test_rules():\n    pytest.skip('not ready')\n",
        1,
        ["test_sample.py::test_rules: not ready"],
    ),
    (
        "skipif marker",
        "import pytest\n@pytest.mark.skipif(True, reason='flaky on this machine')\ndef test_rules():\n    pass\n",
        1,
        ["test_sample.py::test_rules: flaky on this machine"],
    ),
    (
        "skip from a fixture",
        "import pytest\n@pytest.fixture\ndef shared():\n    pytest.skip('../shared/examples/x.txt is not present')\n"
        "def test_golden(shared):\n    pass\ndef test_other(shared):\n    pass\n",
        1,
        ["test_sample.py::test_other: ../shared/examples/x.txt is not present"],
    ),
    (
        "module skipped at import",
        "import pytest\npytest.importorskip('a_module_nobody_installed')\ndef test_x():\n    pass\n",
        1,
        ["test_sample.py: could not import 'a_module_nobody_installed': No module named 'a_module_nobody_installed'"],
    ),
    (
        "xfail is not a skip",
        "import pytest\n@pytest.mark.xfail(reason='known miss', strict=True)\ndef test_miss():\n    assert False\n",
        0,
        [],
    ),
    (
        "a failure stays a failure",
        "def test_bad():\n    assert False\n",
        1,
        [],
    ),
]


def _run(tmp_path: Path, body: str, allow: str = ALLOW) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(body)
    (tmp_path / "allowed.txt").write_text(textwrap.dedent(allow))
    env = {
        **os.environ,
        "PYTHONPATH": str(TESTS),
        "PRESSLINT_ALLOWED_SKIPS": str(tmp_path / "allowed.txt"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "skip_guard", "-p", "no:cacheprovider", "test_sample.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("name, body, exit_code, unexpected", CASES, ids=[c[0] for c in CASES])
def test_skip_guard_fails_only_on_skips_not_allowed(tmp_path, name, body, exit_code, unexpected):
    result = _run(tmp_path, body)
    assert result.returncode == exit_code, result.stdout + result.stderr
    listed = [line.strip() for line in result.stdout.splitlines() if line.startswith("  test_sample.py")]
    assert listed == unexpected, result.stdout
    assert ("skips not allowed" in result.stdout) == bool(unexpected)


def test_skip_guard_rejects_a_malformed_allow_list(tmp_path):
    result = _run(tmp_path, "def test_ok():\n    pass\n", allow="test_sample.py::test_ok without a reason\n")
    assert result.returncode != 0 and "expected '<test id pattern> | <reason words>'" in result.stderr


def test_skip_guard_project_list_names_only_machine_dependent_skips():
    from skip_guard import DEFAULT_LIST, load_rules

    rules = load_rules(DEFAULT_LIST)
    assert {r.pattern.split("::")[0].rstrip("*") for r in rules} == {
        "tests/test_web_browser.py",
        "tests/test_golden_shared_example.py",
        "tests/test_learned_training.py",  # torch is the train extra, never in the default install or CI
    }
    assert any(
        r.allows("tests/test_web_browser.py", "Debian Chromium is not installed at /usr/bin/chromium") for r in rules
    )
    assert not any(r.allows("tests/test_web_browser.py", "could not import 'playwright'") for r in rules)
