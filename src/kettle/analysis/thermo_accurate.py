"""The thermometer's *accurate* tier: all-MiniLM-L6-v2 fine-tuned on GoEmotions, int8 ONNX.

``data/models/thermometer_accurate.onnx`` is written by
``training/thermometer_accurate.py``; ``thermometer_accurate.json`` holds its
Platt calibration and temperature scale, and ``minilm_tokenizer.json`` the
tokenizer. It gives the same eight outputs as the default tier's linear heads
(:mod:`kettle.analysis.thermo_model`): a hot logit and seven emotion logits.
It runs through onnxruntime on the CPU; torch is not needed. Slower than the
default tier (see docs/performance.md), more accurate (docs/evaluation.md).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from kettle.analysis.thermo_model import HEAT_SCALE_SIZE, probabilities
from kettle.analysis.types import EMOTIONS
from kettle.errors import InvalidInput, ModelError

Array = npt.NDArray[np.float32]


def logits_alone(session: Any, ids: Sequence[Sequence[int]]) -> Array:
    """The graph's outputs (n, 8) for token ids, one message per call.

    Dynamic int8 quantisation scales activations per call, so in a batch a
    message's reading would depend on its neighbours; alone it does not, and
    on one core it costs little (docs/performance.md). Training calibrates on
    this same path.
    """
    out = np.zeros((len(ids), 1 + len(EMOTIONS)), dtype=np.float32)
    for i, row in enumerate(ids):
        input_ids = np.asarray([row], dtype=np.int64)
        feeds = {"input_ids": input_ids, "attention_mask": np.ones_like(input_ids)}
        out[i] = session.run(None, feeds)[0][0]
    return out


@dataclass(frozen=True, slots=True)
class Encoder:
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    slope: float
    intercept: float
    heat_scale: Array

    def logits(self, texts: list[str]) -> Array:
        """Raw outputs (n, 8): the hot logit, then the seven emotion logits."""
        return logits_alone(self.session, [e.ids for e in self.tokenizer.encode_batch(texts)])

    def probabilities(self, texts: list[str]) -> tuple[Array, Array]:
        """Calibrated hot probability (n,) and emotion probabilities (n, 7)."""
        return probabilities(self.logits(texts), self.slope, self.intercept)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """Load the accurate tier once (about half a second)."""
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - both are declared dependencies
        raise ModelError(f"the accurate tier needs onnxruntime and tokenizers: {exc}") from None
    folder = resources.files("kettle.analysis") / "data" / "models"
    options = ort.SessionOptions()
    options.log_severity_level = 3
    # One thread per message by default: API requests already run in parallel
    # threads; 0 lets onnxruntime use every core for each call.
    options.intra_op_num_threads = _threads()
    try:
        meta = json.loads((folder / "thermometer_accurate.json").read_text(encoding="utf-8"))
        graph = (folder / "thermometer_accurate.onnx").read_bytes()
        tokenizer = Tokenizer.from_str((folder / "minilm_tokenizer.json").read_text("utf-8"))
        session = ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
        tokenizer.enable_truncation(int(meta["max_tokens"]))
        tokenizer.no_padding()
        slope, intercept = (float(v) for v in meta["calibration"])
        scale = np.asarray(meta["heat_scale"], dtype=np.float32)
        heads = tuple(meta.get("heads", ()))
    # onnxruntime's own errors (InvalidProtobuf, Fail…) derive from Exception only.
    except Exception as exc:
        raise ModelError(f"the accurate thermometer model is missing or corrupt: {exc}") from None
    if heads[1:] != EMOTIONS or scale.shape != (HEAT_SCALE_SIZE,):
        raise ModelError("the accurate thermometer was trained on other outputs; retrain it")
    return Encoder(session, tokenizer, slope, intercept, scale)


def _threads() -> int:
    raw = os.environ.get("KETTLE_ONNX_THREADS", "1")
    if not raw.strip().isdigit():
        raise InvalidInput(f"KETTLE_ONNX_THREADS must be a whole number >= 0, not {raw!r}",
                           field="KETTLE_ONNX_THREADS")
    return int(raw)
