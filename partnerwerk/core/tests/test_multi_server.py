"""Past one machine, for real (issue 15): nginx with the repository's own configuration in
front of two app servers on one database and one Redis, all on loopback (multi_server.py).

The visitor comes from 127.0.0.2 through nginx over HTTPS; "directly" means straight to one
app server, as nginx would come. The tests share one site and run in this order.
"""

import json
import re
import time

import pytest
from django_otp.oath import TOTP

from partnerwerk.core.tests.multi_server import FEEDBACK_PER_HOUR, VISITOR, programs, running_site
from partnerwerk.core.tests.web_client import Client

# One worker runs the whole module (make test: pytest -n 2 --dist loadgroup). The mark
# django_db has the test database made, which the harness copies; the tests themselves
# reach the harness's copy only through the servers.
pytestmark = [pytest.mark.xdist_group("multi_server"), pytest.mark.django_db]

SPOOFED = "203.0.113.66"  # what a visitor claims in X-Forwarded-For


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    found = programs()
    with django_db_blocker.unblock(), running_site(found) as running:
        yield running


def code_of(key: str) -> str:
    totp = TOTP(bytes.fromhex(key), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time()
    return f"{totp.token():06d}"


def eventually(check, seconds: float = 5) -> bool:
    """Whether `check()` comes true within `seconds` (a reconnect takes a moment)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture(scope="module")
def signed_in(site):
    """A member of the office signed in with password and authenticator through nginx (the
    visitor claims another address in X-Forwarded-For); the visitor and the server that
    completed the sign-in."""
    visitor = site.visitor(**{"X-Forwarded-For": SPOOFED})
    seeded = site.seeded
    page = visitor.get("/accounts/sign-in/")
    assert page.status == 200
    form = {"username": seeded["username"], "password": seeded["password"]}
    answer = visitor.post("/accounts/sign-in/", form | {"csrfmiddlewaretoken": page.csrf_token()})
    assert answer.status == 302 and answer.location.startswith("/accounts/sign-in/code/")
    page = visitor.get(answer.location)
    form = {"token": code_of(seeded["totp_key"]), "csrfmiddlewaretoken": page.csrf_token()}
    answer = visitor.post("/accounts/sign-in/code/", form)
    assert answer.status == 302 and answer.location == "/office/", answer.text[-500:]
    done = site.requests_logged("POST", "/accounts/sign-in/code/")
    return visitor, site.server_at(done[-1]["upstream"])


def test_nginx_answers_over_tls_only_and_sends_plain_http_to_https(site):
    plain = Client(site.http_port).get("/projects/")
    assert plain.status == 301
    assert plain.location == "https://127.0.0.1/projects/"
    secure = site.visitor().get("/projects/")
    assert secure.status == 200 and "Strict-Transport-Security" in secure.headers


def test_a_session_made_through_one_app_server_is_valid_on_the_other(site, signed_in):
    visitor, server = signed_in
    other = "B" if server == "A" else "A"
    for name in (server, other):
        dashboard = site.direct(name, cookies=visitor.cookies).get("/office/")
        assert dashboard.status == 200, f"app server {name}: {dashboard.status}"
    stranger = site.direct(other).get("/office/")
    assert stranger.status == 302 and "/accounts/sign-in/" in stranger.location


def test_a_save_through_one_app_server_renews_the_cached_page_of_the_other(site, signed_in):
    visitor, _ = signed_in
    project = site.seeded["project"]
    page = f"/projects/{project['key']}/"
    assert project["title"] in site.direct("B").get(page).text
    assert project["title"] in site.direct("B").get(page).text  # now from the cache
    assert any(b"portal:page:" in key for key in site.redis().keys("*")), "no page was cached"

    office = site.direct("A", cookies=visitor.cookies)
    changed = {"title_de": "Wasser für Tamale"}
    saved = office.submit(f"/office/projects/{project['pk']}/", "title_de", changed)
    assert saved.status == 302, re.findall(r'<ul class="errorlist.*?</ul>', saved.text, re.S)

    for answer in (site.direct("B").get(page), site.visitor().get(page)):
        assert "Wasser für Tamale" in answer.text and project["title"] not in answer.text


def test_a_rate_limit_counts_across_both_app_servers_by_the_address_nginx_saw(site):
    visitor = site.visitor()
    token = visitor.get("/accessibility/").csrf_token()
    answers = []
    for number in range(FEEDBACK_PER_HOUR + 1):
        # Each message claims another address; the app believes only what nginx appended.
        claimed = {"X-Forwarded-For": f"198.51.100.{number + 1}"}
        form = {"message": f"Barriere {number}", "csrfmiddlewaretoken": token}
        answers.append(visitor.post("/accessibility/", form, headers=claimed).status)
    assert answers == [302] * FEEDBACK_PER_HOUR + [429]

    posts = site.requests_logged("POST", "/accessibility/", count=FEEDBACK_PER_HOUR + 1)
    assert {site.server_at(entry["upstream"]) for entry in posts} == {"A", "B"}
    assert {entry["client"] for entry in posts} == {VISITOR}
    counters = [key.decode() for key in site.redis().keys("*feedback-rate*")]
    assert counters == [f":1:feedback-rate:{VISITOR}"]


def test_the_app_logs_the_address_nginx_saw_not_the_one_claimed(site, signed_in):
    _, server = signed_in
    messages = [record["message"] for record in site.app_log_records(server)]
    signed = [message for message in messages if message.startswith("signed in with two")]
    assert signed and signed[-1].endswith(f"address={VISITOR}")
    assert not any(SPOOFED in message for message in messages)


def test_static_files_come_from_nginx_for_a_year_and_uploads_never_from_the_disk(site):
    manifest = json.loads((site.folder / "var/static/staticfiles.json").read_text())
    hashed = manifest["paths"]["portal/portal.css"]
    answer = site.visitor().get(f"/static/{hashed}")
    assert answer.status == 200
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert hashed not in site.app_log("A") + site.app_log("B")  # no app server saw it

    upload = site.folder / "var/media/documents/internal.pdf"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"%PDF-1.4 internal")
    assert site.visitor().get("/media/documents/internal.pdf").status == 404


def test_nginx_refuses_a_body_larger_than_the_largest_upload(site):
    from django.conf import settings

    limit = settings.PARTNERWERK_SIGNED_IN_MAX_BODY
    answer = site.visitor().request(
        "POST", "/accessibility/", headers={"Content-Length": str(limit + 1)}
    )
    assert answer.status == 413


def test_without_redis_the_site_answers_and_readiness_reports_the_cache_degraded(site, signed_in):
    visitor, _ = signed_in
    site.processes["redis"].kill()
    try:
        for _ in range(2):  # both app servers
            assert site.visitor().get("/projects/").status == 200
            assert site.visitor().get("/").status == 200
        office = Client(site.https_port, tls=True, source=VISITOR, cookies=visitor.cookies)
        assert office.get("/office/").status == 200  # the session from the database
        for name in ("A", "B"):
            ready = site.direct(name).get("/readyz")
            assert ready.status == 200
            assert json.loads(ready.body) == {"database": "ok", "cache": "degraded", "ready": True}
    finally:
        site.start_redis()
    assert eventually(lambda: json.loads(site.direct("A").get("/readyz").body)["cache"] == "ok")


def test_an_app_server_killed_mid_request_costs_only_that_request(site):
    # A feedback message is being read by A's worker (half its body has come) when A is killed.
    import socket

    direct = site.direct("A")
    token = direct.get("/accessibility/").csrf_token()
    cookie = "; ".join(f"{name}={value}" for name, value in direct.cookies.items())
    pending = socket.create_connection(("127.0.0.1", site.app_ports["A"]), timeout=10)
    pending.sendall(
        f"POST /accessibility/ HTTP/1.1\r\nHost: {direct.host}:{direct.port}\r\n"
        f"X-Forwarded-Proto: https\r\nReferer: {direct.origin()}/accessibility/\r\n"
        f"Cookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: 1000\r\n\r\ncsrfmiddlewaretoken={token}&message=Barri".encode()
    )
    time.sleep(1)
    site.processes["app A"].kill()
    try:
        answer = pending.recv(1024)
    except ConnectionResetError:  # the kernel's reset when unread bytes were left
        answer = b""
    assert answer == b""  # the connection ends without an answer
    pending.close()
    # Nothing of the cut-off message ("Barri", all that was sent) is stored.
    stored = [message for (message,) in site.sql("SELECT message FROM feedback_feedback")]
    assert "Barri" not in stored
    if site.database_url.startswith("sqlite:"):
        assert site.sql("PRAGMA integrity_check") == [("ok",)]

    answers = [site.visitor().get("/projects/").status for _ in range(6)]
    assert answers == [200] * 6  # nginx passes on to B

    site.start_app("A")
    assert site.direct("A").get("/projects/").status == 200


def test_without_nginx_and_no_way_to_install_it_the_test_says_what_to_install(monkeypatch):
    from partnerwerk.core.tests import multi_server

    monkeypatch.setattr(multi_server, "_find", lambda program: None)
    monkeypatch.setattr(multi_server.os, "geteuid", lambda: 1000)  # not root: no apt-get
    with pytest.raises(pytest.fail.Exception) as failure:
        multi_server.programs()
    assert "apt-get install nginx openssl redis-server" in str(failure.value)
