"""Defaults a user can live with: $PRESSLINT_HOME/kb.sqlite is used when present, `--no-kb` turns the checks off
(without a notice), the notice when no store exists names `presslint kb build`, and `--kb online` caches what it
fetched so that the next check of the same names works with the API gone (a local server, 127.0.0.1 only)."""

from __future__ import annotations

import json
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import ClassVar

import pytest
from click.testing import CliRunner

from presslint import cli
from presslint.knowledge import default_store, kb_off, resolve_kb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kb_factory import build_store

HERE = Path(__file__).resolve().parent
ENTITIES = {}
for _line in (HERE / "fixtures" / "wikidata" / "real_format.json").read_text(encoding="utf-8").splitlines()[1:-1]:
    try:
        _data = json.loads(_line.rstrip(","))
    except ValueError:
        continue
    if isinstance(_data.get("id"), str):
        ENTITIES[_data["id"]] = _data
STORY = "Bielefeld, Portugal, opened a new rail link on Tuesday, the city's mayor said."


@pytest.mark.parametrize(
    ("kb", "default_exists", "expected"),
    [
        ("/data/kb.sqlite", False, "/data/kb.sqlite"),
        ("online", True, "online"),
        ("off", True, None),
        ("OFF", True, None),
        (None, False, None),
        (None, True, "DEFAULT"),
        ("", True, "DEFAULT"),
    ],
)
def test_knowledge_defaults_resolve_kb(kb, default_exists, expected):
    if default_exists:
        build_store(path=str(default_store())).close()
    resolved = resolve_kb(SimpleNamespace(kb=kb))
    assert resolved == (str(default_store()) if expected == "DEFAULT" else expected)
    assert kb_off(SimpleNamespace(kb=kb)) == (expected is None and kb is not None and kb != "")


def _check(path: Path, *args: str):
    return CliRunner().invoke(
        cli.main, ["check", str(path), "--date", "2021-06-01", "--format", "json", "--no-store", *args]
    )


@pytest.mark.model
def test_knowledge_defaults_cli_uses_the_default_store_and_no_kb(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Lyon, Belgium hosted the summit on Monday, organisers said.\n")
    without = json.loads(_check(story).output)
    assert [n["code"] for n in without["notices"]].count("W003") == 1
    assert "presslint kb build" in next(n["message"] for n in without["notices"] if n["code"] == "W003")
    build_store(path=str(default_store())).close()
    report = json.loads(_check(story).output)
    assert [f["code"] for f in report["findings"] if f["code"].startswith("KB")] == ["KB007"]
    assert "W003" not in [n["code"] for n in report["notices"]]
    off = json.loads(_check(story, "--no-kb").output)
    assert not [f for f in off["findings"] if f["code"].startswith("KB")]
    assert "W003" not in [n["code"] for n in off["notices"]]  # turned off on purpose: nothing to say


class Api(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        Api.requests.append(query.get("action", ""))
        if query.get("action") == "wbsearchentities":
            wanted = query["search"].lower()
            hits = [
                {"id": qid, "label": e["labels"]["en"]["value"], "match": {"type": "label", "text": query["search"]}}
                for qid, e in ENTITIES.items()
                if isinstance(e.get("labels"), dict) and e["labels"].get("en", {}).get("value", "").lower() == wanted
            ]
            body = {"searchinfo": {"search": query["search"]}, "search": hits, "success": 1}
        else:
            body = {"entities": {q: ENTITIES.get(q, {"id": q, "missing": ""}) for q in query["ids"].split("|")}}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(autouse=True)
def _loopback_only(loopback_only):
    """Any connection to a non-loopback address fails the test: the client must never touch the network."""


@pytest.mark.model
def test_knowledge_defaults_online_then_offline(tmp_path, monkeypatch):
    Api.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv("PRESSLINT_WIKIDATA_API", f"http://127.0.0.1:{server.server_address[1]}/w/api.php")
    story = tmp_path / "story.txt"
    story.write_text(STORY + "\n")
    first = json.loads(_check(story, "--kb", "online").output)
    server.shutdown()
    server.server_close()
    assert {"wbsearchentities", "wbgetentities"} <= set(Api.requests)
    kb7 = [f for f in first["findings"] if f["code"] == "KB007"]
    assert kb7 and kb7[0]["message"] == "Bielefeld (Q2112) is in Germany according to Wikidata (P17), not Portugal"
    asked = len(Api.requests)
    second = json.loads(_check(story, "--kb", "online").output)  # the API is gone: the cache answers
    assert len(Api.requests) == asked
    assert [f["message"] for f in second["findings"] if f["code"] == "KB007"] == [kb7[0]["message"]]
