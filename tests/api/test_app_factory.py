"""create_app has no side effects: nothing is read or opened until a request needs it."""

from __future__ import annotations

import subprocess
import sys

from fastapi.testclient import TestClient

from kettle.api import create_app
from kettle.api.settings import ApiSettings
from kettle.config import Settings


def test_building_the_app_opens_no_connection() -> None:
    app = create_app(Settings(), ApiSettings(database_url="postgresql+psycopg://x@127.0.0.1:1/x"))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/healthz").status_code == 200
        r = client.get("/cases", headers={"Authorization": "Bearer t"})
        assert r.status_code == 500 and r.json()["error"]["code"] == "H500"
        assert "127.0.0.1" not in r.text  # no internals leak into the body


def test_importing_kettle_api_is_cheap() -> None:
    code = ("import sys, kettle.api; "
            "print('fastapi' in sys.modules, 'sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_settings_are_injected_not_global() -> None:
    small = create_app(Settings(), ApiSettings(api_max_body_bytes=2048))
    body = {"text": "x" * 4096}
    with TestClient(small) as client:
        assert client.post("/analyze/read", json=body).status_code == 413
    big = create_app(Settings(), ApiSettings(api_max_body_bytes=1_000_000))
    with TestClient(big) as client:
        assert client.post("/analyze/read", json=body).status_code == 401
