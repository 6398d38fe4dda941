"""REST API under concurrent load on loopback: ingest throughput and /analyze latencies.

Run: ``.venv/bin/python -m benchmarks.api [--requests 400] [--concurrency 16]
[--ingest 600] [--workers 1] [--backends sqlite,postgres] [--json out.json]``

Starts a real ``kettle serve`` per backend (a fresh SQLite file; a fresh
PostgreSQL database when the server answers), creates a token with ``kettle
users create``, then (1) ingests customer messages into several cases from
``--concurrency`` client threads and reports messages per second, and (2) sends
``--requests`` calls to each ``/analyze`` endpoint and reports p50/p99 latency
and requests per second. Bounded request counts: it stops by itself. Messages
are real customer tweets from the shared evaluation data when present.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KETTLE_DATA_DIR", REPO.parent / "shared" / "data"))
PG_URL = os.environ.get("KETTLE_TEST_POSTGRES_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FALLBACK = [
    "Your driver never showed up and nobody answers the phone!!!",
    "Third time I'm writing. Where is my refund?",
    "I was charged twice for the same order, fix it now.",
    "The app logs me out every five minutes, this is useless.",
]
REPLY = "I'm so sorry, that sounds really frustrating. I will call the depot and call you by 5 pm."


def messages(n: int) -> list[str]:
    path = DATA / "eval/temperature/twcs_customer.jsonl"
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        texts = [t for t in texts if t.strip()][:n]
        if texts:
            return (texts * (n // len(texts) + 1))[:n]
    return (FALLBACK * (n // len(FALLBACK) + 1))[:n]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def database(backend: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from kettle.db import upgrade

    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
            upgrade(url)
            yield url
        return
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"kettle_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_URL.rsplit("/", 1)[0] + "/" + name
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def server(url: str, workers: int) -> Iterator[tuple[str, str]]:
    env = {**os.environ, "KETTLE_DATABASE_URL": url}
    kettle = [sys.executable, "-m", "kettle.cli.main"]
    made = subprocess.run([*kettle, "users", "create", "--role", "agent", "--name", "bench",
                           "--team", "bench"], env=env, capture_output=True, text=True,
                          check=True)
    token = made.stdout.strip().splitlines()[-1]
    port = _free_port()
    proc = subprocess.Popen([*kettle, "serve", "--port", str(port), "--workers", str(workers),
                             "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start")
        yield base, token
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def timed(calls: list[Callable[[httpx.Client], int]], base: str, token: str,
          concurrency: int) -> dict[str, Any]:
    """Run ``calls`` from ``concurrency`` threads; latencies in ms, throughput per second."""
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with httpx.Client(base_url=base, headers=headers, timeout=120, limits=limits) as client:

        def one(call: Callable[[httpx.Client], int]) -> tuple[float, int]:
            start = time.perf_counter()
            try:
                status = call(client)
            except httpx.HTTPError:
                status = 599
            return (time.perf_counter() - start) * 1000, status

        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, calls))
        wall = time.perf_counter() - started
    lat = sorted(r[0] for r in results)
    errors = sum(1 for r in results if r[1] >= 400)
    return {"requests": len(calls), "errors": errors, "wall_s": round(wall, 2),
            "per_s": round(len(calls) / wall, 1), "p50_ms": round(statistics.median(lat), 1),
            "p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 1)}


def ingest_calls(client_base: str, token: str, texts: list[str], cases: int) -> list[Any]:
    headers = {"Authorization": f"Bearer {token}"}
    ids = [httpx.post(client_base + "/cases", headers=headers, timeout=30,
                      json={"customer": {"name": f"Bench {i}"}}).json()["id"]
           for i in range(cases)]

    def call(i: int, text: str) -> Callable[[httpx.Client], int]:
        body = {"role": "customer", "text": text[:4000]}
        key = {"Idempotency-Key": f"bench-{uuid.uuid4().hex}"}
        return lambda c: c.post(f"/cases/{ids[i % cases]}/messages", json=body,
                                headers=key).status_code

    return [call(i, t) for i, t in enumerate(texts)]


def analyze_calls(texts: list[str]) -> dict[str, list[Any]]:
    def post(path: str, body: dict[str, Any]) -> Callable[[httpx.Client], int]:
        return lambda c: c.post(path, json=body).status_code

    def convo(t: str) -> list[dict[str, str]]:
        return [{"role": "customer", "text": t[:4000]}, {"role": "agent", "text": REPLY}]

    return {
        "/analyze/read": [post("/analyze/read", {"text": t[:4000]}) for t in texts],
        "/analyze/check": [post("/analyze/check", {"reply": REPLY, "conversation": convo(t)[:1],
                                                   "tz": "Europe/London"}) for t in texts],
        "/analyze/track": [post("/analyze/track", {"conversation": convo(t)}) for t in texts],
        "/analyze/suggest": [post("/analyze/suggest", {"conversation": convo(t)[:1]})
                             for t in texts],
    }


def run_backend(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {"backend": backend}
    with database(backend) as url, server(url, args.workers) as (base, token):
        texts = messages(max(args.requests, args.ingest))
        warm = analyze_calls(texts[:20])
        for calls in warm.values():
            timed(calls, base, token, args.concurrency)
        out["ingest"] = timed(ingest_calls(base, token, texts[: args.ingest], args.cases),
                              base, token, args.concurrency)
        for path, calls in analyze_calls(texts[: args.requests]).items():
            out[path] = timed(calls, base, token, args.concurrency)
    return out


def postgres_up() -> bool:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure to connect means "no server"
        return False
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="calls per /analyze endpoint")
    parser.add_argument("--ingest", type=int, default=600, help="messages to ingest")
    parser.add_argument("--cases", type=int, default=30, help="cases the messages go to")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)
    results = []
    for backend in args.backends.split(","):
        if backend == "postgres" and not postgres_up():
            print(f"postgres: skipped (no server at {PG_URL})")
            continue
        result = run_backend(backend, args)
        results.append(result)
        print(json.dumps(result, indent=1))
    meta = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "args": vars(args)}
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=1,
                                        default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
