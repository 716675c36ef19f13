"""presslint.corpus.claimreview: ClaimReview import (files, URLs, shapes) and conservative FCK001 matching."""

from __future__ import annotations

import http.server
import json
import threading

import pytest
from click.testing import CliRunner

from presslint import rules
from presslint.corpus.claimreview import (
    FactCheck,
    FactCheckIndex,
    match_factchecks,
    parse_claimreviews,
    parse_text,
    read_claimreviews,
)
from presslint.store import Store
from presslint.store.factchecks import load_factchecks, save_factchecks


def _review(url, claim, rating="False", value=1, author="Checkers United", claimant="Senator Amy Rowe"):
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "datePublished": "2024-03-02",
        "author": {"@type": "Organization", "name": author},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": rating,
        },
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": claimant}},
    }


WATER = _review(
    "https://checkers.example/water-leaks",
    "Dunford loses 40 percent of its drinking water to leaking pipes.",
    "Mostly false",
    2,
)
WAGES = _review("https://checkers.example/wages", "Average wages in Kestria fell by 12 percent last year.", "True", 5)


@pytest.mark.parametrize(
    "data",
    [
        [WATER, WAGES],  # a JSON-LD array
        {"@context": "https://schema.org", "@graph": [WATER, WAGES]},  # an @graph
        {"@type": "WebPage", "mainEntity": {"@type": "ItemList", "itemListElement": [WATER, WAGES]}},  # nested
    ],
)
def test_corpus_claimreview_shapes(data):
    found = parse_claimreviews(data)
    assert [f.url for f in found] == [WATER["url"], WAGES["url"]]
    water = found[0]
    assert water.rating == "Mostly false" and water.rating_value == 2 and water.best_rating == 5
    assert water.author == "Checkers United" and water.claimant == "Senator Amy Rowe"


def test_corpus_claimreview_single_object_html_jsonl_and_api():
    assert [f.url for f in parse_text(json.dumps(WATER), origin="x")] == [WATER["url"]]
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(WATER)}</script>'
        '<script type="application/ld+json">{broken</script></head><body>x</body></html>'
    )
    assert [f.url for f in parse_text(html, origin="page.html")] == [WATER["url"]]
    jsonl = json.dumps(WATER) + "\n" + json.dumps(WAGES) + "\n"
    assert len(parse_text(jsonl, origin="x.jsonl")) == 2
    api = {
        "claims": [
            {
                "text": "The bridge cost 2 billion dollars.",
                "claimant": "A mayor",
                "claimReview": [
                    {
                        "publisher": {"name": "FactDesk"},
                        "url": "https://factdesk.example/bridge",
                        "textualRating": "Misleading",
                        "languageCode": "en",
                    }
                ],
            }
        ]
    }
    (fc,) = parse_text(json.dumps(api), origin="api.json")
    assert fc.rating == "Misleading" and fc.author == "FactDesk" and fc.claim_reviewed.startswith("The bridge")
    # records without a URL or a reviewed claim are skipped
    assert parse_claimreviews([{"@type": "ClaimReview", "claimReviewed": "x"}]) == []


def test_corpus_claimreview_store_upsert(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert save_factchecks(store, parse_claimreviews([WATER, WAGES])) == (2, 0)
        changed = dict(WATER, reviewRating=dict(WATER["reviewRating"], alternateName="False"))
        assert save_factchecks(store, parse_claimreviews([changed])) == (0, 1)
        by_url = {f.url: f for f in load_factchecks(store)}
        assert len(by_url) == 2 and by_url[WATER["url"]].rating == "False"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The mayor said Dunford loses 40 percent of its drinking water to leaking pipes every year.", WATER["url"]),
        ("Dunford loses 40 percent of its drinking water to leaking pipes, according to the utility.", WATER["url"]),
        ("Average wages in Kestria fell by 12 percent last year, the statistics office said.", WAGES["url"]),
        # a different number is a different claim
        ("Dunford loses 14 percent of its drinking water to leaking pipes, the utility said.", None),
        # another place is another claim
        ("Average wages in Norland fell by 12 percent last year, the statistics office said.", None),
        # the same topic, few shared words
        ("Leaking pipes are a growing problem for water companies across the country.", None),
        ("The council approved a budget of 40 million for new pipes in Dunford on Tuesday.", None),
    ],
)
def test_corpus_claimreview_matching_is_conservative(sentence, expected):
    index = FactCheckIndex(parse_claimreviews([WATER, WAGES]))
    matches = index.match(sentence)
    assert (matches[0][0].url if matches else None) == expected


def test_corpus_claimreview_short_reviewed_claims_never_match():
    short = FactCheck(url="https://x.example/1", claim_reviewed="Vaccines cause autism.")
    assert len(FactCheckIndex([short])) == 0


@pytest.mark.model
def test_corpus_claimreview_findings_on_a_report(check_text, tmp_path):
    report = check_text(
        "Water bills to rise in Dunford\n\n"
        "Water bills in Dunford will rise by 8 percent from April, the utility said on Monday.\n\n"
        "Councillor Mark Ellery said Dunford loses 40 percent of its drinking water to leaking pipes.\n\n"
        "The utility said it would replace 20 kilometres of pipes this year."
    )
    with Store(tmp_path / "s.db") as store:
        assert match_factchecks(report, store) == []  # nothing imported: nothing found
        save_factchecks(store, parse_claimreviews([WATER, WAGES]))
        findings = match_factchecks(report, store)
    assert [f.code for f in findings] == ["FCK001"]
    finding = findings[0]
    assert finding.span.text.startswith("Councillor Mark Ellery said")
    assert report.article.text[finding.span.start : finding.span.end] == finding.span.text
    assert finding.evidence["factcheck_url"] == WATER["url"] and finding.evidence["rating"] == "Mostly false"
    assert finding.name == "known-fact-check" and finding.severity == "info" and finding.span.line == 5
    assert "FCK001" in rules.catalogue()


@pytest.fixture
def server(tmp_path):
    (tmp_path / "reviews.json").write_text(json.dumps({"@graph": [WATER, WAGES]}))
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.network
def test_corpus_claimreview_cli_import_url_and_file(server, tmp_path):
    from presslint import Settings
    from presslint.cli import main

    assert len(read_claimreviews([f"{server}/reviews.json"], settings=Settings(allow_private=True))) == 2
    db = str(tmp_path / "cli.db")
    local = tmp_path / "one.jsonld"
    local.write_text(json.dumps(WATER))
    runner = CliRunner()
    result = runner.invoke(main, ["factchecks", "import", str(local), "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["factchecks", "import", f"{server}/reviews.json", "--allow-private", "--db", db])
    assert result.exit_code == 0 and "1 new, 1 updated" in result.output
    result = runner.invoke(main, ["factchecks", "list", "--db", db])
    assert "Mostly false" in result.output and "2 of 2 shown" in result.output
    result = runner.invoke(main, ["factchecks", "import", str(tmp_path / "missing.json"), "--db", db])
    assert result.exit_code == 2 and "E108" in result.output


@pytest.mark.model
def test_corpus_claimreview_check_command_shows_known_factchecks(tmp_path):
    from presslint.cli import main

    db = str(tmp_path / "s.db")
    reviews = tmp_path / "reviews.json"
    reviews.write_text(json.dumps([WATER, WAGES]))
    story = tmp_path / "story.txt"
    story.write_text(
        "Water bills to rise in Dunford\n\n"
        "Water bills in Dunford will rise by 8 percent from April, the utility said on Monday.\n\n"
        "Councillor Mark Ellery said Dunford loses 40 percent of its drinking water to leaking pipes.\n"
    )
    runner = CliRunner()
    before = runner.invoke(main, ["check", str(story), "--db", db, "--format", "json", "--date", "2024-03-05"])
    assert "FCK001" not in before.output
    assert runner.invoke(main, ["factchecks", "import", str(reviews), "--db", db]).exit_code == 0
    after = runner.invoke(main, ["check", str(story), "--db", db, "--format", "json", "--date", "2024-03-05"])
    codes = [f["code"] for f in json.loads(after.output)["findings"]]
    assert "FCK001" in codes  # matched afresh, although the report itself came from the store


# -- import limits ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # the C parser's own recursion limit
        '{"a": ' * 100_000 + "1" + "}" * 100_000,
        json.dumps({"@graph": [WATER]}).replace('{"@graph"', '{"x": ' * 80 + '{"@graph"')
        + "}" * 80,  # parses, too deep
        '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>",
    ],
)
def test_corpus_claimreview_deep_nesting_is_a_coded_error(tmp_path, text):
    from presslint.errors import PresslintError

    path = tmp_path / "deep.json"
    path.write_text(text)
    with pytest.raises(PresslintError) as err:
        read_claimreviews([str(path)])
    assert err.value.code == "E114" and str(path) in err.value.message


def test_corpus_claimreview_cli_import_of_deep_json_exits_2_with_the_code(tmp_path):
    from presslint.cli import main

    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = CliRunner().invoke(main, ["factchecks", "import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2 and "E114" in result.output and "Traceback" not in result.output


def test_corpus_claimreview_import_size_limit(tmp_path):
    from presslint import Settings
    from presslint.corpus.claimreview import IMPORT_FACTOR
    from presslint.errors import PresslintError

    path = tmp_path / "big.json"
    path.write_text(json.dumps([WATER] * 40))
    small = Settings(max_bytes=path.stat().st_size // IMPORT_FACTOR - 1)
    with pytest.raises(PresslintError) as err:
        read_claimreviews([str(path)], settings=small)
    assert err.value.code == "E104"
    assert len(read_claimreviews([str(path)], settings=Settings(max_bytes=path.stat().st_size))) == 1


def test_corpus_claimreview_overlong_reviewed_claim_is_skipped():
    from presslint.corpus.claimreview import MAX_CLAIM_CHARS

    long_claim = dict(WATER, url="https://checkers.example/long", claimReviewed="word " * MAX_CLAIM_CHARS)
    assert [f.url for f in parse_claimreviews([long_claim, WAGES])] == [WAGES["url"]]


# -- the matching index -------------------------------------------------------------------------------------------
def _random_factchecks(rng, n):
    vocabulary = [f"term{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40)] + ["Kestria", "Dunford", "12", "40"]
    out = []
    for i in range(n):
        words = rng.sample(vocabulary, rng.randint(3, 9))
        out.append(FactCheck(url=f"https://fc.example/{i}", claim_reviewed=" ".join(words) + "."))
    return out, vocabulary


def test_corpus_claimreview_index_matches_exactly_what_comparing_every_fact_check_matches(tmp_path):
    import random

    from presslint.corpus.claimreview import compare, content_words, store_index

    rng = random.Random(7)
    factchecks, vocabulary = _random_factchecks(rng, 400)
    sentences = [" ".join(rng.sample(vocabulary, rng.randint(4, 14))) for _ in range(300)]
    sentences += [f"It is said that {fc.claim_reviewed}" for fc in factchecks[:50]]
    memory = FactCheckIndex(factchecks)
    with Store(tmp_path / "s.db") as store:
        save_factchecks(store, factchecks)
        stored = store_index(store)
        assert len(stored) == len(factchecks)
        hits = 0
        for sentence in sentences:
            words = content_words(sentence)
            brute = sorted(
                fc.url for fc in factchecks if compare(sentence, words, fc, content_words(fc.claim_reviewed))
            )
            assert sorted(fc.url for fc, _, _ in memory.match(sentence)) == brute
            assert sorted(fc.url for fc, _, _ in stored.match(sentence)) == brute
            hits += bool(brute)
        assert hits >= 50  # the comparison is not vacuous


def test_corpus_claimreview_rows_imported_without_an_index_are_indexed_on_first_match(tmp_path):
    from presslint.corpus.claimreview import store_index

    with Store(tmp_path / "s.db") as store:
        save_factchecks(store, parse_claimreviews([WAGES]))
        # a row written by an older presslint: no signature
        store.conn.execute(
            "INSERT INTO factchecks (url, claim_reviewed, imported_at) VALUES (?, ?, '2024-01-01')",
            (WATER["url"], WATER["claimReviewed"]),
        )
        (fc, _, _), *_ = store_index(store).match("Dunford loses 40 percent of its drinking water to leaking pipes.")
        assert fc.url == WATER["url"]


def test_corpus_claimreview_updated_claim_is_reindexed(tmp_path):
    from presslint.corpus.claimreview import store_index

    with Store(tmp_path / "s.db") as store:
        save_factchecks(store, parse_claimreviews([WATER]))
        moved = dict(WATER, claimReviewed="Average wages in Kestria fell by 12 percent last year.")
        save_factchecks(store, parse_claimreviews([moved]))
        index = store_index(store)
        assert index.match("Dunford loses 40 percent of its drinking water to leaking pipes.") == []
        assert index.match("Average wages in Kestria fell by 12 percent last year.")[0][0].url == WATER["url"]
