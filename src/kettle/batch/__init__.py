"""Batch analysis of archives: reader -> pipeline -> writer, on a local or a Ray engine.

The pipeline streams: conversations are read lazily from any importer, scored in
batches by :func:`kettle.batch.records.score_record` (the engine's scorecard),
and written out batch by batch, so memory does not grow with the archive.
"""

#: Where batches run (:func:`kettle.batch.pipeline.run`). Kept here, with the
#: output formats, so that ``kettle --help`` lists them without importing the engine.
ENGINES: tuple[str, ...] = ("local", "ray")
#: Formats of the per-conversation scores (:class:`kettle.batch.writers.Writer`).
OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
