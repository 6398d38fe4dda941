"""reader -> pipeline -> writer: score an archive of any size, batch by batch.

:func:`run` reads conversations lazily with an importer, groups them into
batches, hands the batches to an engine (``local`` or ``ray``), writes each
scored batch as it comes back, and feeds every row to the ``on_rows`` callback
(the QA report's accumulator, a progress bar). Nothing holds the whole archive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from kettle.batch import ENGINES
from kettle.batch.writers import Writer
from kettle.errors import InvalidInput
from kettle.integrations.importers import read

Batch = list[dict[str, Any]]


@dataclass(frozen=True)
class Summary:
    conversations: int
    messages: int
    errors: int
    output: Path


def batches_of(path: str | Path, *, format: str | None, size: int) -> Iterator[Batch]:
    """Lists of conversation dicts (with ``source`` and ``agent``) of at most ``size``."""
    stream = (dict(c.to_dict(), source=c.source) for c in read(path, format=format))
    while batch := list(islice(stream, size)):
        yield batch


def scored(batches: Iterable[Batch], *, engine: str, workers: int,
           address: str | None) -> Iterator[Batch]:
    if engine == "local":
        from kettle.batch import local

        return local.run(batches, workers=workers)
    if engine == "ray":
        from kettle.batch import ray_engine

        return ray_engine.run(batches, workers=workers, address=address)
    raise InvalidInput(f"unknown engine {engine!r}", field="--engine", choices=ENGINES)


def run(
    path: str | Path,
    output: Path,
    *,
    format: str | None = None,
    output_format: str = "jsonl",
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    batch_size: int = 256,
    on_rows: Callable[[Batch], None] | None = None,
) -> Summary:
    """Score every conversation of ``path`` into ``output``; returns the counts."""
    if workers < 1:
        raise InvalidInput("--workers must be at least 1", field="--workers")
    conversations = messages = errors = 0
    with Writer(output, output_format) as writer:
        source = batches_of(path, format=format, size=batch_size)
        for rows in scored(source, engine=engine, workers=workers, address=address):
            writer.write(rows)
            conversations += len(rows)
            messages += sum(int(r["messages"] or 0) for r in rows)
            errors += sum(r["error"] is not None for r in rows)
            if on_rows is not None:
                on_rows(rows)
    return Summary(conversations, messages, errors, output)
