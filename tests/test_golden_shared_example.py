"""Golden test on the shared example article (read from ../shared, skipped when absent; never copied into the repo).

What a careful editor flags in it: the question headline the body answers no, the anonymous security officials,
name-calling and loaded words in the narrator's voice, Iraqi officials vs the CENTCOM commander on the withdrawal,
the announcement told twice, translation artefacts; and what must stay quiet: its troop figures and dates do not
conflict with each other inside the article (the wrong year is a knowledge check, not an internal one).
"""

from __future__ import annotations

import pytest

PUBDATE = "2021-12-11"
_CACHE: dict[str, object] = {}


@pytest.fixture
def report(shared_example, nlp):
    key = str(shared_example)
    if key not in _CACHE:
        from presslint import Settings, check
        from presslint.ingest import from_text

        article = from_text(shared_example.read_text(encoding="utf-8"), origin=key, date=PUBDATE)
        _CACHE[key] = check(article, settings=Settings(store=False, date=PUBDATE), nlp=nlp)
        _CACHE[key + "|ALL"] = check(article, settings=Settings(store=False, date=PUBDATE, select=["ALL"]), nlp=nlp)
    return _CACHE[key]


@pytest.fixture
def report_all(shared_example, report):
    return _CACHE[str(shared_example) + "|ALL"]


def _places(text: str, needle: str) -> list[tuple[int, int]]:
    low, needle = text.lower(), needle.lower()
    out, start = [], low.find(needle)
    while start != -1:
        out.append((start, start + len(needle)))
        start = low.find(needle, start + 1)
    assert out, f"{needle!r} not in the shared example"
    return out


def _hits(span, places) -> bool:
    return any(span.start < end and start < span.end for start, end in places)


def _with_code(report, code: str, *needles: str, linked: bool = False):
    """Findings of ``code`` whose span (or, when ``linked``, span or related spans) overlaps every needle."""
    text = report.article.text
    found = []
    for f in report.findings:
        if f.code != code:
            continue
        spans = [f.span, *f.related] if linked else [f.span]
        if all(any(_hits(s, _places(text, n)) for s in spans) for n in needles):
            found.append(f)
    return found


def _listing(report, prefix: str) -> str:
    rows = [f"  {f.code} {f.span.text[:70]!r}" for f in report.findings if f.code.startswith(prefix)]
    return "\n".join(rows) or "  (none)"


def test_golden_shared_example_headline_answered_no(report):
    start, end = report.article.title_span or (0, report.article.text.find("\n"))
    hits = [f for f in report.findings if f.code == "HED001" and f.span.start < end and start < f.span.end]
    assert hits, f"HED001 on the headline expected; HED findings:\n{_listing(report, 'HED')}"


@pytest.mark.parametrize("attribution", ["two security officials", "two Iraqi security officials"])
def test_golden_shared_example_anonymous_officials(report, attribution):
    assert _with_code(report, "SRC001", attribution), f"SRC001 on {attribution!r}; SRC:\n{_listing(report, 'SRC')}"


@pytest.mark.parametrize("who", ["commander", "security adviser"])
def test_golden_shared_example_sources_found(report, who):
    def describes(source) -> bool:
        words = " ".join([source.name or "", source.description or "", *(m.text for m in source.mentions)]).lower()
        return who in words or (who == "commander" and "mackenzie" in words)

    kinds = {"role_only", "named_person", "named_organisation"}
    assert any(describes(s) and s.kind in kinds for s in report.sources), [
        (s.name, s.kind, s.description) for s in report.sources
    ]


def test_golden_shared_example_name_calling(report):
    hits = _with_code(report, "LNG001", "Centcom (Territorial Command) terrorist organization") or _with_code(
        report, "LNG001", "Centcom terrorists"
    )
    assert hits, f"LNG001 on the 'terrorist' labels; LNG:\n{_listing(report, 'LNG')}"


@pytest.mark.parametrize("phrase", ["criminal act", "martyr"])
def test_golden_shared_example_loaded_language(report, phrase):
    assert _with_code(report, "LNG002", phrase), f"LNG002 on {phrase!r}; LNG:\n{_listing(report, 'LNG')}"


def test_golden_shared_example_contradiction(report):
    hits = _with_code(
        report, "CON001", "combat mission has ended", "no US withdrawal operation had taken place", linked=True
    )
    assert hits, f"CON001 linking the two accounts; CON:\n{_listing(report, 'CON')}"


def test_golden_shared_example_repeated_announcement(report, report_all):
    # CON002 is off by default (no correct finding on held-out news); selected, it finds the repeat.
    assert not [f for f in report.findings if f.code == "CON002"]
    report = report_all
    text = report.article.text
    start = text.find("Iraqi officials officially announced")
    paragraph = (start, text.find("\n", start) if "\n" in text[start:] else len(text))
    hits = [
        f for f in report.findings if f.code == "CON002" and any(_hits(s, [paragraph]) for s in [f.span, *f.related])
    ]
    assert hits, f"CON002 on the announcement told twice; CON:\n{_listing(report, 'CON')}"


def test_golden_shared_example_translation_artefacts(report):
    assert any(f.code.startswith("MTA") for f in report.findings), "at least one MTA finding"


@pytest.mark.xfail(
    strict=True,
    reason="'without naming their names' was caught only by a calque entry (and a cognate entry) holding this "
    "article's exact phrase; both were removed as special cases (issue 14) and no general rule catches it",
)
def test_golden_shared_example_literal_translation(report):
    assert _with_code(report, "MTA003", "without naming their names"), f"MTA:\n{_listing(report, 'MTA')}"


@pytest.mark.parametrize("code", ["NUM001", "NUM002", "DAT003"])
def test_golden_shared_example_quiet_rules(report, code):
    unwanted = [f for f in report.findings if f.code == code]
    assert not unwanted, f"no {code} expected, got {[(f.span.text, f.message) for f in unwanted]}"


@pytest.mark.parametrize("name", ["Kent Mackenzie", "ISAF"])
def test_golden_shared_example_entities_exposed(report, name):
    assert any(name in e.span.text or name in (e.normalized or "") for e in report.entities), [
        e.span.text for e in report.entities
    ]


def test_golden_shared_example_date_exposed(report):
    assert any("January 1998" in d.span.text for d in report.dates), [d.span.text for d in report.dates]
