"""The catalogue of coded errors and warnings, so a user can search a code (as spaCy does).

Each entry is written once: its code is the attribute's name, its family (the code's hundreds digit) carries the CLI
exit code and the HTTP status, and a hint for one interface (a CLI flag) is kept apart from the library's message::

    raise PresslintError(E.E101, path=path, reason=err)   # str(err) == "E101: Cannot read 'x.txt': ..."

``docs/errors.md`` is generated from this module (``presslint errors --format markdown``); a test keeps it current,
checks that every code is raised somewhere, and that no message is written outside this catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Family:
    digit: str
    name: str
    exit_code: int  # the CLI's exit code for an error of this family
    http_status: int  # the API's default status for it


FAMILIES: dict[str, Family] = {
    f.digit: f
    for f in (
        Family("1", "input", 2, 422),
        Family("2", "network", 2, 502),
        Family("3", "configuration and usage", 2, 422),
        Family("4", "store", 2, 500),
        Family("5", "pipeline", 2, 500),
        Family("6", "knowledge store", 2, 500),
        Family("7", "web server", 2, 400),
    )
}


class Entry:
    """One catalogue entry. The code comes from the attribute it is assigned to (``E101 = Entry(...)``)."""

    __slots__ = ("brief", "code", "hints", "status", "template")

    def __init__(
        self,
        template: str,
        *,
        status: int | None = None,
        hints: dict[str, str] | None = None,
        brief: str | None = None,
    ) -> None:
        self.template = template
        self.status = status  # HTTP status when it differs from the family's
        self.hints = hints or {}  # interface -> what a user of that interface can do ("cli": "pass --allow-private")
        # A short form for a report's one line of notes, for the routine notices (no placeholders).
        self.brief = brief
        self.code = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.code = name

    def __repr__(self) -> str:
        return f"<{self.code}: {self.template}>"

    @property
    def family(self) -> Family | None:
        return FAMILIES.get(self.code[1:2]) if self.code.startswith("E") else None

    @property
    def http_status(self) -> int:
        family = self.family
        return self.status or (family.http_status if family else 500)

    @property
    def exit_code(self) -> int:
        family = self.family
        return family.exit_code if family else 0

    def format(self, **kwargs: Any) -> str:
        """The one-line message with its code: ``"E101: Cannot read ..."``; every value it quotes is ``quoted``."""
        return f"{self.code}: {self.template.format(**{k: _safe(v) for k, v in kwargs.items()})}"


MAX_QUOTED = 200  # characters of one interpolated value (a path, a URL, a bad line) a message quotes
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def quoted(value: object, limit: int = MAX_QUOTED) -> str:
    """``value`` as a message may quote it: control characters escaped (a file name holding a terminal escape must
    not reach the terminal raw), and at most ``limit`` characters (a 20 MB bad line must not become the message)."""
    text = str(value)
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text) - limit} more characters)"
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _safe(value: object) -> object:
    return value if isinstance(value, int | float) else quoted(value)


class E:
    # Input (1xx)
    E101 = Entry("Cannot read '{path}': {reason}")
    E102 = Entry("'{path}' is empty: there is no text to check")
    E103 = Entry("'{path}' looks binary (not text or HTML): {reason}")
    E104 = Entry(
        "'{path}' is {size} bytes, over the {limit}-byte limit (set max_bytes in presslint.toml to raise it)",
        status=413,
    )
    E106 = Entry("No article text could be extracted from the HTML in '{path}'")
    E107 = Entry("Bad JSONL record at {path}:{line}: {reason}")
    E108 = Entry("No such file or folder: '{path}'")
    E109 = Entry("Folder '{path}' holds no readable articles (.txt, .html, .htm, .jsonl)")
    E110 = Entry("'{path}' holds several articles ({what}); read it with iter_inputs() or the presslint CLI")
    E111 = Entry("Bad metadata file '{path}': {reason}")
    E112 = Entry(
        "'{path}' is {chars} characters long, over the {limit}-character limit (the max_chars setting)", status=413
    )
    E113 = Entry("'{path}' stopped after {seconds} s: {reason}")
    E114 = Entry("'{path}' is nested deeper than {limit} levels: refused")
    # Network (2xx)
    E201 = Entry(
        "Refusing to fetch '{url}': it resolves to a private or loopback address ({address})",
        status=403,
        hints={"cli": "pass --allow-private to allow it"},
    )
    E202 = Entry("Cannot fetch '{url}': {reason}")
    E203 = Entry("'{url}' sent more than {limit} bytes; stopped reading")
    E204 = Entry("Only http and https URLs can be fetched, not '{url}'", status=422)
    E205 = Entry("'{url}' answered HTTP {status}")
    # Configuration and usage (3xx)
    E301 = Entry("Unknown rule code or prefix '{code}' (see `presslint rules`)")
    E302 = Entry("Bad configuration in {path}: {reason}")
    E303 = Entry("Unknown output format '{format}'; choose one of {choices}")
    E304 = Entry("Bad date '{value}': use YYYY-MM-DD")
    E305 = Entry("Cannot read baseline file '{path}': {reason}")
    E306 = Entry(
        "{count} reports cannot go into one HTML file", hints={"cli": "pass -o FOLDER to write one file per report"}
    )
    E307 = Entry("Cannot write '{path}': {reason}")
    E308 = Entry("Bad value for {name}: {reason}")
    E309 = Entry(
        "Serving on '{host}' reaches beyond this machine, so the API needs a token",
        hints={"cli": "pass --token or set PRESSLINT_TOKEN"},
    )
    E310 = Entry(
        "presslint eval {task} has no product path to score: {reason}",
        hints={"cli": "run the cross-validated study with --cv"},
    )
    E311 = Entry("No model card '{name}' (cards: {choices})")
    # Store (4xx)
    E401 = Entry("No stored report with id {id}", status=404)
    E402 = Entry("Cannot open the store at '{path}': {reason}")
    E403 = Entry(
        "Nothing stored matches '{key}' (give a report id from `presslint history` or an article hash)", status=404
    )
    E404 = Entry("Hash prefix '{key}' matches {count} stored articles; give more characters", status=409)
    E405 = Entry(
        "The store at '{path}' has schema version {found}, newer than this presslint knows ({known}); upgrade presslint"
    )
    E406 = Entry("Cannot write to the store at '{path}': {reason}")
    E407 = Entry("Cannot read the store at '{path}': {reason}")
    E408 = Entry(
        "The store at '{path}' is damaged: {reason}",
        hints={"cli": "restore it from a backup, or move it aside and salvage its rows with `sqlite3 FILE .recover`"},
    )
    E409 = Entry(
        "The article '{key}' belongs to the ingested corpus: forget it with presslint.corpus.forget (what `presslint "
        "forget` runs), which also updates its story, syndication group and outlet profile",
        status=409,
    )
    # Pipeline (5xx)
    E501 = Entry("The spaCy model '{model}' is not installed; run the set-up command in the README")
    E502 = Entry("Analyzer '{name}' failed on '{origin}': {reason}")
    E503 = Entry(
        "{feature} needs the optional '{extra}' extra ({missing} is missing): pip install 'presslint[{extra}]'"
    )
    E504 = Entry(
        "The learned model '{name}' is not installed in '{folder}'",
        hints={"cli": "reinstall presslint, or point PRESSLINT_MODELS at a folder written by `presslint train`"},
    )
    E505 = Entry(
        "Training needs the train extra (torch, transformers, onnx and the base encoder; see docs/models.md): {reason}"
    )
    # Knowledge store (6xx)
    E601 = Entry("Cannot read the Wikidata dump '{path}': {reason}")
    E602 = Entry("Bad entity in the Wikidata dump '{path}' at line {line}: {reason}")
    E603 = Entry("Unknown import profile '{name}'; choose one of {choices}")
    E604 = Entry("The Wikidata API at '{url}' failed: {reason}")
    E605 = Entry("Cannot open the knowledge store at '{path}': {reason}")
    E606 = Entry(
        "The knowledge store at '{path}' holds an unfinished import of '{dump}' ({lines} lines read)",
        hints={"cli": "pass --resume to continue it"},
    )
    E607 = Entry("Unknown knowledge-store query '{name}'; choose from {choices}")
    # Web (7xx): conditions only the HTTP server has
    E701 = Entry("The request body is over the {limit}-byte limit", status=413)
    E702 = Entry("Bad request: {reason}", status=422)
    E703 = Entry("Missing or wrong bearer token (send 'Authorization: Bearer <token>')", status=401)
    E704 = Entry("The server is busy ({in_flight} checks running or queued); retry after {seconds} s", status=503)
    E705 = Entry("The check took longer than {seconds} s and was abandoned", status=504)
    E706 = Entry(
        "This server does not fetch private or loopback addresses (it was not started with --allow-private)",
        status=403,
    )
    E707 = Entry("No such endpoint: {path}", status=404)
    E708 = Entry("Internal error: {reason}", status=500)
    E709 = Entry("The request body did not arrive within {seconds} s", status=408)
    E710 = Entry("No story with id {id}", status=404)
    E711 = Entry(
        "Host '{host}' is not one this server answers for",
        status=400,
        hints={"cli": "start it with --allowed-host HOST to allow it"},
    )
    E712 = Entry("The server has too many open connections ({open}); retry after {seconds} s", status=503)


class W:
    """Warnings: notices on a report; the article is still checked."""

    W001 = Entry(
        "The article looks like {language}, not English; findings are skipped because presslint's analyzers read "
        "English only"
    )
    W002 = Entry(
        "No publication date: relative dates ('last Thursday') are left unresolved",
        brief="no publication date, relative dates unresolved",
    )
    W003 = Entry(
        "Knowledge checks skipped: no knowledge store found; build one with `presslint kb build` "
        "(or pass --kb PATH, or --kb online)",
        brief="knowledge checks skipped (no store: `presslint kb build`)",
    )
    W004 = Entry("The text is very short ({words} words); few checks can apply")
    W005 = Entry("Bytes that are not valid {encoding} were replaced while decoding")
    W006 = Entry("Ignored the metadata date '{value}': it is not an ISO date (YYYY-MM-DD)")
    W007 = Entry(
        "The text is not valid UTF-8 and declares no charset; decoded as {encoding}, a guess ({count} bytes outside "
        "ASCII may be wrong)"
    )
    W008 = Entry("Removed {count} NUL bytes (the first at byte {offset}): the file may be damaged")
    W009 = Entry(
        "A long text ({chars} characters) was checked in {pieces} pieces of up to {size} characters; contradictions, "
        "repetitions and other comparisons look within a piece"
    )


def entries() -> list[Entry]:
    """Every error and warning, in catalogue order."""
    return [v for cls in (E, W) for v in vars(cls).values() if isinstance(v, Entry)]


def lookup(code: str) -> Entry:
    """The entry for a code such as "E101" (KeyError when there is none)."""
    for entry in entries():
        if entry.code == code.upper():
            return entry
    raise KeyError(code)


class PresslintError(Exception):
    """An error with a catalogue code. ``str(err)`` is the one-line message; ``hint(interface)`` what to do there."""

    def __init__(self, entry: Entry, **kwargs: Any) -> None:
        self.entry = entry
        self.code = entry.code
        self.message = entry.format(**kwargs)
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable across processes (worker pools) as its code and message.
        return (PresslintError.passed_on, (self.code, self.message))

    @classmethod
    def passed_on(cls, code: str, message: str) -> PresslintError:
        """An error raised elsewhere (a worker process) and passed back as its code and message."""
        err = cls.__new__(cls)
        Exception.__init__(err, message)
        err.entry, err.code, err.message = lookup(code), code, message
        return err

    @property
    def http_status(self) -> int:
        return self.entry.http_status

    @property
    def exit_code(self) -> int:
        return self.entry.exit_code

    def hint(self, interface: str) -> str | None:
        return self.entry.hints.get(interface)

    def for_interface(self, interface: str) -> str:
        """The message with the interface's hint appended ("...; pass --allow-private to allow it")."""
        hint = self.hint(interface)
        return f"{self.message}; {hint}" if hint else self.message


def render_markdown() -> str:
    """The catalogue as Markdown (docs/errors.md is this output; a test keeps it current)."""
    lines = [
        "# presslint errors and warnings",
        "",
        "Generated from `src/presslint/errors.py` by `presslint errors --format markdown > docs/errors.md`; do not "
        "edit by hand. Every error exits the CLI with its family's exit code and answers the HTTP API with its "
        "status; `{name}` marks what the message fills in.",
        "",
        "| code | family | exit | HTTP | message | CLI hint |",
        "|---|---|---|---|---|---|",
    ]
    for entry in entries():
        family = entry.family
        name = family.name if family else "warning"
        exit_code = str(entry.exit_code) if family else "-"
        status = str(entry.http_status) if family else "-"
        template = entry.template.replace("|", "\\|")
        lines.append(f"| {entry.code} | {name} | {exit_code} | {status} | {template} | {entry.hints.get('cli', '')} |")
    return "\n".join(lines) + "\n"
