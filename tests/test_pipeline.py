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


def _records_of(batch):
    return [{"learned": [len(text)]} for text in batch]


@pytest.mark.parametrize(
    ("texts", "batch_size"),
    [
        (["Officials said.", "The mayor resigned.", "Prices rose.", "Rain fell."], 2),
        (["Officials said.", "The mayor resigned.", "Prices rose."], 2),  # a last batch that is not full
        (["One article only."], 16),
        ([], 4),
    ],
)
def test_pipeline_batched_check_starts_the_next_batch_before_handing_on(texts, batch_size):
    """A batched check with run_batch.start works one batch ahead: batch k+1 is started before the docs of batch
    k are handed on, and every doc gets the records run_batch would give it, in order."""
    from presslint.nlp.pipeline import _Batched

    events: list[tuple[str, object]] = []

    def run_batch(batch):
        return _records_of(batch)

    def start(batch):
        events.append(("start", tuple(batch)))
        return lambda: _records_of(batch)

    run_batch.start = start  # type: ignore[attr-defined]
    written: list[tuple[str, dict]] = []

    def write(doc, records):
        written.append((doc, records))
        return doc

    out = []
    for doc in _Batched(run_batch, write).pipe(iter(texts), batch_size=batch_size):
        events.append(("out", doc))
        out.append(doc)
    assert out == texts
    assert written == [(t, {"learned": [len(t)]}) for t in texts]
    batches = [tuple(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
    assert [e for e in events if e[0] == "start"] == [("start", b) for b in batches]
    for k in range(1, len(batches)):  # batch k started before the first doc of batch k-1 came out
        assert events.index(("start", batches[k])) < events.index(("out", batches[k - 1][0]))
