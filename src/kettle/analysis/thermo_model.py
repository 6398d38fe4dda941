"""The thermometer's shipped linear heads, scored with numpy.

``data/models/thermometer.npz`` holds the weights and ``thermometer.json`` the
vocabulary and metadata; both are written by ``training/thermometer.py``. Head 0
is *hot* (angry, frustrated or annoyed; Platt-calibrated), heads 1-7 are a
softmax over :data:`~kettle.analysis.types.EMOTIONS`. Each head is linear in
three blocks: the message's vocabulary terms (words and bigrams), its dense
lexical features, and the IDF-weighted mean of static word vectors distilled
from all-MiniLM-L6-v2 (each word embedded alone, reduced by PCA, stored int8).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from kettle.analysis.features import DENSE
from kettle.analysis.types import EMOTIONS
from kettle.errors import ModelError

Array = npt.NDArray[np.float32]
#: Numbers in a tier's heat scale: mean and deviation of the hot logit, the
#: negativity and the anger logit, the anger logit's weight in the heat score,
#: then the squash's ``k`` and ``s0``.
HEAT_SCALE_SIZE = 9


def _row_sums(values: Array, lengths: list[int]) -> Array:
    """Sums of consecutive runs of rows of ``values`` (run ``i`` has ``lengths[i]`` rows)."""
    ends = np.cumsum(lengths)
    cumulative = np.zeros((values.shape[0] + 1, *values.shape[1:]), dtype=np.float64)
    np.cumsum(values, axis=0, out=cumulative[1:])
    sums: Array = (cumulative[ends] - cumulative[ends - np.asarray(lengths)]).astype(np.float32)
    return sums


def _flat(rows: list[list[int]]) -> tuple[npt.NDArray[np.int64], list[int]]:
    lengths = [len(row) for row in rows]
    return np.fromiter((i for row in rows for i in row), np.int64, sum(lengths)), lengths


def pool(vectors: Array, weight: Array, word_ids: list[list[int]]) -> Array:
    """IDF-weighted mean of the rows of ``vectors`` named by each message's word ids."""
    flat, lengths = _flat(word_ids)
    w = weight[flat]
    total = _row_sums(w[:, None], lengths)
    summed = _row_sums(vectors[flat] * w[:, None], lengths)
    return (summed / np.maximum(total, 1e-6)).astype(np.float32)


@dataclass(frozen=True, slots=True)
class Heads:
    vocab: dict[str, int]
    terms: Array  # (V, 8)
    dense: Array  # (D, 8)
    bias: Array  # (8,)
    mean: Array  # (D,)
    scale: Array  # (D,)
    slope: float
    intercept: float
    words: dict[str, int]
    vectors: Array  # (W, E) static word vectors distilled from all-MiniLM-L6-v2
    weight: Array  # (W,) pooling weight of each word (its IDF on the training set)
    static: Array  # (E, 8)
    static_mean: Array  # (E,)
    static_scale: Array  # (E,)
    heat_scale: Array  # see HEAT_SCALE_SIZE

    projected: Array  # (W, 8): each word vector, standardised, through the static weights
    offset: Array  # (8,): what the standardisation subtracts, through the static weights
    #: The dense weights with the standardisation folded in, for one message:
    #: ``row @ folded + folded_bias`` is ``((row - mean) / scale) @ dense + bias - offset``.
    folded: Array  # (D, 8)
    folded_bias: Array  # (8,)

    def ids(self, terms: list[str]) -> list[int]:
        found = set(map(self.vocab.get, terms))
        found.discard(None)
        return list(found)  # type: ignore[arg-type]

    def word_ids(self, toks: list[str]) -> list[int]:
        found = set(map(self.words.get, toks))
        found.discard(None)
        return list(found)  # type: ignore[arg-type]

    def margins(self, ids: list[list[int]], dense: Array, word_ids: list[list[int]]) -> Array:
        """Raw scores (n, 8) for n messages given their term ids, dense rows and words.

        The static block is linear in the pooled vector, so it is computed from
        the words' pre-projected rows: the same result as pooling the vectors
        first, at an eighth of the cost.
        """
        out = ((dense - self.mean) / self.scale) @ self.dense + self.bias - self.offset
        out = out + pool(self.projected, self.weight, word_ids)
        flat, lengths = _flat(ids)
        return (out + _row_sums(self.terms[flat], lengths)).astype(np.float32)

    def margins_one(self, ids: list[int], dense: list[float], word_ids: list[int]) -> Array:
        """:meth:`margins` of one message, shape (1, 8), without the batch's bookkeeping.

        The same sums in a different order (float32 rounding apart): a
        single message pays numpy's per-call overhead, not its arithmetic, so
        this path makes a few whole-array calls instead of the batch's twenty.
        """
        out = np.asarray(dense, dtype=np.float32) @ self.folded + self.folded_bias
        if word_ids:
            weight = self.weight.take(word_ids)
            pooled = weight @ self.projected.take(word_ids, axis=0)
            out += pooled / max(float(weight.sum()), 1e-6)
        if ids:
            out += self.terms.take(ids, axis=0).sum(axis=0)
        result: Array = out[None, :].astype(np.float32)
        return result

    def probabilities_one(self, margins: Array) -> tuple[float, list[float]]:
        """:meth:`probabilities` of one message's margins (1, 8), in plain floats."""
        row: list[float] = margins[0].tolist()
        logit = self.slope * row[0] + self.intercept
        # The logistic function, written so that math.exp cannot overflow.
        hot = (1.0 / (1.0 + math.exp(-logit)) if logit >= 0
               else math.exp(logit) / (1.0 + math.exp(logit)))
        top = max(row[1:])
        raised = [math.exp(value - top) for value in row[1:]]
        total = sum(raised)
        return hot, [value / total for value in raised]

    def probabilities(self, margins: Array) -> tuple[Array, Array]:
        """Calibrated hot probability (n,) and emotion probabilities (n, 7)."""
        return probabilities(margins, self.slope, self.intercept)


def probabilities(margins: Array, slope: float, intercept: float) -> tuple[Array, Array]:
    """Raw outputs (n, 8) -> Platt-calibrated hot (n,) and the emotions' softmax (n, 7)."""
    hot = 1.0 / (1.0 + np.exp(-(slope * margins[:, 0] + intercept)))
    emo = margins[:, 1:]
    emo = np.exp(emo - emo.max(axis=1, keepdims=True))
    emo /= emo.sum(axis=1, keepdims=True)
    return hot.astype(np.float32), emo.astype(np.float32)


@lru_cache(maxsize=1)
def heads() -> Heads:
    """Load the shipped heads once."""
    folder = resources.files("kettle.analysis") / "data" / "models"
    try:
        meta = json.loads((folder / "thermometer.json").read_text(encoding="utf-8"))
        with (folder / "thermometer.npz").open("rb") as handle, np.load(handle) as arrays:
            data = {k: np.asarray(arrays[k], dtype=np.float32) for k in arrays.files}
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"the thermometer model files are missing or corrupt: {exc}") from None
    if (tuple(meta.get("dense", ())) != DENSE or tuple(meta.get("heads", ()))[1:] != EMOTIONS
            or data.get("temperature", np.zeros(0)).shape != (HEAT_SCALE_SIZE,)):
        raise ModelError("the thermometer model was trained on other features; retrain it")
    vectors = data["vectors"] * data["vector_scale"][:, None]
    static = data["static"] / data["static_scale"][:, None]
    return Heads(
        vocab={t: i for i, t in enumerate(meta["vocab"])},
        terms=data["terms"],
        dense=data["dense"],
        bias=data["bias"],
        mean=data["dense_mean"],
        scale=data["dense_scale"],
        slope=float(data["calibration"][0]),
        intercept=float(data["calibration"][1]),
        words={w: i for i, w in enumerate(meta["words"])},
        vectors=vectors.astype(np.float32),
        weight=data["word_weight"],
        static=data["static"],
        static_mean=data["static_mean"],
        static_scale=data["static_scale"],
        heat_scale=data["temperature"],
        projected=(vectors @ static).astype(np.float32),
        offset=(data["static_mean"] @ static).astype(np.float32),
        folded=(data["dense"] / data["dense_scale"][:, None]).astype(np.float32),
        folded_bias=(data["bias"] - (data["static_mean"] @ static)
                     - (data["dense_mean"] / data["dense_scale"]) @ data["dense"]
                     ).astype(np.float32),
    )
