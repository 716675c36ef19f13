"""Versioned JSON output; the shape is documented in ``schema/report.schema.json`` (checked by a test)."""

from __future__ import annotations

import json

from ..model import Report


def report_json(report: Report) -> dict:
    data = report.to_dict()
    # schema_version first, so a reader can dispatch before parsing the rest.
    return {"schema_version": data.pop("schema_version"), **data}


def render_json(report: Report) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2)
