"""The throwaway nginx proxies to a server on loopback, over TLS when asked, and leaves no process, port or folder."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from webatlas import nginx
from webatlas.processes import group_is_gone, listening


class EchoHeaders(BaseHTTPRequestHandler):
    """Answers with the path and the headers it was sent, as JSON."""

    def do_GET(self) -> None:
        body = json.dumps({"path": self.path, "headers": {name.lower(): value for name, value in self.headers.items()}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the answers, not a log."""


@pytest.fixture
def upstream() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHeaders)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def location(port: int) -> str:
    return f"""
        location /api/ {{
            proxy_pass http://127.0.0.1:{port}/;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
"""


@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_the_proxy_strips_the_prefix_and_forwards_the_client(tmp_path: Path, upstream: int, tls: bool) -> None:
    with nginx.running_proxy(location(upstream), tmp_path, tls=tls) as proxy:
        assert proxy.url == f"{'https' if tls else 'http'}://127.0.0.1:{proxy.port}"
        # A client on another loopback address, so the address nginx forwards is not its own.
        transport = httpx.HTTPTransport(local_address="127.0.0.2", verify=False)
        with httpx.Client(transport=transport) as client:
            answer = client.get(f"{proxy.url}/api/items?x=1").json()
        assert answer["path"] == "/items?x=1"
        assert answer["headers"]["x-forwarded-for"] == "127.0.0.2"
        assert answer["headers"]["x-forwarded-proto"] == ("https" if tls else "http")
    assert group_is_gone(proxy.pgid)
    assert not listening(proxy.port)
    assert not proxy.folder.exists()
    assert "start worker process" in proxy.log.read_text()


def test_a_configuration_nginx_refuses_says_why_and_leaves_nothing(tmp_path: Path) -> None:
    before = set(Path("/tmp").glob("webatlas-nginx-*"))
    with pytest.raises(nginx.NginxError, match="unknown directive"), nginx.running_proxy("no_such_directive on;", tmp_path):
        pass
    assert set(Path("/tmp").glob("webatlas-nginx-*")) == before


def test_missing_nginx_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nginx.shutil, "which", lambda name, path=None: None)
    with pytest.raises(nginx.NginxError, match="apt-get install -y nginx"):
        nginx.binary()
