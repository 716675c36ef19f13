"""Micro-benchmark: the P31 pre-filter on dump lines the news profile drops (the common case in a real dump), against
the regex it replaced (which also matched P31 qualifiers and missed other key orders) and against decoding every line.

    .venv/bin/python benchmarks/kb_prefilter.py
"""

import json
import re
import time

from presslint.knowledge import dump
from presslint.knowledge.profile import get_profile

OLD = re.compile(
    rb'"property":"P31"(?:,"hash":"[0-9a-f]+")?,"datavalue":\{"value":\{"entity-type":"item","numeric-id":(\d+)'
)


def old_maybe(text, profile):
    types = [b"Q" + m for m in OLD.findall(text)]
    if not types and b'"P31"' in text:
        return True
    return profile.keeps([t.decode() for t in types], text.count(b'"site":"'))


# a scholarly-article-like line: P31 Q13442814, many P2860 citations, ~14 KB
def line(i):
    claims = {
        "P31": [
            {
                "mainsnak": {
                    "snaktype": "value",
                    "property": "P31",
                    "hash": "ab" * 20,
                    "datavalue": {
                        "value": {"entity-type": "item", "numeric-id": 13442814, "id": "Q13442814"},
                        "type": "wikibase-entityid",
                    },
                    "datatype": "wikibase-item",
                },
                "type": "statement",
                "id": f"Q{i}$x",
                "rank": "normal",
            }
        ]
    }
    claims["P2860"] = [
        {
            "mainsnak": {
                "snaktype": "value",
                "property": "P2860",
                "hash": "cd" * 20,
                "datavalue": {
                    "value": {"entity-type": "item", "numeric-id": 1000 + j, "id": f"Q{1000 + j}"},
                    "type": "wikibase-entityid",
                },
                "datatype": "wikibase-item",
            },
            "type": "statement",
            "id": f"Q{i}${j}",
            "rank": "normal",
        }
        for j in range(40)
    ]
    e = {
        "type": "item",
        "id": f"Q{i}",
        "labels": {"en": {"language": "en", "value": f"A study {i}"}},
        "descriptions": {},
        "aliases": {},
        "claims": claims,
        "sitelinks": {},
    }
    return json.dumps(e, separators=(",", ":")).encode()


lines = [line(i) for i in range(20000)]
print("line bytes", len(lines[0]))
p = get_profile("news")
dump._init_worker(p, frozenset())
for name, f in (("regex (before)", lambda t: old_maybe(t, p)), ("statement lists (now)", dump._maybe_kept)):
    t = time.perf_counter()
    kept = sum(map(f, lines))
    dt = time.perf_counter() - t
    print(f"{name}: {len(lines) / dt:,.0f} lines/s, kept {kept}")
t = time.perf_counter()
[json.loads(x) for x in lines]
dt = time.perf_counter() - t
print(f"full json.loads: {len(lines) / dt:,.0f} lines/s")
