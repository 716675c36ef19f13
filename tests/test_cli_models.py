"""`presslint models` and `presslint train` on the command line (no training here: see test_learned_training)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from presslint import learned
from presslint.cli import main

pytestmark = pytest.mark.skipif(not learned.available(), reason="learned model folder missing from the package")


def test_cli_models_lists_the_shipped_model_and_its_heads():
    result = CliRunner().invoke(main, ["models"])
    assert result.exit_code == 0, result.output
    assert "presslint-minilm" in result.output and "(in use)" in result.output
    for head in ("attribution", "propaganda", "checkworthiness"):
        assert f"  {head}: " in result.output
    assert "presslint train all" in result.output


@pytest.mark.parametrize("card", ["encoder", "attribution", "propaganda", "checkworthiness"])
def test_cli_models_prints_each_card(card):
    result = CliRunner().invoke(main, ["models", "--card", card])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# presslint-minilm")
    assert "Rebuild: `presslint train all" in result.output


def test_cli_models_json_records_files_and_hashes():
    result = CliRunner().invoke(main, ["models", "--format", "json"])
    rows = json.loads(result.output)
    files = rows[0]["files"]
    assert set(files) == {"encoder.int8.onnx", "tokenizer.json", "heads.npz"}
    assert all(f["bytes"] < 50_000_000 and len(f["sha256"]) == 64 for f in files.values())


def test_cli_models_unknown_card_is_an_error():
    result = CliRunner().invoke(main, ["models", "--card", "stance"])
    assert result.exit_code != 0
    assert "E311: No model card 'stance'" in result.output


def test_cli_train_rejects_an_unknown_task(tmp_path):
    result = CliRunner().invoke(main, ["train", "stance", str(tmp_path)])
    assert result.exit_code == 2
