"""The coded-error catalogue: each code written once, raised somewhere, documented, never borrowed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from presslint import errors
from presslint.errors import E, PresslintError, W

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "presslint"


def _sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "errors.py"}


def test_errors_codes_come_from_the_attribute_names():
    for entry in errors.entries():
        assert re.fullmatch(r"[EW][0-9]{3}", entry.code)
        owner = E if entry.code.startswith("E") else W
        assert getattr(owner, entry.code) is entry
        assert not entry.template.startswith(entry.code), "the code is written once, by the attribute's name"


def test_errors_every_code_is_raised_or_emitted_somewhere():
    text = "\n".join(_sources().values())
    unused = [e.code for e in errors.entries() if not re.search(rf"\b[EW]\.{e.code}\b", text)]
    assert unused == []


def test_errors_no_message_is_written_outside_the_catalogue():
    # A literal "E502: ..." or a bare "E406" code string would be a message or a code borrowed outside the catalogue.
    offenders = []
    for path, text in _sources().items():
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"""["'][EW][0-9]{3}["':]""", line) and "noqa: catalogue" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize(
    "entry, kwargs, status, exit_code",
    [
        (E.E101, {"path": "a.txt", "reason": "denied"}, 422, 2),
        (E.E104, {"path": "big.txt", "size": 9, "limit": 5}, 413, 2),
        (E.E201, {"url": "http://10.0.0.1/", "address": "10.0.0.1"}, 403, 2),
        (E.E202, {"url": "http://x/", "reason": "reset"}, 502, 2),
        (E.E401, {"id": 4}, 404, 2),
        (E.E406, {"path": "db", "reason": "disk full"}, 500, 2),
        (E.E704, {"in_flight": 3, "seconds": 2}, 503, 2),
    ],
)
def test_errors_family_gives_exit_code_and_status(entry, kwargs, status, exit_code):
    err = PresslintError(entry, **kwargs)
    assert err.code == entry.code and str(err).startswith(f"{entry.code}: ")
    assert err.http_status == status and err.exit_code == exit_code


def test_errors_interface_hint_is_kept_apart_from_the_message():
    err = PresslintError(E.E201, url="http://10.0.0.1/", address="10.0.0.1")
    assert "--allow-private" not in err.message
    assert err.for_interface("cli").endswith("; pass --allow-private to allow it")
    assert err.for_interface("web") == err.message


def test_errors_passed_on_keeps_code_message_and_status():
    err = PresslintError.passed_on("E205", "E205: 'http://x/' answered HTTP 500")
    assert err.code == "E205" and err.http_status == 502 and str(err) == "E205: 'http://x/' answered HTTP 500"


def test_errors_lookup_finds_codes_case_insensitively():
    assert errors.lookup("e304") is E.E304
    with pytest.raises(KeyError):
        errors.lookup("E999")


def test_errors_docs_are_current():
    assert (ROOT / "docs" / "errors.md").read_text(encoding="utf-8") == errors.render_markdown()
