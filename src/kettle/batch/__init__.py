"""Batch analysis of archives: reader -> pipeline -> writer, on a local or a Ray engine.

The pipeline streams: conversations are read lazily from any importer, scored in
batches by :func:`kettle.batch.records.score_record` (the engine's scorecard),
and written out batch by batch, so memory does not grow with the archive.
"""
