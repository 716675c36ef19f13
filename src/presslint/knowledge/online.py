"""Wikidata's web API as a knowledge base, with every answer cached in a local KnowledgeBase.

Only used when asked (``presslint kb fetch``, ``--kb online``). Polite by default: a descriptive User-Agent, at most
``rate`` requests per second, ``maxlag``, retries with backoff on 429/5xx and on maxlag errors, honouring Retry-After.
Entities fetched with ``wbgetentities`` go into the store through ``parse_entity``; ``wbsearchentities`` answers are
kept in ``search_cache`` with their time, so a repeated lookup makes no request.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import E, PresslintError
from .store import Candidate, KnowledgeBase
from .wikidata import LANGUAGES, EntityRecord, Statement, parse_entity

ENDPOINT = "https://www.wikidata.org/w/api.php"
USER_AGENT = f"presslint/{__version__} (https://github.com/presslint/presslint; contact in README)"
PROPS = "labels|aliases|descriptions|claims|sitelinks"
IDS_PER_REQUEST = 50  # wbgetentities' limit for ordinary clients
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

CACHE_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_cache (
    query TEXT NOT NULL, lang TEXT NOT NULL, lim INTEGER NOT NULL, ids TEXT NOT NULL, fetched_at REAL NOT NULL,
    PRIMARY KEY (query, lang, lim)
);
CREATE TABLE IF NOT EXISTS missing_entities (id INTEGER PRIMARY KEY, fetched_at REAL NOT NULL);
"""


def api_endpoint() -> str:
    """The MediaWiki API to ask: $PRESSLINT_WIKIDATA_API (a mirror, or a local server in tests), else Wikidata's."""
    return os.environ.get("PRESSLINT_WIKIDATA_API") or ENDPOINT


class WikidataClient:
    """The two API actions presslint needs, rate-limited and retried. No caching here (see OnlineKnowledgeBase)."""

    def __init__(
        self,
        endpoint: str = ENDPOINT,
        *,
        rate: float = 5.0,
        timeout: float = 20.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        maxlag: int | None = 5,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.endpoint, self.timeout, self.retries, self.backoff = endpoint, timeout, retries, backoff
        self.max_wait, self.maxlag, self.user_agent = max_wait, maxlag, user_agent
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.requests = 0  # requests sent (retries included)
        self._next_at = 0.0
        self._lock = threading.Lock()

    # -- the actions -----------------------------------------------------------------------------------------------
    def search(self, name: str, *, language: str = "en", limit: int = 7) -> list[dict[str, Any]]:
        """``wbsearchentities`` hits: dicts with id, label, description and match {type, language, text}."""
        data = self.get(
            {
                "action": "wbsearchentities",
                "search": name,
                "language": language,
                "uselang": language,
                "type": "item",
                "limit": str(limit),
            }
        )
        return list(data.get("search", []))

    def entities(self, ids: Iterable[str], *, languages: Iterable[str] = LANGUAGES) -> dict[str, dict[str, Any]]:
        """``wbgetentities`` for any number of ids (50 per request): id -> entity JSON (``{"missing": ""}`` kept)."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), IDS_PER_REQUEST):
            data = self.get(
                {
                    "action": "wbgetentities",
                    "ids": "|".join(ids[i : i + IDS_PER_REQUEST]),
                    "props": PROPS,
                    "languages": "|".join(languages),
                }
            )
            out.update(data.get("entities", {}))
        return out

    # -- transport -------------------------------------------------------------------------------------------------
    def get(self, params: dict[str, str]) -> dict[str, Any]:
        params = {**params, "format": "json", "formatversion": "1"}
        if self.maxlag is not None:
            params["maxlag"] = str(self.maxlag)
        url = f"{self.endpoint}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "application/json"})
        for attempt in range(self.retries + 1):
            self._wait_turn()
            wait: float | None = None
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body = response.read()
                    retry_after = response.headers.get("Retry-After")
                data = json.loads(body)
                error = data.get("error") if isinstance(data, dict) else None
                if not error:
                    return data
                if error.get("code") != "maxlag":
                    raise PresslintError(E.E604, url=self.endpoint, reason=f"{error.get('code')}: {error.get('info')}")
                wait, reason = self._retry_after(retry_after, attempt), "maxlag"
            except urllib.error.HTTPError as err:
                if err.code not in RETRY_STATUSES:
                    raise PresslintError(E.E604, url=self.endpoint, reason=f"HTTP {err.code}") from err
                wait, reason = self._retry_after(err.headers.get("Retry-After"), attempt), f"HTTP {err.code}"
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                wait, reason = self.backoff * 2**attempt, str(getattr(err, "reason", err))
            except ValueError as err:
                raise PresslintError(E.E604, url=self.endpoint, reason=f"not JSON: {err}") from err
            if attempt < self.retries:
                time.sleep(min(wait, self.max_wait))
        raise PresslintError(E.E604, url=self.endpoint, reason=f"{reason} after {self.retries + 1} attempts")

    def _retry_after(self, header: str | None, attempt: int) -> float:
        if header:
            try:
                return max(0.0, float(header))
            except ValueError:
                pass  # an HTTP date: fall back to backoff
        return self.backoff * 2**attempt

    def _wait_turn(self) -> None:
        """Space requests at least ``interval`` apart (also across threads)."""
        with self._lock:
            now = time.monotonic()
            if now < self._next_at:
                time.sleep(self._next_at - now)
                now = self._next_at
            self._next_at = now + self.interval
            self.requests += 1


class OnlineKnowledgeBase:
    """KnowledgeBase's read methods, answered from a local cache store that fills itself from the API.

    ``candidates(name)`` = cached ``wbsearchentities`` for the name, ``wbgetentities`` for the hits not yet stored,
    then the store's own ``candidates`` (so ranking and transliteration keys are the same as offline). ``holders``
    can only answer from what is cached: the API has no reverse lookup by statement value.
    """

    def __init__(
        self,
        cache: str | Path,
        *,
        client: WikidataClient | None = None,
        search_limit: int = 7,
        max_age: float = 30 * 86400.0,
    ) -> None:
        self.store = KnowledgeBase(cache)
        self.store.db.executescript(CACHE_SCHEMA)
        self.client = client or WikidataClient()
        self.search_limit, self.max_age = search_limit, max_age
        self.path = self.store.path
        self.offline: str | None = None  # why the API stopped answering this run; the cache answers from then on

    def close(self) -> None:
        self.store.close()

    # -- filling the cache -----------------------------------------------------------------------------------------
    def search(self, name: str, *, language: str = "en") -> list[str]:
        """QIDs ``wbsearchentities`` finds for ``name`` (cached; entities fetched into the store)."""
        query = name.strip()
        row = self.store.db.execute(
            "SELECT ids, fetched_at FROM search_cache WHERE query=? AND lang=? AND lim=?",
            (query, language, self.search_limit),
        ).fetchone()
        if row is not None and (time.time() - row[1] < self.max_age or self.offline):
            return json.loads(row[0])
        if self.offline:
            return []
        try:
            hits = self.client.search(query, language=language, limit=self.search_limit)
        except PresslintError as err:
            return self._went_offline(err, [])
        ids = [hit["id"] for hit in hits if "id" in hit]
        self.fetch(ids)
        with self.store.db:
            self.store.db.execute(
                "INSERT OR REPLACE INTO search_cache(query, lang, lim, ids, fetched_at) VALUES (?,?,?,?,?)",
                (query, language, self.search_limit, json.dumps(ids), time.time()),
            )
        return ids

    def fetch(self, qids: Iterable[str], *, refresh: bool = False) -> list[str]:
        """Store the given entities (those not stored yet, or all with ``refresh``). Returns the ids fetched."""
        todo = [q.upper() for q in dict.fromkeys(qids) if refresh or not self._known(q)]
        if not todo or self.offline:
            return []
        records: list[EntityRecord] = []
        missing: list[int] = []
        try:
            answered = self.client.entities(todo)
        except PresslintError as err:
            return self._went_offline(err, [])
        for qid, data in answered.items():
            if "missing" in data or "id" not in data:
                if qid[1:].isdigit():
                    missing.append(int(qid[1:]))
                continue
            try:
                records.append(parse_entity(data))
            except ValueError:
                continue  # a malformed entity: not stored, asked again after max_age
        self.store.add(records)
        if missing:
            with self.store.db:
                now = time.time()
                self.store.db.executemany(
                    "INSERT OR REPLACE INTO missing_entities(id, fetched_at) VALUES (?,?)", [(m, now) for m in missing]
                )
        return todo

    def _went_offline(self, err: PresslintError, answer):
        """The API failed (no network, or it keeps refusing): answer from the cache for the rest of the run rather
        than fail the check; what was fetched before still links."""
        if err.entry is not E.E604:
            raise err
        self.offline = err.message
        return answer

    def _known(self, qid: str) -> bool:
        if self.store.has(qid):
            return True
        row = self.store.db.execute(
            "SELECT fetched_at FROM missing_entities WHERE id=?", (int(qid.lstrip("Qq")),)
        ).fetchone()
        return row is not None and time.time() - row[0] < self.max_age

    # -- KnowledgeBase's read methods ------------------------------------------------------------------------------
    def candidates(self, mention: str, *, limit: int = 50) -> list[Candidate]:
        self.search(mention)
        return self.store.candidates(mention, limit=limit)

    def exact(self, name: str) -> list[Candidate]:
        self.search(name)
        return self.store.exact(name)

    def entity(self, qid: str) -> EntityRecord | None:
        self.fetch([qid])
        return self.store.entity(qid)

    def has(self, qid: str) -> bool:
        self.fetch([qid])
        return self.store.has(qid)

    def holders(self, position_qid: str) -> list[tuple[str, Statement]]:
        return self.store.holders(position_qid)

    def stats(self) -> dict[str, int]:
        stats = self.store.stats()
        stats["searches"] = self.store.db.execute("SELECT COUNT(*) FROM search_cache").fetchone()[0]
        return stats

    def get_meta(self, key: str, default: Any = None) -> Any:
        return self.store.get_meta(key, default)

    def set_meta(self, key: str, value: Any) -> None:
        self.store.set_meta(key, value)


def open_knowledge_base(kb: str, *, cache: str | Path | None = None, client: WikidataClient | None = None):
    """``--kb`` -> a knowledge base: ``"online"`` gives an OnlineKnowledgeBase over ``cache`` (default
    $PRESSLINT_HOME/kb-cache.sqlite); anything else is the path of a local store, opened read-only."""
    from ..config import default_home

    if kb == "online":
        return OnlineKnowledgeBase(cache or default_home() / "kb-cache.sqlite", client=client)
    if not Path(kb).is_file():
        raise PresslintError(E.E605, path=kb, reason="no such file (build one with `presslint kb build`)")
    return KnowledgeBase(kb, readonly=True)
