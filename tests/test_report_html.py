import html
import re

import pytest

from presslint.model import Article, Claim, Finding, Notice, Provenance, Report, Source, Span
from presslint.report import render
from presslint.summary import finding_order, summarise

EVIL = 'Officials <script>alert("x")</script> said <img src=x onerror="alert(1)"> "quoted" & more'


def _report(text: str) -> Report:
    prov = Provenance("0.1.0", "m", "1", "0" * 64, "abc", "unknown", "unknown", "1" * 64, "now")
    start = text.index("<script>")
    span = Span.between(text, start, start + 30)
    return Report(
        article=Article(text=text, title='<b onmouseover="x">Title</b>', byline="<i>me</i>"),
        provenance=prov,
        findings=[
            Finding(
                "SRC001", "warning", "msg with <tag>", span, related=[Span.between(text, 0, 9)], name="anonymous-source"
            )
        ],
        sources=[Source(0, "<script>bad()</script>", "anonymous", [span])],
    )


def test_report_html_escapes_article_text_everywhere():
    page = render(_report(EVIL), "html")
    assert "<script>" not in page
    assert "<img" not in page
    assert 'onerror="' not in page and 'onmouseover="' not in page
    assert "&lt;script&gt;" in page
    assert "&lt;tag&gt;" in page


def test_report_html_is_self_contained():
    page = render(_report(EVIL), "html")
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page
    assert "Content-Security-Policy" in page
    assert '<mark id="s0"' in page and 'href="#f0"' in page


# -- every field that carries article or user text is escaped, attributes included ---------------------------------
# A payload that breaks out of an attribute ('"'), opens a tag ('<') and starts an entity ('&'). Each field gets its
# own payload, so a test names the one field that went out raw.
def _payload(field: str) -> str:
    return f'{field}" onmouseover="alert(1)" <script>{field}()</script> & more'


STORY = "Council delays the vote\n\nTwo officials said the vote would move to March. The mayor said it would not."


def _plain_report(**article) -> Report:
    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    text = article.pop("text", STORY)
    span = Span.between(text, text.index("Two officials"), text.index("Two officials") + len("Two officials said"))
    return Report(
        article=Article(text=text, **article),
        provenance=prov,
        findings=[Finding("SRC001", "warning", "Anonymous source", span, name="anonymous-source")],
    )


def _set(report: Report, field: str, value: str) -> None:
    finding = report.findings[0]
    if field in ("title", "byline", "outlet", "url", "origin"):
        setattr(report.article, field, value)
    elif field == "message":
        finding.message = value
    elif field == "rule name":
        finding.name = value
    elif field == "related span":
        text = report.article.text = report.article.text + "\n" + value
        finding.related = [Span.between(text, len(text) - len(value), len(text))]
    elif field == "source name":
        report.sources = [Source(0, value, "anonymous", [finding.span])]
        report.summary = summarise(report)  # "who is quoted" comes from the summary the Checker adds
    elif field == "notice":
        report.notices = [Notice("W003", value)]
    elif field == "article text":
        report.article.text = value + "\n" + report.article.text
        start = finding.span.start + len(value) + 1
        finding.span = Span.between(report.article.text, start, start + len(finding.span.text))
    elif field == "span text":  # the finding rests on the payload itself
        text = report.article.text = report.article.text + "\n" + value
        finding.span = Span.between(text, len(text) - len(value), len(text))
    else:
        raise AssertionError(field)


FIELDS = [
    "title",
    "byline",
    "outlet",
    "url",
    "origin",
    "message",
    "rule name",
    "related span",
    "source name",
    "notice",
    "article text",
    "span text",
]


@pytest.mark.parametrize("field", FIELDS)
def test_report_html_escapes_each_field(field):
    report = _plain_report(url=None if field == "origin" else "https://news.example/vote")
    value = _payload(field.replace(" ", "-"))
    _set(report, field, value)
    page = render(report, "html")
    assert html.escape(value, quote=True) in page, f"{field} not rendered escaped"
    assert "<script>" not in page
    assert 'onmouseover="' not in page


@pytest.mark.parametrize(
    "message",
    [
        "labels \"the council\" as 'thugs'",  # double quotes in a message end up inside title="..."
        "the mayor's \"plan\" & the council's <vote>",
    ],
)
def test_report_html_mark_title_keeps_quotes_inside_the_attribute(message):
    report = _plain_report()
    report.findings[0].message = message
    page = render(report, "html")
    title = html.escape(f"SRC001 {message}", quote=True)
    assert f'title="{title}">' in page


# -- the page's structure: highlights, the findings list, the header, sources and notices ---------------------------
TEXT = "Bus fares rise\n\nTwo officials said fares would rise. The mayor called critics “thugs”.\nFares rise in May."


def _at(needle: str, *, line: bool = True, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    if not line:
        return Span.between(TEXT, start, start + len(needle))
    row = TEXT.count("\n", 0, start) + 1
    column = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    return Span(start, start + len(needle), needle, row, column)


def _finding(code, severity, needle, *, name="rule", related=(), line=True, nth=0):
    return Finding(code, severity, f"{code} message", _at(needle, line=line, nth=nth), related=list(related), name=name)


def _structured(findings, **article) -> Report:
    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    return Report(article=Article(text=TEXT, **article), provenance=prov, findings=list(findings))


MARK = re.compile(r'<mark id="s(\d+)" class="(\w+)" title="([^"]*)">(.*?)<sup><a href="#f(\d+)">(\d+)</a></sup></mark>')


def _marks(page: str) -> list[tuple[int, str, str, str, int, int]]:
    article = page[page.index("<article>") : page.index("</article>")]
    return [(int(i), sev, title, text, int(f), int(n)) for i, sev, title, text, f, n in MARK.findall(article)]


def _article_text(page: str) -> str:
    article = page[page.index("<article>") + len("<article>") : page.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sup>.*?</sup>", "", article)))


HIGHLIGHTS = [
    # findings (in report order) -> marks (finding index, text), in reading order
    pytest.param(
        [("SRC001", "warning", "Two officials said"), ("LNG001", "error", "“thugs”")],
        [(0, "Two officials said"), (1, "“thugs”")],
        id="two-apart",
    ),
    pytest.param(
        [("LNG001", "error", "“thugs”"), ("SRC001", "warning", "Two officials said")],
        [(1, "Two officials said"), (0, "“thugs”")],
        id="report-order-is-not-reading-order",
    ),
    pytest.param(
        [("SRC001", "warning", "Two officials"), ("SRC002", "info", "Two officials said fares")],
        [(1, "Two officials said fares")],
        id="same-start-longer-wins",
    ),
    pytest.param(
        [("SRC002", "info", "Two officials said fares"), ("SRC001", "warning", "Two officials")],
        [(0, "Two officials said fares")],
        id="same-start-longer-wins-whatever-the-order",
    ),
    pytest.param(
        [("SRC002", "info", "Two officials said fares"), ("SRC001", "warning", "officials said")],
        [(0, "Two officials said fares")],
        id="overlap-earlier-wins",
    ),
    pytest.param(
        [("SRC001", "warning", "Two officials said"), ("NUM001", "warning", "fares would rise")],
        [(0, "Two officials said"), (1, "fares would rise")],
        id="adjacent-spans-both-marked",
    ),
    pytest.param(
        [("HYG001", "info", ""), ("SRC001", "warning", "Two officials said")],
        [(1, "Two officials said")],
        id="empty-span-skipped",
    ),
    pytest.param(
        [("HED001", "warning", "Bus fares rise"), ("NUM001", "warning", "Fares rise in May.")],
        [(0, "Bus fares rise"), (1, "Fares rise in May.")],
        id="first-and-last-characters",
    ),
]


@pytest.mark.parametrize("findings, expected", HIGHLIGHTS)
def test_report_html_highlights(findings, expected):
    report = _structured([_finding(code, sev, needle) for code, sev, needle in findings])
    page = render(report, "html")
    marks = _marks(page)
    assert [(i, text) for i, _sev, _title, text, _f, _n in marks] == [(i, html.escape(t)) for i, t in expected]
    for i, severity, title, _text, target, number in marks:
        finding = report.findings[i]
        assert (severity, target, number) == (finding.severity, i, i + 1)
        assert html.unescape(title) == f"{finding.code} {finding.message}"
    assert _article_text(page) == TEXT  # every character once, in order, marks or not


def test_report_html_findings_list():
    related = [_at("fares would rise"), _at("Fares rise in May.", line=False)]
    report = _structured(
        [
            _finding("SRC001", "warning", "Two officials said", name="anonymous-source", related=related),
            _finding("LNG001", "error", "“thugs”", name="name-calling", line=False),
        ]
    )
    page = render(report, "html")
    thugs = TEXT.index("“thugs”")
    assert (
        '<li id="f0"><span class="sev warning">warning</span> <code>SRC001</code> anonymous-source — '
        '<a href="#s0">3:1</a><div>SRC001 message</div><div class="quote">“Two officials said”</div>'
        '<div class="rel">↔ 3:20 <span class="quote">“fares would rise”</span></div>'
        f'<div class="rel">↔ @{TEXT.index("Fares rise in May.")} <span class="quote">“Fares rise in May.”</span></div></li>'
    ) in page
    assert (
        '<li id="f1"><span class="sev error">error</span> <code>LNG001</code> name-calling — '
        f'<a href="#s1">@{thugs}</a><div>LNG001 message</div><div class="quote">““thugs””</div></li>'
    ) in page
    assert "<h2>Findings (2)</h2><ol><li" in page and '</li><li id="f1">' in page and "</li></ol>" in page


@pytest.mark.parametrize(
    "article, title, meta",
    [
        (
            {
                "title": "Bus fares rise",
                "byline": "Ana Ruiz",
                "outlet": "Riverside Gazette",
                "url": "https://x.example/a",
            },
            "Bus fares rise",
            "published 2024-03-01 (option) · by Ana Ruiz · Riverside Gazette · https://x.example/a · "
            "presslint 0.1.0, en_test 3.8.0, config cfg",
        ),
        (
            {"origin": "fares.txt"},
            "fares.txt",
            "published 2024-03-01 (option) · fares.txt · presslint 0.1.0, en_test 3.8.0, config cfg",
        ),
        (
            {"title": "Bus fares rise", "url": "https://x.example/a", "origin": "https://x.example/short"},
            "Bus fares rise",
            "published 2024-03-01 (option) · https://x.example/a · presslint 0.1.0, en_test 3.8.0, config cfg",
        ),
        ({}, "Article", "published 2024-03-01 (option) · presslint 0.1.0, en_test 3.8.0, config cfg"),
    ],
)
def test_report_html_header(article, title, meta):
    page = render(_structured([], **article), "html")
    assert f"<title>presslint: {title}</title>" in page
    assert f"<header><h1>{title}</h1><p>{meta}</p></header>" in page


def test_report_html_sources_and_notices():
    report = _structured([])
    assert "Who is quoted" not in render(report, "html")
    report.sources = [
        Source(0, "Two officials", "anonymous", [_at("Two officials")]),
        Source(1, "The mayor", "role_only", [_at("The mayor"), _at("The mayor")]),
    ]
    report.notices = [Notice("W003", "Knowledge checks skipped"), Notice("W005", "Damaged text")]
    assert '<aside><p class="notice">Notes: W003 Knowledge checks skipped · W005 Damaged text</p><h2>' in render(
        report, "html"
    )
    report.summary = summarise(report)  # as the Checker finishes a report
    page = render(report, "html")
    assert (
        "<h2>Who is quoted (2 sources, 1 anonymous)</h2><table><tr><th>who</th><th>kind</th><th>statements</th>"
        "<th>mentions</th></tr>"
        '<tr><td>The mayor</td><td>role, no name</td><td class="num">0</td><td class="num">2</td></tr>'
        '<tr><td>Two officials</td><td>anonymous</td><td class="num">0</td><td class="num">1</td></tr></table></aside>'
    ) in page
    assert (
        '<aside><p class="notice">Notes: W003 knowledge checks skipped (no store: `presslint kb build`) · '
        'W005 Damaged text</p><section class="summary"><h2>Summary</h2>'
    ) in page


def test_report_html_page_frame():
    page = render(_structured([]), "html")
    assert page.startswith(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )
    assert page.endswith("</aside></main></body></html>\n")
    assert "<h2>Findings (0)</h2><ol></ol></aside>" in page  # no sources: no table, nothing else


# -- the summary, the claims list and who is quoted (from the summary the Checker adds) -----------------------------
SUMMARY_FIELDS = ["claim text", "quoted name", "description", "other attribution", "finding message", "note"]


def _summarised(field: str, value: str) -> Report:
    text = f"Council delays the vote\n\nTwo officials said the vote would move. {value} The mayor said it would not."
    claim = Span.between(text, text.index(value), text.index(value) + len(value))
    name = value if field == "quoted name" else "Ana Ruiz"
    description = value if field == "description" else None
    other = value if field == "other attribution" else "The memo"
    message = value if field == "finding message" else "Anonymous source"
    sources = [
        Source(0, name, "named_person", [Span.between(text, 0, 7)], description=description),
        Source(1, other, "unknown", [Span.between(text, 8, 14)]),
    ]
    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    report = Report(
        article=Article(text=text),
        provenance=prov,
        findings=[Finding("SRC001", "warning", message, Span.between(text, 25, 38), name="anonymous-source")],
        notices=[Notice("W005", value if field == "note" else "Damaged text")],
        sources=sources,
        claims=[Claim(claim, 0, 0.6), Claim(claim, 1, 0.5)],
    )
    report.summary = summarise(report)
    return report


@pytest.mark.parametrize("field", SUMMARY_FIELDS)
def test_report_html_escapes_the_summary_claims_and_sources(field):
    value = _payload(field.replace(" ", "-"))
    page = render(_summarised(field, value), "html")
    # Where each field must show: the notes line, the summary, the claims list, or who is quoted.
    start, end = {
        "note": ('<p class="notice">', "</p>"),
        "finding message": ('<section class="summary">', "</section>"),
        "claim text": ("<h2>Check-worthy claims", "</table>"),
    }.get(field, ("<h2>Who is quoted", "</aside>"))
    part = page[page.index(start) :]
    part = part[: part.index(end)]
    assert html.escape(value, quote=True) in part, f"{field} not rendered escaped"
    assert "<script>" not in page
    assert 'onmouseover="' not in page


def test_report_html_summary_claims_and_who_is_quoted():
    text = (
        "Ferry losses hidden, members say\n\n"
        "Two board members said the losses were hidden. Chairwoman Ingrid Havel said the accounts were complete. "
        "The ferry carried 180,000 passengers in 2023. The board called critics “thugs”."
    )
    at = lambda needle: Span.between(text, text.index(needle), text.index(needle) + len(needle))  # noqa: E731
    prov = Provenance("0.1.0", "en_test", "3.8.0", "0" * 64, "cfg", "2024-03-01", "option", "1" * 64, "now")
    report = Report(
        article=Article(text=text),
        provenance=prov,
        findings=[
            Finding("HYG001", "info", "No byline", at("Ferry losses hidden"), name="no-byline"),
            Finding("SRC001", "warning", "Anonymous source", at("Two board members"), name="anonymous-source"),
            Finding("LNG001", "error", "name-calling", at("“thugs”"), name="name-calling"),
        ],
        sources=[
            Source(0, "Two board members", "anonymous", [at("Two board members")], count=2),
            Source(1, "Ingrid Havel", "named_person", [at("Ingrid Havel")], description="Chairwoman"),
        ],
        claims=[
            Claim(at("Two board members said the losses were hidden."), 0, 0.45),
            Claim(at("The ferry carried 180,000 passengers in 2023."), None, 0.55),
        ],
    )
    report.findings.sort(key=finding_order)
    report.summary = summarise(report)
    page = render(report, "html")
    assert (
        '<section class="summary"><h2>Summary</h2><dl><dt>Findings</dt><dd>3: 1 error, 1 warning, 1 info</dd>'
        '<dt>Claims</dt><dd>2 check-worthy, 1 attributed to a source, <span class="unsourced">1 unsourced</span></dd>'
        "<dt>Sources</dt><dd>2 quoted, 1 anonymous (50%)</dd>"
    ) in page
    # the most serious, each linked to its place in the findings list (which is in the same order); a missing
    # byline is a note on the page, not one of them
    serious = page[page.index("<h3>Most serious</h3>") : page.index("</section>")]
    assert re.findall(r'<code>(\w+)</code> <a href="#f(\d)">', serious) == [
        ("LNG001", "0"),
        ("SRC001", "1"),
    ]
    assert re.findall(r'<li id="f\d"><span class="sev \w+">(\w+)</span>', page) == ["error", "warning", "info"]
    claims = page[page.index("<h2>Check-worthy claims") : page.index("<h2>Who is quoted")]
    assert claims.startswith("<h2>Check-worthy claims (2, 1 attributed)</h2>")
    rows = re.findall(
        r'<tr><td class="num">([\d.]+)</td><td>([\d:@]+)</td><td class="quote">“(.*?)”</td><td>(.*?)</td>', claims
    )
    assert [(score, quote[:9], by) for score, _, quote, by in rows] == [
        ("0.55", "The ferry", '<span class="unsourced">unsourced</span>'),
        ("0.45", "Two board", 'Two board members <span class="muted">(anonymous)</span>'),
    ]
    assert '<td>Ingrid Havel <span class="muted">— Chairwoman</span></td><td>person</td>' in page


def test_report_html_summary_claims_and_who_is_quoted_in_full():
    from test_report_text import _finished, _report, _with_claims

    from presslint.report.html import render_html

    out = render_html(_with_claims())
    assert (
        '<section class="summary"><h2>Summary</h2><dl><dt>Findings</dt><dd>4: 1 error, 1 warning, 2 info</dd>'
        "<dt>Claims</dt><dd>3 check-worthy, 1 attributed to a source, "
        '<span class="unsourced">2 unsourced</span></dd><dt>Sources</dt><dd>1 quoted, 1 anonymous (100%)</dd>'
        "<dt>Loaded language</dt><dd>55.6 per 1,000 words (1 LNG finding in 18 words)</dd></dl>"
    ) in out
    assert (
        "<h2>Check-worthy claims (3, 1 attributed)</h2><table><tr><th>score</th><th>where</th><th>claim</th>"
        '<th>source</th></tr><tr><td class="num">0.81</td><td>@87</td><td class="quote">“Fares rise in May.”</td>'
        '<td><span class="unsourced">unsourced</span></td></tr><tr><td class="num">0.62</td><td>3:1</td>'
        '<td class="quote">“Two officials said fares would rise.”</td><td>Two officials '
        '<span class="muted">(anonymous)</span></td></tr>'
    ) in out
    assert "<h2>Who is quoted (1 source, 1 anonymous)</h2>" in out
    empty = render_html(_finished(_report()))
    assert (
        "<dl><dt>Findings</dt><dd>none</dd><dt>Claims</dt><dd>none found</dd><dt>Sources</dt>"
        "<dd>nobody is quoted</dd><dt>Loaded language</dt><dd>0.0 per 1,000 words (0 LNG findings in 18 words)</dd>"
        "</dl></section>"
    ) in empty
