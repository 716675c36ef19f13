"""Coded errors and warnings, so a user can search a code (as spaCy does).

Raise ``PresslintError(E.E101, path=...)``; the CLI prints ``E101: ...`` on one line and exits with code 2.
"""

from __future__ import annotations


class E:
    # Input (1xx)
    E101 = "E101: Cannot read '{path}': {reason}"
    E102 = "E102: '{path}' is empty: there is no text to check"
    E103 = "E103: '{path}' looks binary (not text or HTML): {reason}"
    E104 = "E104: '{path}' is {size} bytes, over the {limit}-byte limit (set ingest.max_bytes to raise it)"
    E105 = "E105: Cannot decode '{path}': {reason}"
    E106 = "E106: No article text could be extracted from the HTML in '{path}'"
    E107 = "E107: Bad JSONL record at {path}:{line}: {reason}"
    E108 = "E108: No such file or folder: '{path}'"
    E109 = "E109: Folder '{path}' holds no readable articles (.txt, .html, .htm, .jsonl)"
    E110 = "E110: '{path}' holds several articles ({what}); read it with iter_inputs() or the presslint CLI"
    E111 = "E111: Bad metadata file '{path}': {reason}"
    # Network (2xx)
    E201 = "E201: Refusing to fetch '{url}': it resolves to a private or loopback address ({address}); pass --allow-private to allow it"
    E202 = "E202: Cannot fetch '{url}': {reason}"
    E203 = "E203: '{url}' sent more than {limit} bytes; stopped reading"
    E204 = "E204: Only http and https URLs can be fetched, not '{url}'"
    E205 = "E205: '{url}' answered HTTP {status}"
    # Configuration and usage (3xx)
    E301 = "E301: Unknown rule code or prefix '{code}' (see `presslint rules`)"
    E302 = "E302: Bad configuration in {path}: {reason}"
    E303 = "E303: Unknown output format '{format}'; choose one of {choices}"
    E304 = "E304: Bad date '{value}': use YYYY-MM-DD"
    E305 = "E305: Cannot read baseline file '{path}': {reason}"
    E306 = "E306: {count} reports cannot go into one HTML file; pass -o FOLDER to write one file per report"
    E307 = "E307: Cannot write '{path}': {reason}"
    # Store (4xx)
    E401 = "E401: No stored report with id {id}"
    E402 = "E402: Cannot open the store at '{path}': {reason}"
    E403 = "E403: Nothing stored matches '{key}' (give a report id from `presslint history` or an article hash)"
    E404 = "E404: Hash prefix '{key}' matches {count} stored articles; give more characters"
    E405 = "E405: The store at '{path}' has schema version {found}, newer than this presslint knows ({known}); upgrade presslint"
    E406 = "E406: Cannot write to the store at '{path}': {reason}"
    # Pipeline (5xx)
    E501 = "E501: The spaCy model '{model}' is not installed; run the set-up command in the README"
    E502 = "E502: Analyzer '{name}' failed on '{origin}': {reason}"
    E503 = "E503: The learned model '{name}' is not installed in '{folder}' (reinstall presslint, or point PRESSLINT_MODELS at a folder written by `presslint train`)"
    E504 = "E504: Training needs the train extra (torch, transformers, onnx and the base encoder; see docs/models.md): {reason}"
    # Knowledge store (6xx)
    E601 = "E601: Cannot read the Wikidata dump '{path}': {reason}"
    E602 = "E602: Bad entity in the Wikidata dump '{path}' at line {line}: {reason}"
    E603 = "E603: Unknown import profile '{name}'; choose one of {choices}"
    E604 = "E604: The Wikidata API at '{url}' failed: {reason}"
    E605 = "E605: Cannot open the knowledge store at '{path}': {reason}"
    E606 = "E606: The knowledge store at '{path}' holds an unfinished import of '{dump}' ({lines} lines read); pass --resume to continue it"
    # Web (7xx): conditions only the HTTP server has
    E701 = "E701: The request body is over the {limit}-byte limit"
    E702 = "E702: Bad request: {reason}"
    E703 = "E703: Missing or wrong bearer token (send 'Authorization: Bearer <token>')"
    E704 = "E704: The server is busy ({in_flight} checks running or queued); retry after {seconds} s"
    E705 = "E705: The check took longer than {seconds} s and was abandoned"
    E706 = "E706: This server does not fetch private or loopback addresses (it was not started with --allow-private)"
    E707 = "E707: No such endpoint: {path}"
    E708 = "E708: Internal error: {reason}"
    E709 = "E709: The request body did not arrive within {seconds} s"
    E710 = "E710: No story with id {id}"


class W:
    W001 = "W001: The article looks like {language}, not English; findings are skipped because presslint's analyzers read English only"
    W002 = "W002: No publication date: relative dates ('last Thursday') are left unresolved"
    W003 = "W003: Knowledge checks skipped: no knowledge store given (use --kb PATH or --kb online)"
    W004 = "W004: The text is very short ({words} words); few checks can apply"
    W005 = "W005: Bytes that are not valid {encoding} were replaced while decoding"
    W006 = "W006: Ignored the metadata date '{value}': it is not an ISO date (YYYY-MM-DD)"


class PresslintError(Exception):
    """An error with a catalogue code. ``str(err)`` is the one-line message."""

    def __init__(self, template: str, **kwargs: object) -> None:
        self.code = template.split(":", 1)[0]
        self.message = template.format(**kwargs)
        super().__init__(self.message)


def notice_code(template: str) -> str:
    return template.split(":", 1)[0]


def format_warning(template: str, **kwargs: object) -> str:
    return template.format(**kwargs)
