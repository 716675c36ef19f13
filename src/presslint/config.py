"""Settings: packaged defaults, then ``presslint.toml`` or ``[tool.presslint]`` in ``pyproject.toml``, then options.

Only settings that change findings go into the config hash, so a report is re-used exactly when the same rules ran.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import E, PresslintError
from .model import SEVERITIES


def default_home() -> Path:
    return Path(os.environ.get("PRESSLINT_HOME", Path.home() / ".presslint"))


@dataclass(slots=True)
class Settings:
    select: list[str] = field(default_factory=list)  # empty: every default rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # per-code overrides
    fail_on: str = "error"
    min_confidence: float = 0.0
    date: str | None = None  # publication date to assume when metadata has none
    db: str | None = None  # SQLite store path; None -> $PRESSLINT_HOME/presslint.db
    store: bool = True
    max_bytes: int = 5_000_000  # per input file or download
    fetch_timeout: float = 15.0
    allow_private: bool = False
    kb: str | None = None  # knowledge store path, or "online" (Wikidata API with a cache); None skips KB checks
    kb_cache: str | None = None  # cache store for online mode; None -> $PRESSLINT_HOME/kb-cache.sqlite
    analyzers: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-analyzer options
    learned: dict[str, bool] = field(default_factory=dict)  # learned head -> on/off (attribution, propaganda, ...)
    origin: str | None = None  # the file the overlay came from

    # Keys that change findings (the rest only change I/O).
    HASHED = ("select", "ignore", "severity", "min_confidence", "analyzers", "kb", "learned")

    def config_hash(self) -> str:
        from . import rules

        payload = {k: getattr(self, k) for k in self.HASHED}
        payload["enabled"] = sorted(rules.enabled_codes(self.select, self.ignore))
        raw = json.dumps(payload, sort_keys=True, default=str).encode()
        return hashlib.sha256(raw).hexdigest()[:16]

    def db_path(self) -> Path:
        return Path(self.db) if self.db else default_home() / "presslint.db"

    def options_for(self, analyzer: str) -> dict[str, Any]:
        return dict(self.analyzers.get(analyzer, {}))

    def replace(self, **changes: Any) -> Settings:
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **changes)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest presslint.toml, or pyproject.toml with a [tool.presslint] table, from ``start`` upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "presslint.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "presslint" in tomllib.loads(pyproject.read_text()).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, OSError):
                continue
    return None


def load_settings(path: Path | str | None = None, *, search: bool = True) -> Settings:
    """Defaults overlaid with a config file (given, or found from the working folder up)."""
    path = Path(path) if path else (find_config() if search else None)
    settings = Settings()
    if path is None:
        return settings
    try:
        data = tomllib.loads(Path(path).read_text())
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise PresslintError(E.E302, path=path, reason=err) from err
    if Path(path).name == "pyproject.toml":
        data = data.get("tool", {}).get("presslint", {})
    return apply_overlay(settings, data, origin=str(path))


def apply_overlay(settings: Settings, data: dict[str, Any], *, origin: str = "<dict>") -> Settings:
    known = {f.name for f in dataclasses.fields(Settings)} - {"origin"}
    data = {k.replace("-", "_"): v for k, v in data.items()}
    unknown = set(data) - known
    if unknown:
        raise PresslintError(E.E302, path=origin, reason=f"unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("select", "ignore"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(x, str) for x in data[key])):
            raise PresslintError(E.E302, path=origin, reason=f"'{key}' must be a list of rule codes")
    for code, sev in data.get("severity", {}).items():
        if sev not in SEVERITIES:
            raise PresslintError(E.E302, path=origin, reason=f"severity of {code} must be one of {SEVERITIES}")
    if "fail_on" in data and data["fail_on"] not in (*SEVERITIES, "never"):
        raise PresslintError(E.E302, path=origin, reason=f"fail_on must be one of {SEVERITIES} or 'never'")
    learned = data.get("learned", {})
    if not (isinstance(learned, dict) and all(isinstance(v, bool) for v in learned.values())):
        raise PresslintError(E.E302, path=origin, reason="'learned' must be a table of head = true/false")
    from .learned import HEADS

    if set(learned) - set(HEADS):
        unknown_heads = ", ".join(sorted(set(learned) - set(HEADS)))
        raise PresslintError(
            E.E302, path=origin, reason=f"unknown learned head(s) {unknown_heads}; heads: {', '.join(HEADS)}"
        )
    merged = dataclasses.replace(settings, **data, origin=origin)
    from . import rules

    rules.enabled_codes(merged.select, merged.ignore)  # raises E301 on an unknown code
    return merged
