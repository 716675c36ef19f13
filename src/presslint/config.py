"""Settings: packaged defaults, then ``presslint.toml`` or ``[tool.presslint]`` in ``pyproject.toml``, then options.

Only settings that change findings go into the config hash, so a report is re-used exactly when the same rules ran.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
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
    max_chars: int = 1_500_000  # longest text checked (E112 above it)
    piece_chars: int = 50_000  # a longer text is checked in pieces of about this size, split between paragraphs
    fetch_timeout: float = 15.0
    allow_private: bool = False
    kb: str | None = None  # knowledge store path, or "online" (Wikidata API with a cache); None skips KB checks
    kb_cache: str | None = None  # cache store for online mode; None -> $PRESSLINT_HOME/kb-cache.sqlite
    analyzers: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-analyzer options
    learned: dict[str, bool] = field(default_factory=dict)  # learned head -> on/off (attribution, propaganda, ...)
    origin: str | None = None  # the file the overlay came from

    # Keys that change findings (the rest only change I/O).
    HASHED = ("select", "ignore", "severity", "min_confidence", "analyzers", "kb", "piece_chars", "learned")

    def __post_init__(self) -> None:
        # Settings validate themselves when built or replaced, so no shell has to provoke the errors.
        validate(self)

    def config_hash(self) -> str:
        from . import rules

        payload = {k: getattr(self, k) for k in self.HASHED}
        payload["enabled"] = sorted(rules.enabled_codes(self.select, self.ignore))
        raw = json.dumps(payload, sort_keys=True, default=str).encode()
        return hashlib.sha256(raw).hexdigest()[:16]

    def key(self) -> str:
        """Every setting as one stable string: equal keys, equal behaviour (for caches of checkers)."""
        return json.dumps(dataclasses.asdict(self), sort_keys=True, default=str)

    def db_path(self) -> Path:
        return Path(self.db) if self.db else default_home() / "presslint.db"

    def options_for(self, analyzer: str) -> dict[str, Any]:
        return dict(self.analyzers.get(analyzer, {}))

    def replace(self, **changes: Any) -> Settings:
        """A copy with the given changes (None means: keep), validated like any new Settings."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **changes)


def parse_date(value: str) -> dt.date:
    """An ISO date (YYYY-MM-DD; a longer ISO timestamp is cut to its date); E304 otherwise."""
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError) as err:
        raise PresslintError(E.E304, value=value) from err


def validate(settings: Settings) -> None:
    """E301 for an unknown rule code, E304 for a bad date, E308 for any other bad value."""

    def bad(name: str, reason: str) -> PresslintError:
        return PresslintError(E.E308, name=name, reason=reason)

    for key in ("select", "ignore"):
        value = getattr(settings, key)
        if not (isinstance(value, list) and all(isinstance(x, str) for x in value)):
            raise bad(key, "must be a list of rule codes or prefixes")
    if not isinstance(settings.severity, dict):
        raise bad("severity", "must map rule codes to a severity")
    for code, sev in settings.severity.items():
        if sev not in SEVERITIES:
            raise bad(f"severity of {code}", f"must be one of {', '.join(SEVERITIES)}")
    if settings.fail_on not in (*SEVERITIES, "never"):
        raise bad("fail_on", f"must be one of {', '.join(SEVERITIES)} or never")
    if not isinstance(settings.min_confidence, int | float) or not 0 <= settings.min_confidence <= 1:
        raise bad("min_confidence", "must be a number from 0 to 1")
    if not isinstance(settings.max_bytes, int) or settings.max_bytes <= 0:
        raise bad("max_bytes", "must be a positive number of bytes")
    for name in ("max_chars", "piece_chars"):
        if not isinstance(getattr(settings, name), int) or getattr(settings, name) < 1000:
            raise bad(name, "must be a whole number of characters, at least 1000")
    if not isinstance(settings.fetch_timeout, int | float) or settings.fetch_timeout <= 0:
        raise bad("fetch_timeout", "must be a positive number of seconds")
    if not isinstance(settings.analyzers, dict) or not all(isinstance(v, dict) for v in settings.analyzers.values()):
        raise bad("analyzers", "must map analyzer names to tables of options")
    if not isinstance(settings.learned, dict) or not all(isinstance(v, bool) for v in settings.learned.values()):
        raise bad("learned", "must be a table of head = true/false")
    if settings.learned:
        from .learned import HEADS

        unknown = sorted(set(settings.learned) - set(HEADS))
        if unknown:
            raise bad("learned", f"unknown head(s) {', '.join(unknown)}; heads: {', '.join(HEADS)}")
    if settings.date is not None:
        parse_date(settings.date)
    if settings.select or settings.ignore or settings.severity:
        from . import rules

        rules.enabled_codes(settings.select, settings.ignore)  # E301 on an unknown code or prefix
        rules.expand(list(settings.severity))


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
    try:
        return dataclasses.replace(settings, **data, origin=origin)
    except PresslintError as err:
        if err.entry is E.E301:  # an unknown rule code keeps its own code: the user searches for it
            raise
        raise PresslintError(E.E302, path=origin, reason=err.message.split(": ", 1)[1]) from err
