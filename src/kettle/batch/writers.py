"""Write result rows batch by batch: JSON lines, CSV or Parquet (pyarrow)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from kettle.batch import OUTPUT_FORMATS
from kettle.batch.records import COLUMNS
from kettle.errors import InvalidInput

_INTS = {"messages", "customer_turns", "agent_turns", "promises_made", "promises_kept"}
_FLOATS = {"overall", "temperature_start", "temperature_end", "temperature_peak"}


class Writer:
    """A context manager: ``write(rows)`` appends a batch; closing finishes the file."""

    def __init__(self, path: Path, output_format: str) -> None:
        if output_format not in OUTPUT_FORMATS:
            raise InvalidInput(f"unknown output format {output_format!r}",
                               field="--output-format", choices=OUTPUT_FORMATS)
        self.path = path
        self.format = output_format
        self.rows = 0
        self._file: IO[str] | None = None
        self._csv: Any = None
        self._parquet: Any = None

    def __enter__(self) -> Writer:
        if self.format == "parquet":
            import pyarrow.parquet as pq

            self._parquet = pq.ParquetWriter(str(self.path), _schema())
        else:
            self._file = self.path.open("w", encoding="utf-8", newline="")
            if self.format == "csv":
                self._csv = csv.DictWriter(self._file, fieldnames=list(COLUMNS))
                self._csv.writeheader()
        return self

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.rows += len(rows)
        if self._parquet is not None:
            import pyarrow as pa

            self._parquet.write_table(pa.Table.from_pylist(rows, schema=_schema()))
        elif self._csv is not None:
            self._csv.writerows(rows)
        elif self._file is not None:
            self._file.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self._file is not None:
            self._file.close()


def _schema() -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _INTS:
            return pa.int64()
        if name in _FLOATS or name.startswith("score_"):
            return pa.float64()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in COLUMNS])
