"""The HTTP API through FastAPI's TestClient, with a real worker process (one, to spare the CPU)."""

from __future__ import annotations

import http.server
import json
import re
import threading
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

import jsonschema
from fastapi.testclient import TestClient

import presslint
from presslint.config import Settings
from presslint.report.claimreview import claim_reviews
from presslint.web.app import STATIC, ServerConfig, create_app, openapi_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((Path(presslint.__file__).parent / "schema" / "report.schema.json").read_text())
ARTICLE = (ROOT / "examples" / "kirkuk-airbase.txt").read_text(encoding="utf-8")
SHORT = (
    "Port authority delays ferry contract\n\nTwo officials at the port authority said on Tuesday that the ferry "
    "contract would be signed next month, but declined to be named because they were not authorised to speak."
)


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "web.db"
    return ServerConfig(settings=Settings(db=str(db)), workers=1, queue=2, timeout=60.0)


@pytest.fixture(scope="module")
def client(config):
    with TestClient(create_app(config), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def checked(client):
    response = client.post("/api/v1/check", json={"text": ARTICLE, "date": "2020-04-02"})
    assert response.status_code == 200, response.text
    return response.json()


def error_of(response) -> str:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"].startswith(body["error"]["code"] + ":")
    return body["error"]["code"]


# -- check and reads ------------------------------------------------------------------------------------------------
def test_web_api_check_returns_schema_valid_report_with_store_id(checked):
    jsonschema.validate(checked, SCHEMA)
    assert isinstance(checked["id"], int)
    assert checked["provenance"]["publication_date"] == "2020-04-02"
    assert any(f["code"] == "SRC001" for f in checked["findings"])
    for finding in checked["findings"]:
        span = finding["span"]
        assert checked["article"]["text"][span["start"] : span["end"]] == span["text"]


def test_web_api_recheck_returns_the_stored_report(client, checked):
    again = client.post("/api/v1/check", json={"text": ARTICLE, "date": "2020-04-02"}).json()
    assert again["id"] == checked["id"]
    assert again["findings"] == checked["findings"]


def test_web_api_report_history_rules_html(client, checked):
    report_id = checked["id"]
    stored = client.get(f"/api/v1/reports/{report_id}")
    assert stored.status_code == 200 and stored.json()["findings"] == checked["findings"]
    history = client.get("/api/v1/history").json()
    assert report_id in [row["id"] for row in history]
    rules = {rule["code"]: rule for rule in client.get("/api/v1/rules").json()}
    assert rules["SRC001"]["name"] == "anonymous-source"
    page = client.get(f"/api/v1/reports/{report_id}/html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script" not in page.text.lower()
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_web_api_select_and_ignore_filter_findings(client):
    only = client.post("/api/v1/check", json={"text": SHORT, "select": ["SRC"]}).json()
    assert only["findings"] and {f["code"][:3] for f in only["findings"]} == {"SRC"}
    without = client.post("/api/v1/check", json={"text": SHORT, "ignore": ["SRC"]}).json()
    assert all(not f["code"].startswith("SRC") for f in without["findings"])


def test_web_api_html_input_is_extracted(client):
    page = (
        "<html><head><title>Council votes on budget</title></head><body><article><h1>Council votes on budget</h1>"
        + "".join(f"<p>{SHORT.split(chr(10))[-1]} Paragraph {i}.</p>" for i in range(4))
        + "</article></body></html>"
    )
    report = client.post("/api/v1/check", json={"html": page, "filename": "budget.html"}).json()
    assert "ferry contract" in report["article"]["text"]
    assert report["article"]["origin"] == "budget.html"


# -- ClaimReview ----------------------------------------------------------------------------------------------------
def _finding(code: str, text: str, message: str) -> dict:
    return {
        "code": code,
        "severity": "warning",
        "message": message,
        "name": "x",
        "category": "c",
        "span": {"start": 0, "end": len(text), "text": text},
        "related": [],
        "confidence": 1.0,
        "evidence": {},
    }


def test_web_api_claimreview_only_for_verdict_findings():
    report = {
        "article": {"url": "https://example.org/story", "title": "Story", "origin": "https://example.org/story"},
        "provenance": {"checked_at": "2024-05-02T10:00:00+00:00", "presslint_version": "0.1.0"},
        "findings": [
            _finding("SRC001", "two officials", "Anonymous source"),
            _finding("KB001", "the mayor of Springfield, John Doe", "Wikidata names Jane Roe as mayor (Q123)"),
            _finding("CON001", "the talks have ended", "Contradicts 'talks continue' in paragraph 4"),
        ],
    }
    reviews = claim_reviews(report, report_url="http://127.0.0.1/api/v1/reports/1")
    assert [r["claimReviewed"] for r in reviews] == ["the mayor of Springfield, John Doe", "the talks have ended"]
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["reviewRating"]["@type"] == "Rating" and review["reviewRating"]["alternateName"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["url"] == "https://example.org/story"
        assert review["datePublished"] == "2024-05-02"
    assert reviews[0]["reviewRating"]["alternateName"] == "Wikidata names Jane Roe as mayor (Q123)"


def test_web_api_claimreview_endpoint_is_a_list(client, checked):
    response = client.get(f"/api/v1/reports/{checked['id']}/claimreview")
    assert response.status_code == 200
    verdicts = [f for f in checked["findings"] if f["code"].startswith("KB") or f["code"] == "CON001"]
    assert isinstance(response.json(), list) and len(response.json()) == len(verdicts)


# -- errors ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"text": "a", "html": "<p>b</p>"}, 422, "E702"),
        ({}, 422, "E702"),
        ({"text": "a", "colour": "red"}, 422, "E702"),
        ({"text": "   "}, 422, "E102"),
        ({"text": SHORT, "select": ["XYZ999"]}, 422, "E301"),
        ({"text": SHORT, "date": "last Tuesday"}, 422, "E304"),
        ({"url": "http://127.0.0.1:9/story"}, 403, "E201"),
        ({"url": "http://10.1.2.3/story"}, 403, "E201"),
        ({"url": "http://127.0.0.1:9/story", "allow_private": True}, 403, "E706"),
        ({"url": "ftp://example.org/story"}, 422, "E204"),
    ],
)
def test_web_api_check_errors_have_codes(client, body, status, code):
    response = client.post("/api/v1/check", json=body)
    assert response.status_code == status, response.text
    assert error_of(response) == code


def test_web_api_private_url_message_speaks_to_web_clients(client):
    message = client.post("/api/v1/check", json={"url": "http://127.0.0.1:9/story"}).json()["error"]["message"]
    assert "pass --allow-private" not in message
    assert "started without --allow-private" in message and "127.0.0.1" in message


@pytest.mark.parametrize(
    "server_allows, wanted",
    [
        (False, "this server was started without --allow-private"),
        (True, 'send "allow_private": true'),
    ],
)
def test_web_api_private_url_message_variants(server_allows, wanted):
    from presslint.errors import E
    from presslint.web.api import web_private_message

    cli = E.E201.format(url="http://10.0.0.5/x", address="10.0.0.5")
    message = web_private_message(cli, server_allows=server_allows)
    assert message.startswith("E201: Refusing to fetch 'http://10.0.0.5/x'") and wanted in message
    assert "pass --allow-private" not in message


def test_web_api_error_codes_live_in_the_catalogue():
    from presslint.errors import E
    from presslint.web import api

    assert not hasattr(api, "WebE")
    for number in range(701, 713):
        assert getattr(E, f"E{number}").code == f"E{number}"


def test_web_api_slow_request_body_is_a_408():
    import asyncio

    from presslint.web.app import BodyLimit

    reached = []

    async def app(scope, receive, send):  # never reached: the body never finishes
        reached.append(True)

    async def trickle():  # one byte, then nothing: a client holding the connection open
        if not hasattr(trickle, "sent"):
            trickle.sent = True
            return {"type": "http.request", "body": b"{", "more_body": True}
        await asyncio.sleep(30)

    sent = []

    async def send(message):
        sent.append(message)

    async def run():
        scope = {"type": "http", "method": "POST", "path": "/api/v1/check", "headers": []}
        await asyncio.wait_for(BodyLimit(app, limit=1000, timeout=0.2)(scope, trickle, send), 5)

    asyncio.run(run())
    assert not reached
    assert sent[0]["status"] == 408
    assert (b"connection", b"close") in sent[0]["headers"]
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["error"]["code"] == "E709" and "0.2 s" in body["error"]["message"]


def test_web_api_malformed_json_and_unknown_paths(client):
    response = client.post("/api/v1/check", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and error_of(response) == "E702"
    assert client.get("/api/v1/reports/987654").status_code == 404
    assert error_of(client.get("/api/v1/reports/987654")) == "E401"
    assert error_of(client.get("/api/v1/nothing-here")) == "E707"


def test_web_api_body_over_limit_is_413(tmp_path):
    app = create_app(ServerConfig(settings=Settings(db=str(tmp_path / "x.db")), max_body=2048), start_workers=False)
    with TestClient(app, base_url="http://localhost") as small:
        big = {"text": "word " * 1000}
        response = small.post("/api/v1/check", json=big)
        assert response.status_code == 413 and error_of(response) == "E701"

        def chunks():  # no Content-Length: counted while streaming
            for _ in range(10):
                yield b" " * 1024

        streamed = small.post("/api/v1/check", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413 and error_of(streamed) == "E701"


def test_web_api_overload_is_a_fast_503_with_retry_after(client):
    pool = client.app.state.pool
    saved = pool.in_flight
    pool.in_flight = pool.limit  # every worker and queue slot taken
    try:
        response = client.post("/api/v1/check", json={"text": SHORT})
    finally:
        pool.in_flight = saved
    assert response.status_code == 503 and error_of(response) == "E704"
    assert int(response.headers["retry-after"]) >= 1


def test_web_api_slow_check_times_out_with_504(client):
    pool = client.app.state.pool
    saved = pool.timeout
    pool.timeout = 0.001
    try:
        response = client.post("/api/v1/check", json={"text": SHORT + " A different sentence for a new key."})
    finally:
        pool.timeout = saved
    assert response.status_code == 504 and error_of(response) == "E705"


# -- URL fetch through a local server -------------------------------------------------------------------------------
class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (
            "<html><head><title>Harbour talks</title></head><body><article><h1>Harbour talks</h1>"
            + "<p>The harbour master said on Monday that the ferry timetable would change in June.</p>" * 5
            + "</article></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_web_api_fetches_private_url_only_when_server_allows(client, config):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/story"
    try:
        assert error_of(client.post("/api/v1/check", json={"url": url})) == "E201"
        config.allow_private = True
        try:
            response = client.post("/api/v1/check", json={"url": url, "allow_private": True})
        finally:
            config.allow_private = False
        assert response.status_code == 200, response.text
        assert "ferry timetable" in response.json()["article"]["text"]
    finally:
        server.shutdown()


# -- auth -----------------------------------------------------------------------------------------------------------
def test_web_api_token_guards_every_api_route(tmp_path):
    app = create_app(
        ServerConfig(settings=Settings(db=str(tmp_path / "t.db")), token="s3cret-token"), start_workers=False
    )
    with TestClient(app, base_url="http://localhost") as guarded:
        for method, path in [
            ("get", "/api/v1/rules"),
            ("get", "/api/v1/history"),
            ("get", "/api/v1/reports/1"),
            ("post", "/api/v1/check"),
        ]:
            response = getattr(guarded, method)(path)
            assert response.status_code == 401 and error_of(response) == "E703", path
            assert response.headers["www-authenticate"] == "Bearer"
        wrong = guarded.get("/api/v1/rules", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = guarded.get("/api/v1/rules", headers={"Authorization": "Bearer s3cret-token"})
        assert right.status_code == 200
        page = guarded.get("/")
        assert page.status_code == 200 and "s3cret-token" not in page.text


def test_web_api_no_token_means_open(client):
    assert client.get("/api/v1/rules").status_code == 200


def test_web_api_token_from_environment(monkeypatch):
    monkeypatch.setenv("PRESSLINT_TOKEN", "from-env")
    assert ServerConfig.from_env().token == "from-env"
    monkeypatch.delenv("PRESSLINT_TOKEN")
    assert ServerConfig.from_env().token is None


# -- the page and its assets ----------------------------------------------------------------------------------------
def test_web_api_workbench_has_csp_and_no_inline_or_external_code(client):
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = page.text
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "asset from another origin"
    for asset in ("app.js", "app.css"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200
    script = (STATIC / "app.js").read_text()
    assert ".innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    assert set(re.findall(r"https?://[^\"'\s]+", script)) == {"https://www.wikidata.org/wiki/"}


def test_web_api_openapi_served_and_committed_file_current(client):
    served = client.get("/openapi.json").json()
    assert "/api/v1/check" in served["paths"] and "/api/v1/reports/{report_id}/claimreview" in served["paths"]
    committed = ROOT / "docs" / "openapi.json"
    assert committed.read_text(encoding="utf-8") == openapi_text(), (
        "docs/openapi.json is stale: run .venv/bin/python scripts/export_openapi.py"
    )
