"""Typed records shared by every part of presslint: ``article`` (one checked article and its ``Report``). Import
them from here: ``from presslint.model import Report``."""

from __future__ import annotations

from .article import (
    SCHEMA_VERSION,
    SEVERITIES,
    Article,
    Claim,
    Entity,
    Failure,
    Finding,
    Notice,
    Provenance,
    Quantity,
    Quote,
    QuoteKind,
    Report,
    Severity,
    Source,
    SourceKind,
    Span,
    TimeExpression,
    from_dict,
    record_names,
    severity_rank,
    to_dict,
)

__all__ = [
    "SCHEMA_VERSION",
    "SEVERITIES",
    "Article",
    "Claim",
    "Entity",
    "Failure",
    "Finding",
    "Notice",
    "Provenance",
    "Quantity",
    "Quote",
    "QuoteKind",
    "Report",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "TimeExpression",
    "from_dict",
    "record_names",
    "severity_rank",
    "to_dict",
]
