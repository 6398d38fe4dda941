"""The Ray engine: the same scoring, run by Ray Data on a local or remote cluster.

Conversations go to Ray as JSON strings (one column), in chunks of a few
batches, so the driver holds only a chunk at a time; each chunk is a Ray
Dataset mapped with :func:`kettle.batch.records.score_batch` by ``workers``
concurrent tasks, order preserved. ``address`` joins an existing cluster
(``ray://host:10001`` or ``auto``); without it a local cluster of ``workers``
CPUs is started. Ray is an optional extra: ``pip install 'kettle[ray]'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from kettle.batch.records import score_batch
from kettle.errors import InvalidInput

Batch = list[dict[str, Any]]
#: Batches per Ray Dataset: enough to keep every worker busy, few enough to stay small.
BATCHES_PER_CHUNK = 8


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise InvalidInput("the Ray engine needs Ray: pip install 'kettle[ray]'",
                           field="--engine") from None
    return ray


def _score_column(batch: dict[str, Any]) -> dict[str, list[str]]:
    convs = [json.loads(text) for text in batch["conv"]]
    return {"row": [json.dumps(row) for row in score_batch(convs)]}


def connect(*, address: str | None, workers: int) -> Any:
    ray = _import_ray()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(workers, 1), include_dashboard=False, log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    return ray


def run(
    batches: Iterable[Batch], *, workers: int = 1, address: str | None = None
) -> Iterator[Batch]:
    """Score ``batches`` on Ray Data, in order."""
    ray = connect(address=address, workers=workers)
    chunk: list[Batch] = []
    for batch in batches:
        chunk.append(batch)
        if len(chunk) >= BATCHES_PER_CHUNK:
            yield from _chunk(ray, chunk, workers)
            chunk = []
    if chunk:
        yield from _chunk(ray, chunk, workers)


def _chunk(ray: Any, chunk: list[Batch], workers: int) -> Iterator[Batch]:
    sizes = [len(b) for b in chunk]
    items = [{"conv": json.dumps(c)} for batch in chunk for c in batch]
    size = max(1, -(-len(items) // max(workers, 1)))
    ds = ray.data.from_items(items).map_batches(
        _score_column, batch_size=min(size, max(sizes)), concurrency=max(workers, 1),
        batch_format="numpy",
    )
    rows = [json.loads(r["row"]) for r in ds.take_all()]
    at = 0
    for n in sizes:
        yield rows[at : at + n]
        at += n
