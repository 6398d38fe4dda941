"""Console sign-in: token → signed HttpOnly cookie, the same role rules as the API, CSRF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.web.conftest import Console, build_app


def test_pages_redirect_to_login_and_api_answers_401(client: TestClient) -> None:
    page = client.get("/console/cases/1", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/console/login?next=%2Fconsole%2Fcases%2F1"
    api = client.post("/console/api/cases/1/check", json={"reply": "hello"})
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "H401"


def test_token_login_sets_httponly_cookie_and_goes_to_next(client: TestClient,
                                                           seeded: Any) -> None:
    response = client.post("/console/login", follow_redirects=False, data={
        "token": seeded.tokens["Alex Rivera"], "next": "/console/cases/2"})
    assert response.status_code == 303
    assert response.headers["location"] == "/console/cases/2"
    cookie = response.headers["set-cookie"]
    assert "kettle_console=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert seeded.tokens["Alex Rivera"] not in cookie


def test_bad_token_is_refused_with_a_message(client: TestClient) -> None:
    response = client.post("/console/login", data={"token": "kt_nope"})
    assert response.status_code == 401
    assert "unknown, revoked" in response.text
    assert "kettle_console" not in response.headers.get("set-cookie", "")


def test_login_never_redirects_off_site(client: TestClient, seeded: Any) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/api/../x"):
        response = client.post("/console/login", follow_redirects=False, data={
            "token": seeded.tokens["Alex Rivera"], "next": target})
        assert response.headers["location"] == "/console/"


def test_forged_or_tampered_cookie_is_rejected(client: TestClient, seeded: Any) -> None:
    Console(client, seeded.tokens["Alex Rivera"])
    cookie = next(c for c in client.cookies.jar if c.name == "kettle_console")
    payload, _, signature = str(cookie.value).rpartition(".")
    # Replace the cookie itself (same domain and path): setting the name alone
    # adds a second cookie beside the valid one.
    client.cookies.clear()
    client.cookies.set("kettle_console", payload + "." + "0" * len(signature),
                       domain=cookie.domain, path=cookie.path)
    assert len(client.cookies.jar) == 1
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_new_token_ends_console_sessions(client: TestClient, seeded: Any,
                                         session: Session) -> None:
    from kettle.users import service as users

    Console(client, seeded.tokens["Sam Okafor"])
    assert client.get("/console/", follow_redirects=False).status_code == 200
    users.issue_token(session=session, user_id=seeded.users["agent2"].id)
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_changes_need_the_csrf_token(sign_in: Callable[[str], Console], seeded: Any) -> None:
    console = sign_in("Alex Rivera")
    case_id = seeded.stories["shoe_return"]
    bare = console.client.post(f"/console/cases/{case_id}/hang-up", data={})
    assert bare.status_code == 403
    assert bare.json()["error"]["field"] == "csrf"
    wrong = console.client.post(f"/console/api/cases/{case_id}/check", json={"reply": "Hi"},
                                headers={"X-CSRF-Token": "0" * 32})
    assert wrong.status_code == 403


def test_demo_login_lists_users_only_in_demo_mode(
    client: TestClient, make_session: Callable[[], Session], seeded: Any
) -> None:
    plain = client.get("/console/login")
    assert "Morgan Lee" not in plain.text
    refused = client.post("/console/login/demo",
                          data={"user_id": str(seeded.users["lead"].id)})
    assert refused.status_code == 404
    with TestClient(build_app(make_session, demo=True)) as demo:
        page = demo.get("/console/login")
        assert "Morgan Lee" in page.text and "Alex Rivera" in page.text
        signed = demo.post("/console/login/demo", follow_redirects=False,
                           data={"user_id": str(seeded.users["lead"].id)})
        assert signed.status_code == 303
        assert "Team queue" in demo.get("/console/").text


def test_agent_cannot_open_another_agents_case(sign_in: Callable[[str], Console],
                                               seeded: Any) -> None:
    sams_case = seeded.dialogues[1]  # dialogues alternate between Alex and Sam
    alex = sign_in("Alex Rivera")
    page = alex.client.get(f"/console/cases/{sams_case}")
    assert page.status_code == 403
    assert "not yours" in page.text
    check = alex.check(sams_case, "I'm sorry.")
    assert check.status_code == 403
    kept = alex.post(f"/console/cases/{sams_case}/hang-up")
    assert "not+yours" in kept.headers["location"]


def test_lead_sees_the_team_queue(sign_in: Callable[[str], Console], seeded: Any) -> None:
    lead = sign_in("Morgan Lee")
    page = lead.client.get("/console/")
    ids = {int(x) for x in _case_ids(page.text)}
    assert seeded.dialogues[0] in ids and seeded.dialogues[1] in ids
    agent = sign_in("Alex Rivera")
    mine = {int(x) for x in _case_ids(agent.client.get("/console/").text)}
    assert seeded.dialogues[0] in mine and seeded.dialogues[1] not in mine


def test_logout_clears_the_session(sign_in: Callable[[str], Console]) -> None:
    console = sign_in("Alex Rivera")
    out = console.post("/console/logout")
    assert out.status_code == 303
    assert console.client.get("/console/", follow_redirects=False).status_code == 303


def _case_ids(html: str) -> list[str]:
    import re

    return re.findall(r'data-case-id="(\d+)"', html)
