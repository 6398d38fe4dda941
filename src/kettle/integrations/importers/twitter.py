"""Customer-Support-on-Twitter style CSV: one tweet per row, threads by reply links.

Columns (as in the public "Customer Support on Twitter" set): ``tweet_id,
author_id, inbound, created_at, text, response_tweet_id,
in_response_to_tweet_id``. ``inbound`` True is the customer, False the company
(its ``author_id`` becomes the agent). ``response_tweet_id`` may list several
ids separated by commas. ``created_at`` is Twitter's
``Tue Oct 31 22:10:47 +0000 2017`` or ISO 8601.

Threads are rebuilt in one pass: a thread is yielded as soon as every reply
its tweets announce has been seen, so memory holds only the open threads, not
the file. Threads still open at the end (replies missing from the file) are
yielded then, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kettle.integrations.importers.base import (
    ImportedConversation,
    csv_rows,
    fail,
    iso_time,
    turn,
)

NAME = "twitter-csv"
REQUIRED = ("tweet_id", "author_id", "inbound", "created_at", "text",
            "response_tweet_id", "in_response_to_tweet_id")
_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"


@dataclass(slots=True)
class _Thread:
    root: str
    line: int
    tweets: list[tuple[str, str, bool, str, str | None]] = field(default_factory=list)
    waiting: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


def _time(value: str, path: Path, line: int) -> str | None:
    try:
        return datetime.strptime(value.strip(), _TWITTER_TIME).isoformat()
    except ValueError:
        return iso_time(value, path, line, "created_at")


def _inbound(value: str, path: Path, line: int) -> bool:
    flag = value.strip().lower()
    if flag in ("true", "1", "yes"):
        return True
    if flag in ("false", "0", "no"):
        return False
    raise fail(path, line, f"inbound is {value!r}; expected True or False", field="inbound")


def _finish(thread: _Thread) -> ImportedConversation:
    tweets = sorted(thread.tweets, key=lambda t: (t[4] or "", t[0]))
    agents = [author for _, author, inbound, _, _ in tweets if not inbound]
    turns = [turn("customer" if inbound else "agent", text, sent)
             for _, _, inbound, text, sent in tweets]
    return ImportedConversation(thread.root, turns, agents[0] if agents else None, NAME,
                                thread.line)


def read(path: str | Path) -> Iterator[ImportedConversation]:
    file = Path(path)
    with csv_rows(file, REQUIRED) as rows:
        open_threads: dict[str, _Thread] = {}  # any tweet id of an open thread -> thread
        for row in rows:
            done = _add(row, rows.line_num, file, open_threads)
            if done is not None:
                yield _finish(done)
        leftovers = {id(t): t for t in open_threads.values()}
        for thread in sorted(leftovers.values(), key=lambda t: t.line):
            yield _finish(thread)


def _add(row: dict[str, str], line: int, file: Path,
         open_threads: dict[str, _Thread]) -> _Thread | None:
    tweet_id = (row["tweet_id"] or "").strip()
    if not tweet_id:
        raise fail(file, line, "empty tweet_id", field="tweet_id")
    parent = (row["in_response_to_tweet_id"] or "").strip()
    replies = {r.strip() for r in (row["response_tweet_id"] or "").split(",") if r.strip()}
    thread = open_threads.get(tweet_id) or (open_threads.get(parent) if parent else None)
    if thread is None:
        thread = _Thread(root=parent or tweet_id, line=line)
    if parent and parent not in thread.seen:  # it comes later in the file (or never)
        thread.waiting.add(parent)
    thread.seen.add(tweet_id)
    thread.waiting.discard(tweet_id)
    thread.waiting |= replies - thread.seen
    for key in (tweet_id, *replies, *([parent] if parent else [])):
        open_threads[key] = thread
        thread.keys.add(key)
    if not parent:
        thread.root = tweet_id
    thread.tweets.append((tweet_id, (row["author_id"] or "").strip(),
                          _inbound(row["inbound"] or "", file, line), row["text"] or "",
                          _time(row["created_at"] or "", file, line)))
    if thread.waiting:
        return None
    for key in thread.keys:
        if open_threads.get(key) is thread:
            del open_threads[key]
    return thread
