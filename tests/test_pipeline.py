import pytest

from presslint import Settings, check
from presslint.ingest import from_text

FRENCH = """Le conseil municipal adopte le budget

Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat. Deux responsables ont
déclaré que les dépenses augmenteraient de dix pour cent, selon le journal local, qui cite des sources anonymes.
"""


@pytest.mark.model
def test_pipeline_non_english_gets_notice_and_no_findings(nlp):
    article = from_text(FRENCH, language="fr")
    report = check(article, settings=Settings(store=False), nlp=nlp)
    assert report.findings == []
    assert any(n.code == "W001" for n in report.notices)


@pytest.mark.model
def test_pipeline_unknown_date_is_said(nlp):
    report = check(
        from_text("Title\n\nThe mayor said the bridge would reopen last Thursday."),
        settings=Settings(store=False),
        nlp=nlp,
    )
    assert report.provenance.publication_date == "unknown"
    assert any(n.code == "W002" for n in report.notices)


@pytest.mark.model
def test_pipeline_date_option_is_used_and_recorded(nlp):
    report = check(from_text("Title\n\nThe mayor spoke."), settings=Settings(store=False, date="2020-05-01"), nlp=nlp)
    assert report.provenance.publication_date == "2020-05-01"
    assert report.provenance.publication_date_source == "option"


@pytest.mark.model
def test_pipeline_config_hash_changes_with_selection(nlp):
    a = Settings(store=False).config_hash()
    b = Settings(store=False, ignore=[next(iter(__import__("presslint.rules").rules.catalogue()))]).config_hash()
    assert a != b


@pytest.mark.model
def test_pipeline_headline_is_its_own_sentence(nlp):
    from presslint.nlp import prepare_doc

    article = from_text("Will the mine reopen?\nWorkers said it would stay shut.")
    doc = nlp(prepare_doc(nlp, article, None))
    assert next(s.text for s in doc.sents) == "Will the mine reopen?"
