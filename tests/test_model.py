from presslint.model import Article, Finding, Provenance, Quote, Report, Source, Span


def _report() -> Report:
    text = "Headline here\n\nTwo officials said the plan failed."
    prov = Provenance("0.1.0", "m", "1", "0" * 64, "abc", "2021-01-01", "option", "1" * 64, "now")
    span = Span.between(text, 15, 28)
    return Report(
        article=Article(text=text, title="Headline here", title_span=(0, 13)),
        provenance=prov,
        findings=[Finding("SRC001", "warning", "anonymous", span, related=[Span.between(text, 29, 33)])],
        sources=[Source(0, "Two officials", "anonymous", [span], count=2)],
        quotes=[Quote("indirect", Span.between(text, 29, 33), Span.between(text, 34, 50), speaker=span, source_id=0)],
    )


def test_model_report_round_trips_through_dict():
    report = _report()
    again = Report.from_dict(report.to_dict())
    assert again == report
    assert again.article.title_span == (0, 13)
    assert isinstance(again.findings[0].span, Span)


def test_model_span_between_takes_text():
    assert Span.between("abcdef", 1, 3).text == "bc"


def test_model_body_start_skips_headline_and_blank_line():
    article = Article(text="Title\n\nBody.", title="Title", title_span=(0, 5))
    assert article.text[article.body_start :] == "Body."
