"""`sitrep serve` as a real process: the loopback default, the token rule, its one-line refusals."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALEPPO = ROOT / "samples" / "aleppo-2016-12-09.txt"
SITREP = str(Path(sys.executable).with_name("sitrep"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(*args, env=None):
    return subprocess.run([SITREP, "serve", *args], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, **(env or {})))


@pytest.fixture(scope="module")
def store(store_path) -> str:
    return store_path


def test_loopback_rule():
    from sitrep.api.cli import check_binding, is_loopback
    from sitrep.errors import SitrepError

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost", "LOCALHOST"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "example.org", ""))
    check_binding("127.0.0.1", None)
    check_binding("0.0.0.0", "token")
    with pytest.raises(SitrepError, match="without a token"):
        check_binding("0.0.0.0", None)


def test_non_loopback_without_token_refuses_to_start(store):
    env = {"SITREP_TOKEN": ""}
    for host in ("0.0.0.0", "192.0.2.10"):
        result = serve("--db", store, "--host", host, "--port", str(free_port()), env=env)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and "token" in lines[0] and host in lines[0]


def test_missing_store_is_a_one_line_error(tmp_path):
    result = serve("--db", str(tmp_path / "none.duckdb"), "--port", str(free_port()))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no such store" in result.stderr


def get(url: str, token: str | None = None, host: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def wait_until_up(process, url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"sitrep serve exited: {process.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("sitrep serve did not start")


def test_served_with_a_token_from_the_environment(store):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([SITREP, "serve", "--db", store, "--port", str(port)], stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, SITREP_TOKEN="env-token"))
    try:
        wait_until_up(process, base + "/")
        assert get(base + "/api/stats")[0] == 401
        status, stats = get(base + "/api/stats", token="env-token")
        assert status == 200 and stats["articles"] == 1
        status, body = get(base + "/api/events?limit=2&token=env-token")
        assert status == 200 and len(body["events"]) == 2
        assert get(base + "/api/stats", token="env-token", host="rebind.example")[0] == 400
    finally:
        process.terminate()
        process.wait(timeout=20)
