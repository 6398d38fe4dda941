"""The local engine: batches scored in this process, or in N worker processes.

With workers, at most ``2 × workers`` batches are in flight: input is pulled
only as results are handed on, so memory stays bounded however large the
archive (``multiprocessing.Pool.imap`` would read all of it ahead).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from kettle.batch.records import score_batch

Batch = list[dict[str, Any]]


def run(batches: Iterable[Batch], *, workers: int = 1) -> Iterator[Batch]:
    """Score ``batches`` in order."""
    if workers <= 1:
        for batch in batches:
            yield score_batch(batch)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[Batch]] = deque()
        for batch in batches:
            pending.append(pool.submit(score_batch, batch))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
