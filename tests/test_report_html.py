from presslint.model import Article, Finding, Provenance, Report, Source, Span
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
