"""Naive peers for `kettle eval promises --baselines`, measured in the same run.

* ``keyword``: every sentence with "I'll / I will / we will / we'll / shall /
  let me" is one commitment (its action is the whole sentence), with no due time;
  "soon"/"asap"/"as soon as possible" make it vague.
* ``keyword_dateparser``: the same sentences, with the first date that
  ``dateparser.search.search_dates`` finds in the sentence (relative to the row's
  sent_at, in its zone, preferring the future) as the due time. Only when the
  optional ``dateparser`` package is installed (an evaluation-only peer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kettle.analysis.conversation import parse_time

Predicted = tuple[str, datetime | None, bool]

_SENTENCE = re.compile(r"[^.!?~\n]+[.!?~]*")
_KEYWORD = re.compile(r"\b(?:I|we)(?:['’]ll|\s+will|\s+shall)\b|\blet\s+me\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:soon|asap|as\s+soon\s+as\s+possible|shortly)\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if _KEYWORD.search(s)]


def keyword(row: dict[str, Any]) -> list[Predicted]:
    return [(s, None, bool(_VAGUE.search(s))) for s in _sentences(row["text"])]


def keyword_dateparser(row: dict[str, Any]) -> list[Predicted]:
    from dateparser.search import search_dates

    sent = parse_time(row["sent_at"])
    zone = ZoneInfo(row["tz"])
    assert sent is not None
    settings = {
        "RELATIVE_BASE": sent.astimezone(zone).replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "TIMEZONE": row["tz"],
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    out: list[Predicted] = []
    for sentence in _sentences(row["text"]):
        found = search_dates(sentence, languages=["en"], settings=settings)
        due = found[0][1].astimezone(zone) if found else None
        out.append((sentence, due, due is None and bool(_VAGUE.search(sentence))))
    return out


def _peers() -> dict[str, Callable[[dict[str, Any]], list[Predicted]]]:
    peers: dict[str, Callable[[dict[str, Any]], list[Predicted]]] = {"keyword": keyword}
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return peers
    peers["keyword_dateparser"] = keyword_dateparser
    return peers


PEERS = _peers()
