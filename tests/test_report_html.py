import html

import pytest

from presslint.model import Article, Finding, Notice, Provenance, Report, Source, Span
from presslint.report import render

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
