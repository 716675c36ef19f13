"""`presslint kb build` / `kb fill` end to end against a local server (127.0.0.1 only) that replays the Wikidata
Query Service (SPARQL 1.1 JSON results, application/sparql-results+json) and wbgetentities (entities from the
real-format fixture): queries recorded with their date, 429 + Retry-After honoured, resumable after a stop, the fill
pass, coded errors. No test touches the network."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from presslint import __version__, cli
from presslint.errors import PresslintError
from presslint.knowledge.build import SparqlClient, item_ids, load_queries
from presslint.knowledge.store import KnowledgeBase

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikidata"
ENTITIES: dict[str, dict] = {}
for _line in (FIXTURES / "real_format.json").read_text(encoding="utf-8").splitlines()[1:-1]:
    try:
        _data = json.loads(_line.rstrip(","))
    except ValueError:
        continue
    if isinstance(_data.get("id"), str):
        ENTITIES[_data["id"]] = _data
ENTITIES.update(json.loads((FIXTURES / "wbgetentities.json").read_text())["entities"])


def _uri(qid: str) -> dict:
    return {"type": "uri", "value": f"http://www.wikidata.org/entity/{qid}"}


# What each query "returns" on the replay server: ids in the fixture, plus a missing one and a redirected one.
ANSWERS = {
    "heads-of-state-and-government": ["Q567", "Q61053"],
    "countries-and-capitals": ["Q183", "Q45", "Q30", "Q900001013"],
    "major-cities": ["Q2112", "Q597"],
    "armed-forces": ["Q900001010"],  # merged into Q900001011: the answer is the target's entity
}


class Replay(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []
    busy: ClassVar[list[str | None]] = []  # Retry-After values of 429 answers given before the real ones

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, content_type: str, retry_after: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if retry_after is not None:
            self.send_header("Retry-After", retry_after)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        Replay.requests.append(
            {
                "kind": "sparql",
                "ua": self.headers.get("User-Agent"),
                "accept": self.headers.get("Accept"),
                "at": time.monotonic(),
            }
        )
        if Replay.busy:
            return self._send(429, b"Too Many Requests", "text/plain", Replay.busy.pop(0))
        query = form.get("query", "")
        name = next((q.name for q in load_queries() if q.text == query), None)
        bindings = [{"item": _uri(q)} for q in ANSWERS.get(name, [])]
        bindings.append({"item": {"type": "literal", "value": "not an entity"}})  # never an id
        bindings.append({"item": _uri("P31")})  # a property: never an item
        body = {"head": {"vars": ["item"]}, "results": {"bindings": bindings}}
        self._send(200, json.dumps(body).encode(), "application/sparql-results+json; charset=utf-8")

    def do_GET(self):
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        Replay.requests.append({"kind": query.get("action"), "ids": query.get("ids", ""), "at": time.monotonic()})
        ids = query.get("ids", "").split("|")
        answer = {q: ENTITIES.get(q, {"id": q, "missing": ""}) for q in ids}
        self._send(200, json.dumps({"entities": answer, "success": 1}).encode(), "application/json; charset=utf-8")


@pytest.fixture(autouse=True)
def _loopback_only(loopback_only):
    """Any connection to a non-loopback address fails the test: the client must never touch the network."""


@pytest.fixture()
def server():
    Replay.requests, Replay.busy = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base
    httpd.shutdown()
    httpd.server_close()


def _build(server: str, kb: str, *extra: str):
    return CliRunner().invoke(
        cli.main,
        [
            *("kb", "build", "--kb", kb, "--set", "core", "--endpoint", f"{server}/sparql"),
            *("--api", f"{server}/w/api.php", "--rate", "200", "--query-interval", "0", "--quiet", *extra),
        ],
    )


def test_knowledge_build_end_to_end_against_replay(server, tmp_path):
    kb_path = str(tmp_path / "kb.sqlite")
    result = _build(server, kb_path)
    assert result.exit_code == 0, result.output
    core = [q.name for q in load_queries(query_set="core")]
    sparql = [r for r in Replay.requests if r["kind"] == "sparql"]
    assert len(sparql) == len(core) == 6
    assert all(r["ua"].startswith(f"presslint/{__version__} ") for r in sparql)
    assert all(r["accept"] == "application/sparql-results+json" for r in sparql)
    kb = KnowledgeBase(kb_path, readonly=True)
    for qid in ("Q567", "Q61053", "Q183", "Q45", "Q30", "Q2112", "Q597", "Q900001011"):
        assert kb.has(qid), qid
    # the fill pass: the office both chancellors held, their country's language, Bielefeld's historical countries
    for qid in ("Q4970706", "Q188", "Q713750", "Q7318", "Q1860"):
        assert kb.has(qid), qid
    assert kb.entity("Q900001010").qid == "Q900001011"  # the redirect is kept
    for name in core:
        record = kb.get_meta(f"build:query:{name}")
        assert (
            record["endpoint"] == f"{server}/sparql" and record["run_at"][:4].isdigit() and len(record["sha256"]) == 64
        )
    assert kb.get_meta("build:query:heads-of-state-and-government")["items"] == 2
    assert kb.get_meta("build")["pending"] == 0
    assert all(len(r["ids"].split("|")) <= 50 for r in Replay.requests if r["kind"] == "wbgetentities")
    assert "entities fetched" in result.output and "1 missing on Wikidata" in result.output
    stats = CliRunner().invoke(cli.main, ["kb", "stats", "--kb", kb_path])
    assert "query       heads-of-state-and-government: 2 items, run 20" in stats.output, stats.output


def test_knowledge_build_resumes_without_rerunning_queries(server, tmp_path):
    kb_path = str(tmp_path / "kb.sqlite")
    first = _build(server, kb_path, "--limit", "3")
    assert first.exit_code == 0 and "still to fetch" in first.output, first.output
    assert KnowledgeBase(kb_path, readonly=True).stats()["entities"] == 3
    before = len([r for r in Replay.requests if r["kind"] == "sparql"])
    second = _build(server, kb_path)
    assert second.exit_code == 0, second.output
    assert len([r for r in Replay.requests if r["kind"] == "sparql"]) == before  # every query was already recorded
    assert "already run 6" in second.output
    kb = KnowledgeBase(kb_path, readonly=True)
    assert kb.get_meta("build")["pending"] == 0 and kb.has("Q597") and kb.has("Q4970706")


def test_knowledge_build_honours_retry_after(server):
    Replay.busy = ["1", None]  # 429 with Retry-After: 1, then 429 without it (backoff), then the answer
    client = SparqlClient(f"{server}/sparql", interval=0.0, backoff=0.01)
    start = time.monotonic()
    rows = client.select(load_queries(["major-cities"])[0].text)
    assert item_ids(rows) == [2112, 597] and client.requests == 3
    assert time.monotonic() - start >= 1.0


def test_knowledge_build_gives_up_with_coded_error(server):
    Replay.busy = ["0"] * 5
    with pytest.raises(PresslintError, match=r"E604.*HTTP 429 after 3 attempts"):
        SparqlClient(f"{server}/sparql", interval=0.0, retries=2, backoff=0.01).select("SELECT ?item WHERE {}")


def test_knowledge_build_unknown_query_is_coded_error(tmp_path):
    result = CliRunner().invoke(cli.main, ["kb", "build", "--kb", str(tmp_path / "kb.sqlite"), "--query", "nope"])
    assert result.exit_code == 2 and "E607" in result.output


def test_knowledge_build_lists_queries_with_cost():
    result = CliRunner().invoke(cli.main, ["kb", "build", "--list"])
    assert result.exit_code == 0
    assert "heads-of-state-and-government" in result.output and "estimate" in result.output
    assert len(load_queries()) == 11 and {q.set for q in load_queries()} == {"core", "full"}


def test_knowledge_build_fill_command(server, tmp_path):
    from presslint.knowledge.profile import referenced_ids
    from presslint.knowledge.wikidata import parse_entity

    kb_path = tmp_path / "kb.sqlite"
    kb = KnowledgeBase(kb_path)

    kb.add([parse_entity(ENTITIES["Q567"])])
    kb.db.execute("CREATE TABLE IF NOT EXISTS import_refs (id INTEGER PRIMARY KEY)")
    kb.db.executemany("INSERT INTO import_refs VALUES (?)", [(r,) for r in referenced_ids(ENTITIES["Q567"])])
    kb.db.commit()
    kb.close()
    result = CliRunner().invoke(
        cli.main, ["kb", "fill", "--kb", str(kb_path), "--api", f"{server}/w/api.php", "--rate", "200", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    kb = KnowledgeBase(kb_path, readonly=True)
    assert kb.has("Q4970706") and kb.has("Q183") and kb.has("Q188")  # office, citizenship, then its language
