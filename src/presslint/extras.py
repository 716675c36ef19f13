"""Optional extras: say which one to install, with a coded error, before a command needs it."""

from __future__ import annotations

from importlib.util import find_spec

from .errors import E, PresslintError


def require(extra: str, feature: str, *modules: str) -> None:
    """Raise E503 naming ``extra`` when one of ``modules`` is not installed (found without importing it)."""
    for name in modules:
        if find_spec(name) is None:
            raise PresslintError(E.E503, feature=feature, extra=extra, missing=name)
