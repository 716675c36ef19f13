"""The JSON Schema of the JSON report, generated from the record types and the registry (never written by hand).

Each field's type comes from its annotation, its description from the comment beside it in ``model.py``; the
report's record keys come from ``registry.RECORDS``, so a new record type appears here without an edit. Bounds and
patterns that annotations cannot say are listed in ``CONSTRAINTS``. The committed file
``src/presslint/schema/report.schema.json`` is this output; a test keeps it current. Regenerate it with:

    .venv/bin/python -m presslint.report.schema > src/presslint/schema/report.schema.json
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import io
import json
import re
import sys
import tokenize
import types
import typing
from functools import cache
from typing import Any

from .. import registry
from ..model import SCHEMA_VERSION, Article, Finding, Notice, Provenance, Span, Summary

TITLE = "presslint report"
DESCRIPTION = (
    "One checked article: its normalised text, provenance, findings and the records they rest on. Every span's "
    "start/end is a character offset into article.text (end exclusive); line/column are 1-based. schema_version "
    "changes its major number when a field is removed or changes meaning, its minor number when fields are added."
)
# (type name, field) -> extra JSON Schema keywords.
CONSTRAINTS: dict[tuple[str, str], dict[str, Any]] = {
    ("Span", "start"): {"minimum": 0},
    ("Span", "end"): {"minimum": 0},
    ("Span", "line"): {"minimum": 1},
    ("Span", "column"): {"minimum": 1},
    ("Finding", "code"): {"pattern": "^[A-Z]{2,4}[0-9]{3}$"},
    ("Finding", "confidence"): {"minimum": 0, "maximum": 1},
    ("Claim", "checkworthiness"): {"minimum": 0, "maximum": 1},
    ("ClaimLine", "checkworthiness"): {"minimum": 0, "maximum": 1},
    ("Summary", "anonymous_share"): {"minimum": 0, "maximum": 1},
    ("Summary", "most_serious"): {"maxItems": 3},
    ("Provenance", "model_sha256"): {"pattern": "^[0-9a-f]{64}$"},
    ("Provenance", "content_hash"): {"pattern": "^[0-9a-f]{64}$"},
    ("Notice", "code"): {"pattern": "^[EW][0-9]{3}$"},
}


def _name(cls: type) -> str:
    """``TimeExpression`` -> ``time_expression``: the $defs key."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


@cache
def _comments(cls: type) -> dict[str, str]:
    """Field name -> the comment on its line in the class body (the field's description)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    out: dict[str, str] = {}
    field_line = re.compile(r"^\s+(\w+)\s*:")
    lines = source.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            match = field_line.match(lines[tok.start[0] - 1])
            if match and tok.start[1] > match.end():
                out[match.group(1)] = tok.string.lstrip("# ").strip()
    return out


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _type(options[0], defs) if len(options) == 1 else {"oneOf": [_type(a, defs) for a in options]}
        if type(None) not in args:
            return inner
        if set(inner) == {"type"} and isinstance(inner["type"], str):
            return {"type": [inner["type"], "null"]}
        return {"oneOf": [{"type": "null"}, inner]}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is list:
        return {"type": "array", "items": _type(args[0], defs)}
    if origin is tuple:
        item = _type(args[0], defs)
        return {"type": "array", "items": item, "minItems": len(args), "maxItems": len(args)}
    if origin is dict or hint is dict:
        return {"type": "object"}
    if isinstance(hint, typing.TypeAliasType if hasattr(typing, "TypeAliasType") else ()):
        return _type(hint.__value__, defs)
    if dataclasses.is_dataclass(hint):
        name = _name(hint)  # type: ignore[arg-type]
        if name not in defs:
            defs[name] = {}  # reserve the name first: records may refer to each other
            defs[name] = _object(hint, defs)  # type: ignore[arg-type]
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", dt.date: "string"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is Any:
        return {}
    raise TypeError(f"no JSON Schema for {hint!r}")


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    comments = _comments(cls)
    required, properties = [], {}
    for f in dataclasses.fields(cls):
        prop = _type(hints[f.name], defs)
        prop.update(CONSTRAINTS.get((cls.__name__, f.name), {}))
        if f.name in comments:
            prop["description"] = comments[f.name]
        properties[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    return {"type": "object", "required": required, "properties": properties}


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    records = {r.name: r for r in registry.report_records()}
    properties: dict[str, Any] = {
        "schema_version": {"type": "string", "pattern": rf"^{SCHEMA_VERSION.split('.')[0]}\.[0-9]+$"},
        "article": _type(Article, defs),
        "provenance": _type(Provenance, defs),
        "summary": {
            **_type(Summary | None, defs),
            "description": "What a reader sees first, computed when the report is finished (null or absent in a "
            "report made before schema 1.1).",
        },
        "findings": {"type": "array", "items": _type(Finding, defs), "description": "What the checks found."},
    }
    for name, record in records.items():
        properties[name] = {
            "type": "array",
            "items": _type(registry.record_type(record), defs),
            "description": record.doc[:1].upper() + record.doc[1:] + ".",
        }
    properties["notices"] = {"type": "array", "items": _type(Notice, defs)}
    properties["id"] = {"type": ["integer", "null"], "description": "Store id, when the report was saved."}
    _type(Span, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://presslint.org/schema/report-{SCHEMA_VERSION}.json",
        "title": TITLE,
        "description": DESCRIPTION,
        "type": "object",
        "required": ["schema_version", "article", "provenance", "findings", *records, "notices"],
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(schema_text())
