"""The report's summary (presslint.summary): counts, loaded-language density, the most serious findings, notes in
brief, "who is quoted" (real sources only, people as people, one row per speaker) and the check-worthy claims list.

The who-is-quoted tables give the sources analyzer's records as they come out of it (including its mistakes: a
surname typed as an organisation, a document typed "unknown") and say which rows a reader should see."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import presslint
from presslint.model import Article, Claim, Entity, Finding, Notice, Provenance, Quote, Report, Source, Span
from presslint.summary import brief, finding_order, summarise

SCHEMA = json.loads((Path(presslint.__file__).parent / "schema" / "report.schema.json").read_text())


def _report(text: str, *, sources=(), entities=(), claims=(), quotes=(), findings=(), notices=()) -> Report:
    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    return Report(
        article=Article(text=text),
        provenance=prov,
        findings=list(findings),
        notices=list(notices),
        sources=list(sources),
        entities=list(entities),
        claims=list(claims),
        quotes=list(quotes),
    )


def _at(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.between(text, start, start + len(needle))


# -- who is quoted ------------------------------------------------------------------------------------------------
# (text, source records as (name, kind, [mention needles]), entities as (label, needle), expected rows as
# (name, kind, mentions), expected other attributions)
WHO = [
    pytest.param(
        "Maria Lopez, the county's emergency manager, said the road was closed. Later Lopez said it would reopen.",
        [("Maria Lopez", "named_person", ["Maria Lopez"]), ("Lopez", "named_organisation", ["Lopez said"])],
        [("PERSON", "Maria Lopez")],
        [("Maria Lopez", "person", 2)],
        [],
        id="surname-typed-as-organisation-is-the-named-person",
    ),
    pytest.param(
        "Bill Clinton said the bill was fair. Hillary Clinton said it was late. Clinton added that talks go on.",
        [
            ("Bill Clinton", "named_person", ["Bill Clinton"]),
            ("Hillary Clinton", "named_person", ["Hillary Clinton"]),
            ("Clinton", "named_person", ["Clinton added"]),
        ],
        [],
        [("Bill Clinton", "person", 1), ("Hillary Clinton", "person", 1), ("Clinton", "person", 1)],
        [],
        id="a-surname-two-people-share-stays-apart",
    ),
    pytest.param(
        "Republican Donald Trump said the polls were wrong. Donald Trump said he would win. Trump repeated it.",
        [
            ("Republican Donald Trump", "named_person", ["Republican Donald Trump"]),
            ("Donald Trump", "named_person", ["Donald Trump said"]),
            ("Trump", "unknown", ["Trump repeated"]),
        ],
        [],
        [("Donald Trump", "person", 3)],
        [],
        id="a-title-in-front-and-the-surname-merge-into-the-full-name",
    ),
    pytest.param(
        "The pageant winner Alicia Machado spoke on Monday. Machado said she was insulted.",
        [("Machado", "named_organisation", ["Machado said"])],
        [("PERSON", "Alicia Machado"), ("ORG", "Machado")],
        [("Alicia Machado", "person", 1)],
        [],
        id="a-surname-the-entities-know-as-a-person-goes-by-the-full-name",
    ),
    pytest.param(
        "The video said the bridge was unsafe. Everyone said the town needs a bridge. The engineer said it was fine.",
        [
            ("The video", "unknown", ["The video"]),
            ("Everyone", "unknown", ["Everyone"]),
            ("The engineer", "role_only", ["The engineer"]),
        ],
        [],
        [("The engineer", "role", 1)],
        ["The video", "Everyone"],
        id="documents-and-common-nouns-are-not-sources",
    ),
    pytest.param(
        "Americans said prices were too high. The Federal Reserve said inflation would ease.",
        [
            ("Americans", "named_organisation", ["Americans"]),
            ("The Federal Reserve", "named_organisation", ["The Federal Reserve"]),
        ],
        [("NORP", "Americans"), ("ORG", "Federal Reserve")],
        [("The Federal Reserve", "organisation", 1)],
        ["Americans"],
        id="a-nationality-is-a-group-not-a-source",
    ),
    pytest.param(
        "The Joint Command said the base was handed over. Hours later the joint command said troops remained.",
        [
            ("The Joint Command", "named_organisation", ["The Joint Command"]),
            ("the joint command", "named_organisation", ["the joint command"]),
        ],
        [],
        [("The Joint Command", "organisation", 2)],
        [],
        id="one-organisation-named-twice-is-one-row",
    ),
    pytest.param(
        "The senator said the vote was close. In another state, the senator said the count was wrong.",
        [
            ("the senator", "role_only", ["The senator"]),
            ("the senator", "role_only", ["the senator"]),
        ],
        [],
        [("the senator", "role", 1), ("the senator", "role", 1)],
        [],
        id="two-role-mentions-the-analyzer-kept-apart-stay-apart",
    ),
    pytest.param(
        "The Centers for Disease Control and Prevention said cases rose. The CDC estimates 1,600 cases a year.",
        [
            ("the Centers for Disease Control and Prevention", "named_organisation", ["The Centers"]),
            ("CDC", "named_organisation", ["CDC"]),
        ],
        [],
        [("the Centers for Disease Control and Prevention", "organisation", 2)],
        [],
        id="an-acronym-and-the-name-it-stands-for-are-one-body",
    ),
    pytest.param(
        "The National Rifle Association said no. The National Retail Alliance said yes. The NRA said more.",
        [
            ("The National Rifle Association", "named_organisation", ["The National Rifle"]),
            ("The National Retail Alliance", "named_organisation", ["The National Retail"]),
            ("NRA", "named_organisation", ["NRA"]),
        ],
        [],
        [
            ("The National Rifle Association", "organisation", 1),
            ("The National Retail Alliance", "organisation", 1),
            ("NRA", "organisation", 1),
        ],
        [],
        id="an-acronym-two-names-spell-stays-apart",
    ),
    pytest.param(
        "Patriot said it would close the mine. Patriot added that staff would be paid.",
        [("Patriot", "named_organisation", ["Patriot said"])],
        [("PERSON", "Patriot")],
        [("Patriot", "organisation", 1)],
        [],
        id="a-one-word-person-entity-is-too-weak-to-make-a-person",
    ),
    pytest.param(
        "Grocer Freshway cuts forecast\n\nFreshway, the country's third-largest grocery chain, cut its forecast, "
        "saying shoppers were trading down.",
        [("Freshway", "named_organisation", ["Freshway, the"], "the country's third-largest grocery chain")],
        [("PERSON", "Grocer Freshway")],
        [("Freshway", "organisation", 1)],
        [],
        id="an-organisation-the-text-calls-a-chain-stays-one-whatever-the-entities-say",
    ),
    pytest.param(
        "Nguyen Thi Lan, a shipping analyst, said rates had doubled. Nguyen said they would stay high.",
        [("Nguyen Thi Lan", "named_person", ["Nguyen Thi Lan"]), ("Nguyen", "named_person", ["Nguyen said"])],
        [("PERSON", "Nguyen Thi Lan"), ("PERSON", "Nguyen")],
        [("Nguyen Thi Lan", "person", 2)],
        [],
        id="a-family-name-written-first-is-the-full-name",
    ),
    pytest.param(
        "Obama Says Museum Honors Struggle\n\nObama said the museum told the nation's story.",
        [("Obama", "named_person", ["Obama said"])],
        [("PERSON", "Obama Says"), ("PERSON", "Obama")],
        [("Obama", "person", 1)],
        [],
        id="a-headline-entity-that-begins-with-the-name-is-not-its-full-name",
    ),
    pytest.param(
        "Kim Jong Un said talks were over. Kim Yo Jong said the South lied. Kim said nothing more.",
        [
            ("Kim Jong Un", "named_person", ["Kim Jong Un"]),
            ("Kim Yo Jong", "named_person", ["Kim Yo Jong"]),
            ("Kim", "named_person", ["Kim said"]),
        ],
        [],
        [("Kim Jong Un", "person", 1), ("Kim Yo Jong", "person", 1), ("Kim", "person", 1)],
        [],
        id="a-family-name-two-people-begin-with-stays-apart",
    ),
    pytest.param(
        "Sam Ortiz Lee said the vote was close. Ortiz Lee said it would hold. Jordan Lee said it would not.",
        [("Sam Ortiz Lee", "named_person", ["Sam Ortiz Lee"]), ("Ortiz Lee", "named_person", ["Ortiz Lee said"])],
        [("PERSON", "Sam Ortiz Lee"), ("PERSON", "Ortiz Lee")],
        [("Sam Ortiz Lee", "person", 2)],
        [],
        id="a-two-word-family-name-goes-by-the-whole-name-the-entities-know",
    ),
    pytest.param(
        "Alicia Machado spoke on Monday. Machado, a former pageant winner, said she was insulted.",
        [("Machado", "named_organisation", ["Machado, a"], "a former pageant winner")],
        [("PERSON", "Alicia Machado"), ("ORG", "Machado")],
        [("Alicia Machado", "person", 1)],
        [],
        id="a-description-of-a-person-does-not-keep-an-organisation",
    ),
]


def _who_report(text, records, entities):
    sources = [
        Source(i, name, kind, [_at(text, needle) for needle in needles], description=(rest or [None])[0])
        for i, (name, kind, needles, *rest) in enumerate(records)
    ]
    ents = [Entity(_at(text, needle), label, needle) for label, needle in entities]
    return _report(text, sources=sources, entities=ents)


@pytest.mark.parametrize("text, records, entities, rows, others", WHO)
def test_summary_who_is_quoted(text, records, entities, rows, others):
    summary = summarise(_who_report(text, records, entities))
    got = sorted((r.name, r.kind, r.mentions) for r in summary.who_is_quoted)
    assert got == sorted(rows)
    assert [r.name for r in summary.other_attributions] == others
    assert summary.sources == len(rows)
    merged = sorted(i for r in (*summary.who_is_quoted, *summary.other_attributions) for i in r.sources)
    assert merged == list(range(len(records)))  # every record is in exactly one row


def test_summary_rows_carry_their_quotes_description_and_first_mention():
    text = "Two officials said the plant would close. Ana Ruiz, the plant's manager, said it would not. Ruiz said more."
    sources = [
        Source(0, "Two officials", "anonymous", [_at(text, "Two officials")], description="Two officials", count=2),
        Source(1, "Ana Ruiz", "named_person", [_at(text, "Ana Ruiz")], description="the plant's manager"),
        Source(2, "Ruiz", "named_person", [_at(text, "Ruiz said")]),
    ]
    quotes = [
        Quote("indirect", _at(text, "said"), _at(text, "the plant would close"), _at(text, "Two officials"), None, 0),
        Quote("indirect", _at(text, "said", 1), _at(text, "it would not"), _at(text, "Ana Ruiz"), None, 1),
        Quote("indirect", _at(text, "said", 2), _at(text, "more"), _at(text, "Ruiz said"), None, 2),
    ]
    summary = summarise(_report(text, sources=sources, quotes=quotes))
    ruiz, officials = summary.who_is_quoted  # most mentioned first
    assert (ruiz.name, ruiz.kind, ruiz.sources, ruiz.quotes, ruiz.mentions) == ("Ana Ruiz", "person", [1, 2], [1, 2], 2)
    assert ruiz.description == "the plant's manager" and ruiz.first == _at(text, "Ana Ruiz")
    assert (officials.kind, officials.count, officials.description) == ("anonymous", 2, None)
    assert (summary.anonymous_sources, summary.anonymous_share) == (1, 0.5)


def test_summary_a_speaker_who_only_acts_is_not_quoted():
    """'the fund wanted a stake', 'the governor endorsed the bill' (Quote.act): a stance taken, nothing told."""
    text = "Ana Ruiz, an adviser, said the fund wanted a stake. The governor endorsed the bill. Ruiz said more."
    sources = [
        Source(0, "Ana Ruiz", "named_person", [_at(text, "Ana Ruiz")], description="an adviser"),
        Source(1, "the fund", "named_organisation", [_at(text, "the fund")]),
        Source(2, "The governor", "role_only", [_at(text, "The governor")]),
    ]
    quotes = [
        Quote("indirect", _at(text, "said"), _at(text, "the fund wanted a stake"), _at(text, "Ana Ruiz"), None, 0),
        Quote("indirect", _at(text, "wanted"), _at(text, "a stake"), _at(text, "the fund"), None, 1, act=True),
        Quote("indirect", _at(text, "endorsed"), _at(text, "the bill"), _at(text, "The governor"), None, 2, act=True),
        Quote("indirect", _at(text, "said", 1), _at(text, "more"), _at(text, "Ruiz said"), None, 0),
    ]
    summary = summarise(_report(text, sources=sources, quotes=quotes))
    assert [(r.name, r.quotes) for r in summary.who_is_quoted] == [("Ana Ruiz", [0, 3])]
    assert summary.other_attributions == [] and summary.sources == 1


def test_summary_no_sources():
    summary = summarise(_report("Rain is expected on Friday across the north of the country."))
    assert (summary.sources, summary.anonymous_share, summary.who_is_quoted, summary.other_attributions) == (
        0,
        None,
        [],
        [],
    )


# -- claims ---------------------------------------------------------------------------------------------------------
def test_summary_claims_most_checkworthy_first_with_who_said_them():
    text = (
        "The mayor said the bridge cost 40 million dollars. The bridge opened in 1932. "
        "A report said traffic fell. Tolls rose by 12 percent in 2023."
    )
    sources = [
        Source(0, "The mayor", "role_only", [_at(text, "The mayor")]),
        Source(1, "A report", "unknown", [_at(text, "A report")]),
    ]
    claims = [
        Claim(_at(text, "The mayor said the bridge cost 40 million dollars."), 0, 0.55),
        Claim(_at(text, "The bridge opened in 1932."), None, 0.4),
        Claim(_at(text, "A report said traffic fell."), 1, 0.4),
        Claim(_at(text, "Tolls rose by 12 percent in 2023."), None, 0.7),
    ]
    summary = summarise(_report(text, sources=sources, claims=claims))
    assert [(c.claim, c.checkworthiness, c.sourced, c.by, c.by_kind) for c in summary.claim_list] == [
        (3, 0.7, False, None, None),
        (0, 0.55, True, "The mayor", "role"),
        (1, 0.4, False, None, None),  # equal scores: reading order
        (2, 0.4, True, "A report", "other"),
    ]
    assert (summary.claims, summary.claims_attributed, summary.claims_unsourced) == (4, 2, 2)


# -- counts, density, the most serious, notes -----------------------------------------------------------------------
def _finding(code, severity, start, confidence=1.0):
    return Finding(code, severity, f"{code} message", Span(start, start + 4, "word"), confidence=confidence)


def test_summary_counts_density_and_most_serious():
    text = " ".join(["word"] * 400)
    findings = [
        _finding("LNG002", "info", 0),
        _finding("SRC001", "warning", 10, confidence=0.6),
        _finding("LNG001", "warning", 20),
        _finding("NUM002", "error", 30, confidence=0.9),
        _finding("HYG001", "info", 40),
    ]
    summary = summarise(_report(text, findings=findings))
    assert (summary.words, summary.findings, summary.errors, summary.warnings, summary.infos) == (400, 5, 1, 2, 2)
    assert (summary.loaded_language, summary.loaded_language_per_1000_words) == (2, 5.0)
    # Severity first, then the surer finding: the error, then LNG001 (1.0) before SRC001 (0.6).
    assert summary.most_serious == [3, 2, 1]
    # A missing byline or date is a note on the page, never one of the most serious: the LNG002 comes before it.
    notes_last = summarise(_report(text, findings=[findings[4], _finding("HYG002", "info", 50), findings[0]]))
    assert notes_last.most_serious == [2]


def test_summary_finding_order_is_severity_then_position():
    findings = [
        _finding("HYG001", "info", 0),
        _finding("NUM002", "error", 50),
        _finding("SRC001", "warning", 5),
        _finding("LNG001", "warning", 3),
        _finding("DAT002", "error", 7),
    ]
    ordered = sorted(findings, key=finding_order)
    assert [(f.severity, f.span.start) for f in ordered] == [
        ("error", 7),
        ("error", 50),
        ("warning", 3),
        ("warning", 5),
        ("info", 0),
    ]


@pytest.mark.parametrize(
    "notice, expected",
    [
        (
            Notice("W002", "W002: No publication date: relative dates ('last Thursday') are left unresolved"),
            "no publication date, relative dates unresolved",
        ),
        (
            Notice("W003", "W003: Knowledge checks skipped: no knowledge store found; build one with ..."),
            "knowledge checks skipped (no store: `presslint kb build`)",
        ),
        (
            Notice("W004", "W004: The text is very short (12 words); few checks can apply"),
            "The text is very short (12 words); few checks can apply",
        ),
        (
            Notice("E406", "E406: Cannot write to the store at 'x.db': disk full"),
            "Cannot write to the store at 'x.db': disk full",
        ),
    ],
)
def test_summary_notes_are_brief(notice, expected):
    assert brief(notice) == Notice(notice.code, expected)


def test_summary_round_trips_through_json_and_validates():
    text = "Two officials said the plant would close. The plant employs 300 people."
    report = _report(
        text,
        sources=[Source(0, "Two officials", "anonymous", [_at(text, "Two officials")], count=2)],
        claims=[Claim(_at(text, "The plant employs 300 people."), None, 0.4)],
        findings=[_finding("SRC001", "warning", 0)],
        notices=[Notice("W003", "W003: Knowledge checks skipped")],
    )
    report.summary = summarise(report)
    data = report.to_dict()
    assert list(data)[:4] == ["schema_version", "article", "provenance", "summary"]
    jsonschema.validate(data, SCHEMA)
    assert Report.from_dict(data).summary == report.summary
    old = {k: v for k, v in data.items() if k != "summary"}  # a report written before the summary existed
    jsonschema.validate(old, SCHEMA)
    assert Report.from_dict(old).summary is None


# -- through the checker --------------------------------------------------------------------------------------------
STORY = (
    "Harbour board accused of hiding ferry losses\n\n"
    "The harbour board lost 4.2 million euros on the island ferry last year, according to its annual accounts. Two "
    "board members, speaking on condition of anonymity, said the chairman had kept the figures from the council.\n\n"
    'Chairwoman Ingrid Havel said the accounts were published in full. "Nothing was hidden," Havel said on Tuesday.\n\n'
    "Critics called the board a gang of incompetent cronies. The ferry carried 180,000 passengers in 2023, down from "
    "240,000 in 2019.\n"
)


@pytest.mark.model
def test_summary_of_a_checked_article(check_text):
    report = check_text(STORY, date="2024-05-02")
    s = report.summary
    assert s is not None and s.findings == sum(f.shown for f in report.findings)
    assert s.hidden == len(report.findings) - s.findings
    assert [f.severity for f in report.findings] == sorted(
        (f.severity for f in report.findings), key=lambda sev: ("error", "warning", "info").index(sev)
    )
    assert s.claims == len(report.claims) >= 2 and s.claims_attributed + s.claims_unsourced == s.claims
    havel = [r for r in s.who_is_quoted if "Havel" in r.name]
    assert len(havel) == 1 and havel[0].kind == "person" and havel[0].name == "Ingrid Havel"
    assert any(r.kind == "anonymous" for r in s.who_is_quoted)
    assert s.anonymous_share == round(s.anonymous_sources / s.sources, 3)
    assert s.loaded_language == sum(f.code.startswith("LNG") and f.shown for f in report.findings)
    # "Critics called the board a gang of incompetent cronies": the critics' words, in the JSON, not shown
    assert any(f.code.startswith("LNG") and not f.shown and f.evidence.get("in_quote") for f in report.findings)
    assert s.most_serious and all(0 <= i < len(report.findings) for i in s.most_serious)
    jsonschema.validate(report.to_dict(), SCHEMA)


# -- what the text report shows -------------------------------------------------------------------------------------
# (article, needle of a loaded-language finding, in_quote, learned, shown by default)
SHOWN = [
    pytest.param('Opponents called the plan "a sham".', "sham", True, False, False, id="source-wording-hidden"),
    pytest.param("The plan is a sham, the column argues.", "sham", False, False, True, id="writer-wording-shown"),
    pytest.param('Residents said "thugs" ran the council.', "thugs", True, False, False, id="quoted-label-hidden"),
    pytest.param("Thugs run the council now.", "Thugs", False, False, True, id="writer-label-shown"),
]


@pytest.mark.parametrize(("text", "needle", "in_quote", "learned", "shown"), SHOWN)
def test_summary_mark_shown_hides_a_sources_own_loaded_words(text, needle, in_quote, learned, shown):
    from presslint.summary import hidden_note, mark_shown

    f = Finding("LNG002", "info", "loaded", _at(text, needle), evidence={"in_quote": in_quote}, learned=learned)
    other = Finding("SRC001", "warning", "anonymous", _at(text, text.split()[0]), evidence={"in_quote": True})
    mark_shown([f, other])
    assert f.shown is shown and other.shown  # only loaded-language findings on a source's words are hidden
    note = hidden_note([f, other])
    assert (note is None) is shown
    if not shown:
        assert (
            note
            == "1 loaded-language finding on a quoted source's own words not shown (--all shows them; the JSON has them)"
        )
    mark_shown([f, other], show_all=True)
    assert f.shown and hidden_note([f, other]) is None


def test_summary_hidden_note_counts_each_reason():
    from presslint.summary import hidden_note

    text = "Critics called the mayor a crook. The plan is doomed."
    quoted = Finding("LNG001", "warning", "label", _at(text, "crook"), evidence={"in_quote": True}, shown=False)
    learned = [
        Finding("LNG012", "info", "model", _at(text, "doomed"), learned=True, confidence=0.4, shown=False),
        Finding("LNG012", "info", "model", _at(text, "plan"), learned=True, confidence=0.3, shown=False),
    ]
    assert hidden_note([quoted, *learned]) == (
        "2 learned findings below the operating point and 1 loaded-language finding on a quoted source's own words "
        "not shown (--all shows them; the JSON has them)"
    )
    style = Finding(
        "LNG001", "warning", "label", _at(text, "mayor"), evidence={"house_style": True, "in_quote": False}, shown=False
    )
    assert hidden_note([quoted, *learned, style]) == (
        "2 learned findings below the operating point, 1 loaded-language finding on a quoted source's own words and "
        "1 label some outlets use as a neutral term ('regime') not shown (--all shows them; the JSON has them)"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Historians say the Nazi regime kept meticulous records of its crimes.", False),
        ("The Assad regime shelled the town again on Monday.", False),
        ("The Assad thugs shelled the town again on Monday.", True),
    ],
)
def test_summary_house_style_labels_hidden(check_text, text, shown):
    report = check_text(text, date="2024-05-02")
    labels = [f for f in report.findings if f.code == "LNG001"]
    assert labels and all(f.shown is shown for f in labels), [(f.message, f.evidence) for f in labels]


@pytest.mark.parametrize(
    ("url", "title", "categories", "opinion"),
    [
        ("https://news.example/opinion/2024/05/budget", "The budget is a disgrace", None, True),
        ("https://www.paper.example/commentisfree/2024/may/02/ferry", "Ferries matter", None, True),
        (None, "The city's budget is a disgrace | Editorial", None, True),
        (None, "Opinion: the ferry deserves better", None, True),
        (None, "Budget passes after long night", ["Opinion"], True),
        ("https://news.example/local/2024/05/budget", "Budget passes", None, False),
        ("https://news.example/2024/05/opinion-poll-shows-lead", "Poll shows lead for mayor", None, False),
        (None, "Council opinion split on ferry plan", None, False),
    ],
)
def test_summary_is_opinion(url, title, categories, opinion):
    from presslint.summary import is_opinion

    meta = {"categories": categories} if categories else {}
    assert is_opinion(Article(text=f"{title}\n\nBody.", title=title, url=url, meta=meta)) is opinion


def test_summary_loaded_words_in_opinion_hidden_with_a_reason():
    from presslint.summary import hidden_note, mark_shown

    text = "The plan is a disgraceful waste, and the thugs who run the council know it."
    loaded = Finding("LNG002", "info", "loaded", _at(text, "disgraceful"), evidence={"in_quote": False})
    label = Finding("LNG001", "warning", "label", _at(text, "thugs"), evidence={"in_quote": False})
    mark_shown([loaded, label], opinion=True)
    assert not loaded.shown and label.shown  # name-calling is still shown in an opinion piece
    assert hidden_note([loaded, label]) == (
        "1 finding on news conventions in a piece that reads as opinion not shown (--all shows them; the JSON has them)"
    )
    mark_shown([loaded, label], opinion=False)
    assert loaded.shown
