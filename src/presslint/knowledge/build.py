"""``presslint kb build``: a compact news store from the Wikidata Query Service, and ``kb fill``: what it references.

The SPARQL queries are files in ``presslint/data/kb_queries/*.rq`` (each names what it selects, its set — ``core`` or
``full`` — and the result count it is expected to give). Each query returns item ids only; the entities themselves
come from ``wbgetentities`` in batches of 50 (the API's limit for ordinary clients), in the same JSON as the dumps, so
one parser (``wikidata.parse_entity``) reads every source.

Polite: a descriptive User-Agent, at most one query every ``interval`` seconds, retries with exponential backoff on
429/5xx and network errors, honouring Retry-After. Resumable: each query's ids are queued in the store with the
query's date and hash (``meta['build:query:<name>']``) before any entity is fetched, and each fetched batch is marked
done in the same transaction as its rows, so a stopped build re-runs no finished query and refetches at most one
batch. ``kb fill`` fetches what the kept entities name and the store lacks (offices held, countries, citizenships,
administrative parents, official languages) in one or more rounds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..errors import E, PresslintError
from .online import RETRY_STATUSES, USER_AGENT, WikidataClient
from .profile import referenced_ids
from .store import KnowledgeBase
from .wikidata import EntityError, EntityRecord, parse_entity

SPARQL_ENDPOINT = "https://query.wikidata.org/sparql"
SPARQL_TYPE = "application/sparql-results+json"
BATCH = 50
QUEUE_TABLE = """
CREATE TABLE IF NOT EXISTS build_queue (id INTEGER PRIMARY KEY, query TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS import_refs (id INTEGER PRIMARY KEY);
"""


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    text: str
    what: str
    set: str  # core | full
    expect: int  # the result count the query is expected to give (an estimate, for the cost line)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def load_queries(names: Iterable[str] = (), *, query_set: str = "full") -> list[Query]:
    """The queries kept in the package, by name (all of ``query_set`` when none is given; ``full`` includes ``core``)."""
    folder = resources.files("presslint") / "data" / "kb_queries"
    found: dict[str, Query] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        header = {
            k.strip(): v.strip()
            for k, _, v in (line[1:].partition(":") for line in text.splitlines() if line.startswith("#"))
        }
        name = entry.name[:-3]
        found[name] = Query(name, text, header.get("what", ""), header.get("set", "full"), int(header.get("expect", 0)))
    names = list(names)
    unknown = [n for n in names if n not in found]
    if unknown:
        raise PresslintError(E.E607, name=", ".join(unknown), choices=", ".join(found))
    if names:
        return [found[n] for n in names]
    return [q for q in found.values() if query_set == "full" or q.set == query_set]


class SparqlClient:
    """SELECT queries against a SPARQL endpoint that answers in the SPARQL 1.1 JSON results format."""

    def __init__(
        self,
        endpoint: str = SPARQL_ENDPOINT,
        *,
        interval: float = 2.0,
        timeout: float = 120.0,
        retries: int = 4,
        backoff: float = 5.0,
        max_wait: float = 300.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.endpoint, self.interval, self.timeout, self.retries = endpoint, interval, timeout, retries
        self.backoff, self.max_wait, self.user_agent = backoff, max_wait, user_agent
        self.requests = 0
        self._next_at = 0.0

    def select(self, query: str) -> list[dict[str, Any]]:
        """The result rows (``results.bindings``) of a SELECT query, retried on 429/5xx and network errors."""
        body = urllib.parse.urlencode({"query": query}).encode()
        headers = {
            "User-Agent": self.user_agent,
            "Accept": SPARQL_TYPE,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        reason = "no attempt"
        for attempt in range(self.retries + 1):
            now = time.monotonic()
            if now < self._next_at:
                time.sleep(self._next_at - now)
            self._next_at = time.monotonic() + self.interval
            self.requests += 1
            request = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    data = json.loads(response.read())
                return list(data["results"]["bindings"])
            except urllib.error.HTTPError as err:
                if err.code not in RETRY_STATUSES:
                    raise PresslintError(E.E604, url=self.endpoint, reason=f"HTTP {err.code}") from err
                wait, reason = (
                    _retry_after(err.headers.get("Retry-After"), self.backoff * 2**attempt),
                    f"HTTP {err.code}",
                )
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                wait, reason = self.backoff * 2**attempt, str(getattr(err, "reason", err))
            except (ValueError, KeyError, TypeError) as err:
                raise PresslintError(E.E604, url=self.endpoint, reason=f"not SPARQL JSON results: {err}") from err
            if attempt < self.retries:
                time.sleep(min(wait, self.max_wait))
        raise PresslintError(E.E604, url=self.endpoint, reason=f"{reason} after {self.retries + 1} attempts")


def _retry_after(header: str | None, default: float) -> float:
    try:
        return max(0.0, float(header)) if header else default
    except ValueError:
        return default  # an HTTP date: back off as usual


def item_ids(rows: Iterable[dict[str, Any]], var: str = "item") -> list[int]:
    """Numeric ids of the ``?item`` bindings that are Wikidata entity URIs (literals and other URIs skipped)."""
    out: list[int] = []
    for row in rows:
        cell = row.get(var) or {}
        value = cell.get("value", "") if cell.get("type") == "uri" else ""
        tail = value.rsplit("/", 1)[-1]
        if value.startswith("http://www.wikidata.org/entity/Q") and tail[1:].isdigit():
            out.append(int(tail[1:]))
    return out


@dataclass(slots=True)
class BuildResult:
    queries_run: list[str] = field(default_factory=list)
    queries_skipped: list[str] = field(default_factory=list)  # already run by an earlier (stopped) build
    queued: int = 0  # distinct ids the queries gave
    fetched: int = 0  # entities written this run
    missing: int = 0  # ids Wikidata answered as missing (deleted)
    bad: list[str] = field(default_factory=list)  # malformed entities: "Q123: reason"
    requests: int = 0
    seconds: float = 0.0


def _progress_none(_message: str) -> None:
    pass


def build(
    kb: KnowledgeBase,
    queries: list[Query],
    *,
    sparql: SparqlClient,
    api: WikidataClient,
    limit: int | None = None,
    progress: Callable[[str], None] = _progress_none,
) -> BuildResult:
    """Run ``queries`` (those not run yet), then fetch every queued entity not fetched yet. ``limit``: stop after
    that many entities fetched this run (run again to continue)."""
    start = time.perf_counter()
    kb.db.executescript(QUEUE_TABLE)
    result = BuildResult()
    for query in queries:
        key = f"build:query:{query.name}"
        done = kb.get_meta(key)
        if done is not None and done.get("sha256") == query.sha256:
            result.queries_skipped.append(query.name)
            continue
        progress(f"query {query.name}: {query.what}")
        ids = item_ids(sparql.select(query.text))
        with kb.db:
            kb.db.executemany(
                "INSERT OR IGNORE INTO build_queue(id, query) VALUES (?, ?)", [(i, query.name) for i in ids]
            )
            record = {
                "name": query.name,
                "sha256": query.sha256,
                "endpoint": sparql.endpoint,
                "run_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "items": len(set(ids)),
                "expected": query.expect,
            }
            kb.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(record)))
        result.queries_run.append(query.name)
    result.queued = kb.db.execute("SELECT COUNT(*) FROM build_queue").fetchone()[0]
    _fetch_queued(kb, api, result, limit, progress)
    result.requests = sparql.requests + api.requests
    result.seconds = time.perf_counter() - start
    kb.set_meta(
        "build",
        {
            "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "queries": sorted(
                k[len("build:query:") :]
                for (k,) in kb.db.execute("SELECT key FROM meta WHERE key LIKE 'build:query:%'")
            ),
            "pending": kb.db.execute("SELECT COUNT(*) FROM build_queue WHERE done=0").fetchone()[0],
        },
    )
    return result


def _fetch_queued(kb, api, result: BuildResult, limit: int | None, progress) -> None:
    while limit is None or result.fetched < limit:
        size = BATCH if limit is None else min(BATCH, limit - result.fetched)
        ids = [i for (i,) in kb.db.execute("SELECT id FROM build_queue WHERE done=0 ORDER BY id LIMIT ?", (size,))]
        if not ids:
            return
        records, refs = fetch_records(api, [f"Q{i}" for i in ids], result)
        with kb.db:
            kb.db.executemany("INSERT OR IGNORE INTO import_refs(id) VALUES (?)", [(r,) for r in refs])
            kb.db.executemany("UPDATE build_queue SET done=1 WHERE id=?", [(i,) for i in ids])
        kb.add(records)
        result.fetched += len(records)
        progress(f"fetched {result.fetched:,} of {result.queued:,} entities")


def fetch_records(api: WikidataClient, qids: list[str], result: BuildResult) -> tuple[list[EntityRecord], set[int]]:
    """``wbgetentities`` for ``qids`` -> records and the ids they reference; missing and malformed ones counted."""
    records: list[EntityRecord] = []
    refs: set[int] = set()
    for asked, data in api.entities(qids).items():
        if not isinstance(data, dict) or "missing" in data:
            result.missing += 1
            continue
        try:
            records.append(parse_entity(data))
            refs |= referenced_ids(data)
        except (EntityError, TypeError, AttributeError, KeyError, ValueError) as err:
            result.bad.append(f"{asked}: {type(err).__name__}: {err}")
    return records, refs


def fill(
    kb: KnowledgeBase,
    *,
    api: WikidataClient,
    rounds: int = 2,
    progress: Callable[[str], None] = _progress_none,
) -> BuildResult:
    """Fetch what kept entities name and the store lacks; a second round fetches what those name (a country's
    official languages after the country)."""
    start = time.perf_counter()
    kb.db.executescript(QUEUE_TABLE)
    result = BuildResult()
    for _ in range(rounds):
        wanted = [
            f"Q{r}" for (r,) in kb.db.execute("SELECT id FROM import_refs WHERE id NOT IN (SELECT id FROM entities)")
        ]
        wanted = [q for q in wanted if kb.resolve(q) == q]
        if not wanted:
            break
        for i in range(0, len(wanted), BATCH):
            records, refs = fetch_records(api, wanted[i : i + BATCH], result)
            with kb.db:
                kb.db.executemany("INSERT OR IGNORE INTO import_refs(id) VALUES (?)", [(r,) for r in refs])
                missing = [q for q in wanted[i : i + BATCH] if q not in {r.qid for r in records}]
                kb.db.executemany("DELETE FROM import_refs WHERE id=?", [(int(q[1:]),) for q in missing])
            kb.add(records)
            result.fetched += len(records)
            progress(f"fill: fetched {result.fetched:,} entities")
    result.requests = api.requests
    result.seconds = time.perf_counter() - start
    kb.set_meta(
        "fill", {"finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "fetched": result.fetched}
    )
    return result


def estimate(
    queries: list[Query], *, seconds_per_request: float = 1.5, bytes_per_entity: int = 1_200
) -> dict[str, float]:
    """What a build of ``queries`` costs, from their expected result counts (not measured: no network here)."""
    entities = sum(q.expect for q in queries) * 0.9  # the sets overlap a little (a minister who was head of state)
    requests = entities / BATCH * 1.3 + len(queries)  # + about 30% for the fill pass
    return {
        "entities": entities,
        "requests": requests,
        "minutes": requests * seconds_per_request / 60,
        "store_bytes": entities * 1.3 * bytes_per_entity,
    }
