"""The online client against a local stand-in for Wikidata's API (127.0.0.1 only): User-Agent, rate limit, retries on
503/429 honouring Retry-After, maxlag, the cache (no second request), OnlineKnowledgeBase's read methods, `kb fetch`."""

from __future__ import annotations

import itertools
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
from presslint.knowledge.online import OnlineKnowledgeBase, WikidataClient, open_knowledge_base
from presslint.knowledge.store import KnowledgeBase

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "wikidata" / "sample.json"
ENTITIES = {
    e["id"]: e
    for e in (json.loads(line.rstrip(",")) for line in SAMPLE.read_text().splitlines()[1:-1])
    if e["id"][0] == "Q"
}


def _hit(qid: str, matched: str, kind: str = "alias") -> dict:
    """One wbsearchentities result, as the API documents it."""
    e = ENTITIES[qid]
    label = e["labels"]["en"]["value"]
    return {
        "id": qid,
        "title": qid,
        "pageid": 1000 + int(qid[1:]) % 1000,
        "concepturi": f"http://www.wikidata.org/entity/{qid}",
        "repository": "wikidata",
        "url": f"//www.wikidata.org/wiki/{qid}",
        "display": {"label": {"value": label, "language": "en"}},
        "label": label,
        "description": e["descriptions"].get("en", {}).get("value", ""),
        "match": {"type": kind, "language": "en", "text": matched},
    }


SEARCHES = {
    "Kenneth McKenzie": [_hit("Q900000101", "Kenneth McKenzie")],
    "Frank McKenzie": [_hit("Q900000101", "Frank McKenzie")],
    "CENTCOM": [_hit("Q900000301", "CENTCOM"), _hit("Q900000201", "CENTCOM commander")],
}


class FakeWikidata(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []
    fail_first: ClassVar[list[tuple[int, str | None]]] = []  # (status, Retry-After) answered before the real answer

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        FakeWikidata.requests.append({"query": query, "ua": self.headers.get("User-Agent"), "at": time.monotonic()})
        if FakeWikidata.fail_first:
            status, retry_after = FakeWikidata.fail_first.pop(0)
            if status == 200:  # maxlag: HTTP 200 with an error body and Retry-After
                return self._send(
                    200,
                    {"error": {"code": "maxlag", "info": "Waiting for a database server: 7 seconds lagged", "lag": 7}},
                    retry_after,
                )
            return self._send(status, {"error": "busy"}, retry_after)
        if query.get("action") == "wbsearchentities":
            hits = SEARCHES.get(query["search"], [])[: int(query.get("limit", 7))]
            return self._send(200, {"searchinfo": {"search": query["search"]}, "search": hits, "success": 1})
        if query.get("action") == "wbgetentities":
            entities = {q: ENTITIES.get(q, {"id": q, "missing": ""}) for q in query["ids"].split("|")}
            return self._send(200, {"entities": entities, "success": 1})
        return self._send(200, {"error": {"code": "badvalue", "info": 'Unrecognized value for parameter "action"'}})

    def _send(self, status, body, retry_after=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if retry_after is not None:
            self.send_header("Retry-After", retry_after)
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(autouse=True)
def _loopback_only(loopback_only):
    """Any connection to a non-loopback address fails the test: the client must never touch the network."""


@pytest.fixture()
def api():
    FakeWikidata.requests, FakeWikidata.fail_first = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWikidata)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    server.shutdown()
    server.server_close()


def _client(api, **kw) -> WikidataClient:
    return WikidataClient(api, **{"rate": 100.0, "backoff": 0.01, "timeout": 5.0, **kw})


def test_knowledge_online_sends_user_agent_and_documented_params(api):
    hits = _client(api).search("Kenneth McKenzie")
    assert [h["id"] for h in hits] == ["Q900000101"]
    (req,) = FakeWikidata.requests
    assert req["ua"] == f"presslint/{__version__} (https://github.com/presslint/presslint; contact in README)"
    expected = {
        "action": "wbsearchentities",
        "search": "Kenneth McKenzie",
        "language": "en",
        "type": "item",
        "format": "json",
        "maxlag": "5",
    }
    assert req["query"].items() >= expected.items()


def test_knowledge_online_rate_limit_spaces_requests(api):
    client = _client(api, rate=10.0)
    start = time.monotonic()
    for _ in range(4):
        client.search("CENTCOM")
    assert time.monotonic() - start >= 0.29
    times = [r["at"] for r in FakeWikidata.requests]
    # as the server saw them: spaced over the whole run, and no two together (a loaded machine may delay one
    # arrival and shorten the next gap, so each gap is held to half the interval, the run to two of its three)
    assert times[-1] - times[0] >= 0.2
    assert all(b - a >= 0.05 for a, b in itertools.pairwise(times))


def test_knowledge_online_retries_503_honouring_retry_after(api):
    FakeWikidata.fail_first = [(503, "1"), (429, None), (200, "0")]  # 503 with Retry-After, 429, then maxlag
    start = time.monotonic()
    hits = _client(api).search("CENTCOM")
    assert [h["id"] for h in hits] == ["Q900000301", "Q900000201"]
    assert len(FakeWikidata.requests) == 4
    assert time.monotonic() - start >= 1.0  # waited the Retry-After second


def test_knowledge_online_gives_up_with_coded_error(api):
    FakeWikidata.fail_first = [(503, "0")] * 3
    with pytest.raises(PresslintError, match=r"E604.*HTTP 503 after 3 attempts"):
        _client(api, retries=2).search("CENTCOM")
    FakeWikidata.fail_first = [(404, None)]
    with pytest.raises(PresslintError, match=r"E604.*HTTP 404"):
        _client(api).search("CENTCOM")


def test_knowledge_online_candidates_cache_then_no_request(api, tmp_path):
    online = OnlineKnowledgeBase(tmp_path / "cache.sqlite", client=_client(api))
    found = online.candidates("Kenneth McKenzie")
    assert found[0].qid == "Q900000101"
    actions = [r["query"]["action"] for r in FakeWikidata.requests]
    assert actions == ["wbsearchentities", "wbgetentities"]
    assert FakeWikidata.requests[1]["query"]["props"] == "labels|aliases|descriptions|claims|sitelinks"
    again = online.candidates("Kenneth McKenzie")
    assert [c.qid for c in again] == [c.qid for c in found]
    assert len(FakeWikidata.requests) == 2  # answered from the cache
    online.candidates("Frank McKenzie")  # a new search, but the entity is already stored
    assert [r["query"]["action"] for r in FakeWikidata.requests[2:]] == ["wbsearchentities"]
    online.close()
    reopened = OnlineKnowledgeBase(tmp_path / "cache.sqlite", client=_client(api))
    reopened.candidates("Kenneth McKenzie")
    assert len(FakeWikidata.requests) == 3  # the cache outlives the process
    reopened.close()


def test_knowledge_online_read_methods_match_the_local_store(api, tmp_path):
    online = OnlineKnowledgeBase(tmp_path / "cache.sqlite", client=_client(api))
    assert [c.qid for c in online.exact("CENTCOM")] == ["Q900000301"]
    record = online.entity("Q900000101")
    assert record.label == "Kenneth F. McKenzie Jr." and "Q900000201" in record.values("P39")
    assert [q for q, _ in online.holders("Q900000201")] == ["Q900000101"]  # only what is cached
    assert online.entity("Q900000999") is None  # missing on Wikidata: remembered, not asked again
    before = len(FakeWikidata.requests)
    assert online.entity("Q900000999") is None and len(FakeWikidata.requests) == before
    assert online.stats()["searches"] == 1
    online.close()


def test_knowledge_online_open_knowledge_base(api, tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLINT_HOME", str(tmp_path))
    online = open_knowledge_base("online", client=_client(api))
    assert isinstance(online, OnlineKnowledgeBase) and online.path == str(tmp_path / "kb-cache.sqlite")
    online.close()
    KnowledgeBase(tmp_path / "local.sqlite").close()
    assert isinstance(open_knowledge_base(str(tmp_path / "local.sqlite")), KnowledgeBase)
    with pytest.raises(PresslintError, match="E605"):
        open_knowledge_base(str(tmp_path / "none.sqlite"))


def test_knowledge_online_cli_fetch(api, tmp_path):
    kb = str(tmp_path / "kb.sqlite")
    runner = CliRunner()
    result = runner.invoke(cli.main, ["kb", "fetch", "Q42", "q5", "Q900000999", "--kb", kb, "--endpoint", api])
    assert result.exit_code == 0, result.output
    assert "Q42  Douglas Adams — English author and humorist (1952–2001)" in result.output
    assert "Q900000999  (missing on Wikidata)" in result.output
    assert len(FakeWikidata.requests) == 1  # three ids, one wbgetentities request
    again = runner.invoke(cli.main, ["kb", "fetch", "Q42", "--kb", kb, "--endpoint", api])
    assert again.exit_code == 0 and len(FakeWikidata.requests) == 1
    bad = runner.invoke(cli.main, ["kb", "fetch", "Douglas", "--kb", kb, "--endpoint", api])
    assert bad.exit_code == 2
