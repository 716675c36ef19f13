"""The stories API: five outlet articles about one fire ingested with the library into the store the app reads.

No worker process is started: story reads run in the server's thread pool (claims were aligned at ingest)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from presslint.config import Settings
from presslint.corpus.batch import ingest
from presslint.store import Store
from presslint.web.app import ServerConfig, create_app

OUTLETS = Path(__file__).resolve().parent / "fixtures" / "outlets"


@pytest.fixture(scope="module")
def client(nlp, tmp_path_factory):
    db = tmp_path_factory.mktemp("web-stories") / "stories.db"
    with Store(db) as store:
        summary = ingest([str(OUTLETS)], store=store, settings=Settings(db=str(db)), nlp=nlp, progress=False)
    assert summary.stored == 5 and summary.failed == 0
    app = create_app(ServerConfig(settings=Settings(db=str(db)), workers=1), start_workers=False)
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def story(client):
    rows = client.get("/api/v1/stories").json()
    assert len(rows) == 1
    response = client.get(f"/api/v1/stories/{rows[0]['id']}")
    assert response.status_code == 200, response.text
    return response.json()


def error_of(response) -> str:
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"].startswith(body["error"]["code"] + ":"), body
    return body["error"]["code"]


def test_web_stories_list_has_dates_counts_and_independent_outlets(client):
    rows = client.get("/api/v1/stories").json()
    [row] = rows
    assert row["first_date"] == row["last_date"] == "2025-03-12"
    assert row["articles"] == 5 and row["independent_outlets"] == 4  # the wire copy counts once
    assert row["contradicted"] >= 1 and row["corroborated"] >= 1
    assert "Caldmoor" in row["headline"]


@pytest.mark.parametrize("query, count", [("since=2025-03-12", 1), ("since=2025-03-13", 0), ("limit=1", 1)])
def test_web_stories_list_since_and_limit(client, query, count):
    response = client.get(f"/api/v1/stories?{query}")
    assert response.status_code == 200 and len(response.json()) == count


@pytest.mark.parametrize("query, code", [("since=last%20week", "E304"), ("limit=0", "E702"), ("limit=abc", "E702")])
def test_web_stories_list_bad_query_is_a_coded_422(client, query, code):
    response = client.get(f"/api/v1/stories?{query}")
    assert response.status_code == 422 and error_of(response) == code


def test_web_stories_view_lines_up_a_contradiction_with_both_sides(story):
    deaths = next(
        c
        for c in story["claims"]
        if c["status"] == "contradicted" and any("killed six workers" in m["text"] for m in c["members"])
    )
    positions = {s["position"]: set(s["outlets"]) for s in deaths["sides"]}
    assert positions["6 worker"] == {"daily ledger"}
    assert {"caldmoor gazette", "northern wire"} <= positions["4 worker"]
    members = {m["article_id"] for o in story["outlets"] for m in o["articles"]}
    assert {m["article_id"] for m in deaths["members"]} <= members
    assert story["claims"][0]["status"] == "contradicted"  # contradicted first


def test_web_stories_view_notes_syndicated_copies_and_profiles(story):
    assert story["independent_outlets"] == 4 and story["articles"] == 5
    [copies] = story["syndication"]
    assert copies["copies"] == 2 and set(copies["outlets"]) == {"northern wire", "valley times"}
    assert {p["outlet"] for p in story["profiles"]} == {o["outlet"] for o in story["outlets"]}


def test_web_stories_missing_story_is_a_coded_404(client):
    response = client.get("/api/v1/stories/424242")
    assert response.status_code == 404 and error_of(response) == "E710"
    assert client.get("/api/v1/stories/not-a-number").status_code == 422


def test_web_stories_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/stories", "/api/v1/stories/{story_id}"} <= set(paths)
    assert "404" in paths["/api/v1/stories/{story_id}"]["get"]["responses"]
