"""Training code on a tiny slice (skipped without the train extra): losses fall, the same seed gives the same
weights, a checkpoint resumes the run, the numpy heads compute what the torch heads compute."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch not installed (train extra)")
pytest.importorskip("transformers", reason="transformers not installed (train extra)")

from presslint.learned import PACKAGE_MODELS  # noqa: E402
from presslint.learned import train as T  # noqa: E402
from presslint.learned.data import Example  # noqa: E402
from presslint.learned.heads import mlp, softmax  # noqa: E402
from presslint.learned.labels import ATTRIBUTION_LABELS, PROPAGANDA_LABELS, piece_labels  # noqa: E402
from presslint.learned.windows import pieces  # noqa: E402

TOKENIZER = PACKAGE_MODELS / "presslint-minilm" / "tokenizer.json"

TEXTS = [
    (
        "attribution",
        "The mayor said the budget would be balanced next year.",
        [("source", 0, 9), ("cue", 10, 14), ("content", 15, 53)],
    ),
    (
        "attribution",
        "Aid groups warned that food supplies were running low.",
        [("source", 0, 10), ("cue", 11, 17), ("content", 18, 53)],
    ),
    ("propaganda", "This treacherous, disgraceful deal is a betrayal of every patriot.", [("propaganda", 5, 29)]),
    ("propaganda", "The committee meets on Thursday to discuss the schedule.", []),
    (
        "checkworthiness",
        "Unemployment fell to 3.5 percent last year.\nThank you all for coming tonight.",
        [(0, 43, 1), (44, 77, 0)],
    ),
]


def _tiny_base():
    from transformers import BertConfig, BertModel

    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=30522, hidden_size=384, num_hidden_layers=T.LAYERS, num_attention_heads=12, intermediate_size=64
    )
    config._attn_implementation = "eager"
    return BertModel(config).eval()


def _examples():
    out = []
    for task, text, spans in TEXTS:
        [doc] = pieces([text], TOKENIZER)
        if task == "checkworthiness":
            ranges = []
            for s, e, y in spans:
                inside = np.flatnonzero((doc.offsets[:, 0] < e) & (doc.offsets[:, 1] > s))
                ranges.append((int(inside[0]), int(inside[-1]) + 1, y))
            out.append(Example(task, text[:10], doc, None, ranges))
        else:
            labels = ATTRIBUTION_LABELS if task == "attribution" else PROPAGANDA_LABELS
            ranges = [(1, 4, 9)] if spans else [(0, 2, 8)]
            out.append(Example(task, text[:10], doc, piece_labels(doc.offsets, spans, labels), ranges))
    return out


@pytest.fixture(scope="module")
def tiny():
    base = _tiny_base()
    examples = _examples()
    states = T.cache_states(examples, base, top=T.CACHE_TOP, progress=lambda s: None)
    return base, examples, states


def test_learned_training_same_seed_same_weights(tiny, tmp_path):
    base, examples, states = tiny
    cfg = T.Config(seed=3, layers=6, top=1, epochs=2, batch_windows=2, checkpoint_every=1000)
    states1 = T.lift_states(base, states, top=1, progress=lambda s: None)
    a = T.head_arrays(T.fit(examples, states1, base, cfg, progress=lambda s: None))
    b = T.head_arrays(T.fit(examples, states1, base, cfg, progress=lambda s: None))
    c = T.head_arrays(T.fit(examples, states1, base, T.Config(**{**cfg.__dict__, "seed": 4}), progress=lambda s: None))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not all(np.array_equal(a[k], c[k]) for k in a)


def test_learned_training_loss_falls(tiny):
    base, examples, states = tiny
    cfg = T.Config(seed=0, top=0, epochs=30, batch_windows=1, lr_heads=3e-3)
    lifted = T.lift_states(base, states, top=0, progress=lambda s: None)
    net = T.build_net(base, cfg)
    before = sum(
        float(T.batch_loss(net.eval(), examples, lifted, [(i, 0)], cfg).detach()) for i in range(len(examples))
    )
    net = T.fit(examples, lifted, base, cfg, progress=lambda s: None)
    after = sum(float(T.batch_loss(net, examples, lifted, [(i, 0)], cfg).detach()) for i in range(len(examples)))
    assert after < before * 0.5


def test_learned_training_checkpoint_resumes_to_the_same_weights(tiny, tmp_path):
    base, examples, states = tiny
    cfg = T.Config(seed=1, top=0, epochs=3, batch_windows=2, checkpoint_every=2)
    lifted = T.lift_states(base, states, top=0, progress=lambda s: None)
    whole = T.head_arrays(T.fit(examples, lifted, base, cfg, progress=lambda s: None))
    ckpt = tmp_path / "run.pt"
    short = T.Config(**{**cfg.__dict__})
    T.fit(examples, lifted, base, short, checkpoint=ckpt, progress=lambda s: None)  # leaves a final checkpoint
    state = torch.load(ckpt, weights_only=False)
    assert state["step"] > 0
    resumed = T.head_arrays(T.fit(examples, lifted, base, cfg, checkpoint=ckpt, progress=lambda s: None))
    assert all(np.allclose(whole[k], resumed[k]) for k in whole)


def test_learned_training_numpy_heads_match_torch(tiny):
    base, examples, states = tiny
    cfg = T.Config(seed=0, top=0, epochs=1, batch_windows=2)
    lifted = T.lift_states(base, states, top=0, progress=lambda s: None)
    net = T.fit(examples, lifted, base, cfg, progress=lambda s: None)
    x = np.random.default_rng(0).normal(size=(5, 384)).astype(np.float32)
    with torch.no_grad():
        ref = torch.softmax(net.heads["attribution"](torch.from_numpy(x)), -1).numpy()
    ours = softmax(mlp(T.head_arrays(net), "attribution", x))
    assert np.allclose(ref, ours, atol=1e-5)
