"""Coded errors quote what they must safely: short prefixes of bad input, control characters escaped, and config keys
that the config accepts."""

from __future__ import annotations

import re

import pytest

from presslint import Settings
from presslint.config import apply_overlay
from presslint.errors import MAX_QUOTED, E, PresslintError, quoted
from presslint.ingest import IngestFailure, iter_inputs

EVIL = "report\x1b]0;pwned\x07\x1b[31m.txt"  # an OSC title-setting escape and a colour escape in a file name


def test_errors_e104_names_a_config_key_the_config_accepts():
    message = PresslintError(E.E104, path="big.txt", size=9, limit=5).message
    key = re.search(r"set (\w+) in presslint\.toml", message).group(1)
    assert apply_overlay(Settings(), {key: 1234}).max_bytes == 1234


@pytest.mark.parametrize("value", [EVIL, "line\nbreak", "bell\x07", "c1\x9bcsi", "del\x7f"])
def test_errors_control_characters_in_quoted_values_are_escaped(value):
    message = PresslintError(E.E101, path=value, reason="x").message
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", message)
    assert "\\x1b" in quoted(EVIL) and "\\x07" in quoted(EVIL)


def test_errors_long_bad_input_is_quoted_as_a_short_prefix():
    junk = "WARC/junk " + "A" * 20_000_000
    message = PresslintError(E.E101, path="a.warc", reason=f"bad WARC: {junk}").message
    assert len(message) < MAX_QUOTED + 100
    assert "more characters" in message and message.startswith("E101: Cannot read 'a.warc': bad WARC: WARC/junk AAA")


def test_errors_numbers_are_not_quoted():
    assert PresslintError(E.E104, path="a", size=12, limit=10).message.startswith("E104: 'a' is 12 bytes, over the 10-")


def test_errors_file_name_with_escapes_is_printed_escaped(tmp_path, check_text):
    from presslint.report.text import render_text

    bad = tmp_path / EVIL
    bad.write_bytes(b"%PDF-1.4 binary")
    (failure,) = iter_inputs([str(bad)])
    assert isinstance(failure, IngestFailure) and failure.code == "E103"
    assert "\x1b" not in failure.message and "\\x1b]0;pwned" in failure.message
    report = check_text("Bridge to reopen in March\n\nThe council said the bridge would reopen in March.")
    report.article.origin = str(bad)
    text = render_text(report, colour=False)
    assert "\x1b" not in text and "\x07" not in text and "\\x1b]0;pwned\\x07" in text
