"""Root-cause mining: group the customers' issues into a Pareto, with recurrence over time.

Offline and numpy-only (decision D in docs/decisions.md): each issue text
becomes a TF-IDF-weighted, L2-normalised vector of hashed word unigrams and
bigrams; a truncated SVD (numpy) gives dense "embeddings"; seeded k-means++
groups them; each group is named by its top keywords (TF-IDF mass inside the
group against the whole). Deterministic: the same issues give the same groups.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

DIM = 2048
COMPONENTS = 48
_WORD = re.compile(r"[a-z][a-z'’]{2,}")
#: "@China Unicom Customer Service in Guangdong", "@AppleSupport": who was addressed,
#: not what went wrong.
_MENTION = re.compile(r"@\s?[A-Z0-9][\w-]*(?:\s+(?:in\s+)?[A-Z0-9][\w-]*)*")
_STOP_WORDS = """the and for you your with this that have has had was were are but not all any can
    our out just get got been from they them their there what when which will would could
    should about into than then its it's i'm i've don't didn't can't won't isn't wasn't
    please thanks thank hello dear hi still again very really also even now today time
    one two three day days week weeks month months year years ago said told tell know
    want need going make made way back because some more much many why how who where
    does did doing done being here yes yet only over after before other same another
    every each ever never always like something anything nothing someone anyone
    customer service support staff hotline company"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class RootCause:
    label: str
    keywords: tuple[str, ...]
    count: int
    share: float
    by_period: dict[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()


def tokens(text: str) -> list[str]:
    words = [w for w in _WORD.findall(_MENTION.sub(" ", text).lower()) if w not in _STOP]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % DIM


def vectors(docs: Sequence[list[str]]) -> np.ndarray:
    """TF-IDF on hashed terms, rows L2-normalised."""
    tf = np.zeros((len(docs), DIM), dtype=np.float32)
    for i, terms in enumerate(docs):
        for term, n in Counter(terms).items():
            tf[i, _bucket(term)] += n
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    weighted = np.log1p(tf) * idf.astype(np.float32)
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    out: np.ndarray = weighted / np.maximum(norms, 1e-9)
    return out


def embed(matrix: np.ndarray) -> np.ndarray:
    """Truncated SVD to at most :data:`COMPONENTS` dimensions, rows re-normalised."""
    k = min(COMPONENTS, min(matrix.shape) - 1)
    if k < 2:
        return matrix
    _, _, vt = np.linalg.svd(matrix - matrix.mean(axis=0), full_matrices=False)
    dense = matrix @ vt[:k].T
    out: np.ndarray = dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-9)
    return out


def kmeans(points: np.ndarray, k: int, *, seed: int = 0, rounds: int = 30) -> np.ndarray:
    """Labels from k-means++ seeding and Lloyd iterations (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        dist = np.min([((points - c) ** 2).sum(axis=1) for c in centres], axis=0)
        total = float(dist.sum())
        pick = rng.choice(len(points), p=dist / total) if total > 0 else rng.integers(len(points))
        centres.append(points[pick])
    centre = np.array(centres)
    labels = np.zeros(len(points), dtype=int)
    for _ in range(rounds):
        new = np.argmin(((points[:, None, :] - centre[None, :, :]) ** 2).sum(axis=2), axis=1)
        if (new == labels).all() and _ > 0:
            break
        labels = new
        for j in range(k):
            members = points[labels == j]
            if len(members):
                centre[j] = members.mean(axis=0)
    return labels


def mine(
    issues: Sequence[tuple[str, str | None]], *, k: int | None = None, keywords: int = 4
) -> list[RootCause]:
    """Group ``(issue text, period)`` pairs; the Pareto of root causes, largest first."""
    kept = [(t, p, tokens(t)) for t, p in issues if t and t.strip()]
    kept = [(t, p, toks) for t, p, toks in kept if toks]
    if not kept:
        return []
    k = k or max(2, min(12, round(len(kept) ** 0.5 / 2)))
    k = min(k, len(kept))
    labels = kmeans(embed(vectors([toks for _, _, toks in kept])), k)
    df = Counter(term for _, _, toks in kept for term in set(toks))
    out = [_cause([kept[i] for i in np.flatnonzero(labels == j)], df, len(kept), keywords)
           for j in range(k) if (labels == j).any()]
    return sorted(out, key=lambda c: (-c.count, c.label))


def _cause(
    members: list[tuple[str, str | None, list[str]]], df: Counter[str], total: int, top: int
) -> RootCause:
    mass: Counter[str] = Counter()
    for _, _, toks in members:
        for term in set(toks):
            mass[term] += 1
    idf = {t: np.log((1 + total) / (1 + df[t])) + 1.0 for t in mass}
    ranked = sorted(mass, key=lambda t: (-mass[t] * idf[t] * (1.2 if " " in t else 1.0), t))
    words: list[str] = []
    for term in ranked:
        if not any(term in w or w in term for w in words):
            words.append(term)
        if len(words) == top:
            break
    periods = Counter(p for _, p, _ in members if p)
    return RootCause(
        label=" / ".join(words[:2]) or "(no words)", keywords=tuple(words),
        count=len(members), share=len(members) / total,
        by_period=dict(sorted(periods.items())),
        examples=tuple(t[:160] for t, _, _ in members[:3]),
    )
