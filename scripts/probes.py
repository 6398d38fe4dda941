"""Measurements behind notes in docs/evaluation.md that no `kettle eval` figure gives.

    .venv/bin/python scripts/probes.py relief          # about 15 seconds
    .venv/bin/python scripts/probes.py forecast-tier   # about 3 minutes on 2 cores
    .venv/bin/python scripts/probes.py word-rules      # about 20 seconds
    .venv/bin/python scripts/probes.py intensity-after # about 15 seconds

``relief``: on GoEmotions train and dev (``train_ok``), the messages where a
grievance signal fires: the share of their gold emotions that map to relief,
beside the default tier's mean relief probability (were signals evidence
against relief, the gold share would be lower).

``forecast-tier``: the boil-over forecast's features with the accurate tier's
readings swapped in, standardised on the STC-3 md5-training half as
``training/forecast.py`` does, scored on the held-out half (the weak
"boiled" label) and, for the swaps named with ``--cga``, on CGA-CMV.

``word-rules``: over every shared customer text (the temperature sets and the
customer turns of the dialogues), how many state a wait (by the strain it adds,
D25), how many are read as the customer's own slip and capped (D25), and how
many name a feeling (by the emotion, D27), by set.

``intensity-after``: on ESConv dialogues, the Spearman correlation with the
seeker's intensity after the chat of the temperature (and of VADER's negated
compound) averaged over the seeker's turns from a fraction of the way in
(0 = every turn, 0.5 = the later half, which ``kettle eval conversations``
scores), of a "distress" share (1 − relief − neutral), and of the intensity
before the chat; then the later-half scores by the dialogue's emotion type (types with 20
dialogues or more).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KETTLE_DATA_DIR", ROOT.parent / "shared" / "data")) / "eval"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

GRIEVANCE = frozenset({"service_failure", "sarcasm", "repeat_contact", "cancel_threat",
                       "legal_threat", "public_threat", "manager_demand", "hang_up"})
DIALOGUES = ("stc3_dch1", "cga_cmv")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def relief() -> None:
    from thermometer import MAPPING

    from kettle.analysis import read_many
    from kettle.analysis.types import EMOTIONS

    rows = [*_rows(DATA / "temperature/goemotions_train.jsonl"),
            *_rows(DATA / "temperature/goemotions_dev.jsonl")]
    gold: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    n = 0
    for row, reading in zip(rows, read_many([r["text"] for r in rows]), strict=True):
        mapped = {MAPPING[e] for e in row["emotions"] if e in MAPPING}
        if not mapped or not {s.kind for s in reading.signals} & GRIEVANCE:
            continue
        n += 1
        for emotion in mapped:
            gold[emotion] += 1 / len(mapped)
        predicted.update(reading.emotions)
    print(json.dumps({"n": n, **{e: {"gold": round(gold[e] / n, 3),
                                     "predicted": round(predicted[e] / n, 3)}
                                 for e in EMOTIONS}}))


def _encode(texts: list[str]) -> dict[str, tuple[float, list[float]]]:
    from kettle.analysis.conversation import clean_text
    from kettle.analysis.thermo_accurate import encoder

    model = encoder()
    out = {}
    for text in texts:
        hot, emotions = model.probabilities([clean_text(text)])
        out[text] = (float(hot[0]), [float(x) for x in emotions[0]])
    return out


def _swapped(feats: dict[str, float], texts: list[str], kind: str,
             accurate: dict[str, tuple[float, list[float]]]) -> dict[str, float]:
    from kettle.analysis import forecast
    from kettle.analysis.types import EMOTIONS

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    out = dict(feats)
    hot = [accurate[t][0] for t in texts]
    anger = [accurate[t][1][EMOTIONS.index("anger")] for t in texts]
    frustration = [accurate[t][1][EMOTIONS.index("frustration")] for t in texts]
    hostile = [a + f for a, f in zip(anger, frustration, strict=True)]
    if "hot" in kind.split("+"):
        out.update(hot_mean=mean(hot), hot_recent=mean(hot[-2:]), hot_slope=forecast._slope(hot))
    for name, values in (("hos", hostile), ("ang", anger)):
        if name in kind.split("+"):
            out.update(hostility_mean=mean(values), hostility_recent=mean(values[-2:]))
    return out


def forecast_tier(kinds: list[str], cga: list[str]) -> None:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    from kettle.analysis import forecast
    from kettle.analysis.conversation import as_turns
    from kettle.evaluation.conversations import conversation_features

    sets = {}
    for name in DIALOGUES:
        rows = _rows(DATA / f"conversations/{name}.jsonl")
        convs = [as_turns(r["turns"]) for r in rows]
        texts = [[t.text for t in c if t.role in ("customer", "other") and t.text.strip()]
                 for c in convs]
        sets[name] = (rows, conversation_features(convs, reviews=True), texts)
    unique = sorted({t for _, _, texts in sets.values() for ts in texts for t in ts})
    accurate: dict[str, tuple[float, list[float]]] = {}
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for part in pool.map(_encode, [unique[i::8] for i in range(8)]):
            accurate.update(part)
    prior = np.array([forecast.PRIOR_WEIGHTS[n] for n in forecast.FEATURES])

    def matrix(name: str, kind: str) -> Any:
        _, feats, texts = sets[name]
        rows = [_swapped(f, t, kind, accurate) for f, t in zip(feats, texts, strict=True)]
        return np.array([[f[n] for n in forecast.FEATURES] for f in rows])

    rows = sets["stc3_dch1"][0]
    boiled = np.array([r["outcome"]["satisfaction"] <= -1 for r in rows])
    train = np.array([hashlib.md5(str(r["id"]).encode()).digest()[-1] % 2 == 0 for r in rows])
    derailed = np.array([r["outcome"]["derailed"] for r in sets["cga_cmv"][0]])
    for kind in kinds:
        x = matrix("stc3_dch1", kind)
        mean, scale = x[train].mean(axis=0), np.maximum(x[train].std(axis=0), 0.02)
        summed = (((x - mean) / scale) * prior).sum(axis=1)
        result = {"swap": kind, "stc3_held_out_auroc": round(
            float(roc_auc_score(boiled[~train], summed[~train])), 4)}
        if kind in cga:
            z = (((matrix("cga_cmv", kind) - mean) / scale) * prior).sum(axis=1)
            result["cga_auroc_derailed"] = round(float(roc_auc_score(derailed, z)), 4)
        print(json.dumps(result))


def word_rules() -> None:
    from kettle.analysis.signals import detect
    from kettle.analysis.thermo_feelings import named_feeling
    from kettle.analysis.thermometer import _said_mild_words, said_mildly
    from kettle.analysis.waits import wait_strain

    texts: list[tuple[str, str]] = []
    for path in sorted((DATA / "temperature").glob("*.jsonl")):
        texts += [(path.stem, row["text"]) for row in _rows(path)]
    for path in sorted((DATA / "conversations").glob("*.jsonl")):
        texts += [(path.stem, turn["text"]) for row in _rows(path) for turn in row["turns"]
                  if turn["role"] == "customer"]
    waits: Counter[str] = Counter()
    slips: Counter[str] = Counter()
    feelings: Counter[str] = Counter()
    for source, text in texts:
        if strain := wait_strain(text):
            waits[f"{source} {strain}"] += 1
        if said_mildly(text, detect(text)) and not _said_mild_words(text):
            slips[source] += 1
        if (feeling := named_feeling(text)) is not None:
            feelings[f"{source} {feeling.emotion}"] += 1
    print(json.dumps({"texts": len(texts), "waits": sum(waits.values()),
                      "own_slips": sum(slips.values()), "named_feelings": sum(feelings.values()),
                      "by_set": {"waits": dict(sorted(waits.items())),
                                 "own_slips": dict(sorted(slips.items())),
                                 "named_feelings": dict(sorted(feelings.items()))}}, indent=1))


def _later(values: list[float], frac: float) -> float:
    tail = values[int(len(values) * frac):] or values[-1:]
    return sum(tail) / len(tail) if tail else 0.0


def intensity_after() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from kettle.analysis.conversation import as_turns
    from kettle.evaluation.conversations import _customer_texts, _read_all
    from kettle.evaluation.metrics import spearman

    rows = [r for r in _rows(DATA / "conversations/esconv_dialogues.jsonl")
            if r["outcome"].get("intensity_after") is not None]
    convs = [as_turns(r["turns"]) for r in rows]
    readings = _read_all(convs)
    temps = [[x.temperature for x in rs] for rs in readings]
    distress = [[1 - x.emotions["relief"] - x.emotions["neutral"] for x in rs]
                for rs in readings]
    vader = SentimentIntensityAnalyzer()
    negs = [[-vader.polarity_scores(t)["compound"] for t in _customer_texts(c)] for c in convs]
    gold = [float(r["outcome"]["intensity_after"]) for r in rows]

    def rho(series: list[list[float]], frac: float, idx: list[int]) -> float:
        return round(spearman([_later(series[i], frac) for i in idx],
                              [gold[i] for i in idx]), 4)

    every = list(range(len(rows)))
    out: dict[str, Any] = {"n": len(rows), "intensity_before": round(spearman(
        [float(r["outcome"].get("intensity_before") or 0) for r in rows], gold), 4)}
    for frac in (0.0, 0.25, 0.5, 0.75):
        out[f"from {frac}"] = {"temperature": rho(temps, frac, every),
                               "distress": rho(distress, frac, every),
                               "vader": rho(negs, frac, every)}
    kinds = Counter(str(r["outcome"].get("emotion_type")) for r in rows)
    for kind, n in kinds.most_common():
        if n < 20:
            continue
        idx = [i for i, r in enumerate(rows) if str(r["outcome"].get("emotion_type")) == kind]
        out[f"later half, {kind} ({n})"] = {"temperature": rho(temps, 0.5, idx),
                                            "vader": rho(negs, 0.5, idx)}
    print(json.dumps(out, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", choices=("relief", "forecast-tier", "word-rules",
                                                 "intensity-after"))
    parser.add_argument("--swaps", nargs="+", default=["none", "hot", "hos", "ang", "hot+hos",
                                                        "hot+ang"])
    parser.add_argument("--cga", nargs="*", default=["none", "hot"],
                        help="the swaps also scored on CGA-CMV")
    args = parser.parse_args()
    if args.probe == "relief":
        relief()
    elif args.probe == "word-rules":
        word_rules()
    elif args.probe == "intensity-after":
        intensity_after()
    else:
        forecast_tier(args.swaps, args.cga)


if __name__ == "__main__":
    main()
