"""Knowledge checks against Wikidata: a compact local store, a dump importer, an online client, a linker, checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

OFF = frozenset({"off", "none", "no", "false"})  # `--no-kb`, or `kb = "off"` in the configuration


def default_store() -> Path:
    """Where `presslint kb build` / `kb import` put the store by default: $PRESSLINT_HOME/kb.sqlite."""
    from ..config import default_home

    return default_home() / "kb.sqlite"


def kb_off(settings: Any) -> bool:
    """Whether knowledge checks were turned off on purpose (no notice is due then)."""
    value = getattr(settings, "kb", None)
    return isinstance(value, str) and value.strip().lower() in OFF


def resolve_kb(settings: Any) -> str | None:
    """The knowledge store a run uses: ``settings.kb`` when given (a path, or "online"); None when it is "off";
    otherwise the default store when it exists; otherwise None (the report then says how to build one, W003)."""
    if kb_off(settings):
        return None
    value = getattr(settings, "kb", None)
    if value:
        return str(value)
    path = default_store()
    return str(path) if path.is_file() else None
