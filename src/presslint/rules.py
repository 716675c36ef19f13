"""The rule catalogue: every finding's code, name, default severity and explanation.

Each check's module declares its own ``RULES`` list next to the code that fires them (the registry names the
modules); this module gathers them so
``presslint rules`` and the docs are generated from one place. A test fails when a rule lacks an explanation or an
example, or when an analyzer emits a code that is not catalogued.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache

from .errors import E, PresslintError
from .model import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str  # e.g. "SRC001"; the letters are the category prefix
    name: str  # kebab-case, e.g. "anonymous-source"
    severity: Severity  # default severity: info, warning, error
    category: str  # human category, e.g. "sources"
    summary: str  # one line
    explanation: str  # why it matters, what triggers it, what does not
    example: str  # a sentence that triggers it
    default: bool = True  # on unless selected explicitly
    # "article": a judgement about the whole article (no byline, one source); a long article checked in pieces keeps
    # it from its first piece only. "span": about the words it points at.
    scope: str = "span"

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Rule]:
    """Every rule, gathered from the RULES of the modules the registry declares. Importing those modules must stay
    cheap (no spaCy at import time): `presslint rules` and settings validation read the catalogue."""
    from . import registry

    rules: dict[str, Rule] = {}
    for module_name in registry.rule_modules():
        for rule in importlib.import_module(module_name).RULES:
            if rule.code in rules:
                raise RuntimeError(f"duplicate rule code {rule.code}")
            rules[rule.code] = rule
    return rules


def get(code: str) -> Rule:
    return catalogue()[code]


def expand(codes: list[str] | tuple[str, ...]) -> set[str]:
    """Turn codes and prefixes ("SRC", "NUM002", "ALL") into the set of rule codes they name."""
    cat = catalogue()
    out: set[str] = set()
    for raw in codes:
        code = raw.strip().upper()
        if not code:
            continue
        if code == "ALL":
            out.update(cat)
            continue
        matched = {c for c in cat if c == code or (c.startswith(code) and not code[-1:].isdigit())}
        if not matched:
            raise PresslintError(E.E301, code=raw)
        out.update(matched)
    return out


def enabled_codes(select: list[str] | None, ignore: list[str] | None) -> set[str]:
    cat = catalogue()
    chosen = expand(select) if select else {c for c, r in cat.items() if r.default}
    if ignore:
        chosen -= expand(ignore)
    return chosen


def render_markdown(codes: list[str] | None = None) -> str:
    """The catalogue as Markdown (docs/rules.md is this output; a test keeps it current)."""
    cat = catalogue()
    lines = [
        "# presslint rules",
        "",
        "Generated from the rule catalogue by `presslint rules --format markdown > docs/rules.md`; do not edit by hand.",
        'Select or ignore rules by code or prefix (`--select SRC,NUM`, `ignore = ["MTA"]`).',
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    chosen = codes or list(cat)
    lines += [f"| {c} | {cat[c].name} | {cat[c].severity} | {cat[c].summary} |" for c in chosen]
    for c in chosen:
        rule = cat[c]
        lines += [
            "",
            f"## {rule.code} {rule.name}",
            "",
            f"*{rule.category}, {rule.severity}" + ("" if rule.default else ", off by default") + f"* — {rule.summary}",
            "",
            rule.explanation,
            "",
            f"Example: {rule.example}",
        ]
    return "\n".join(lines) + "\n"
