"""Verification against a loopback server that writes its answers byte for byte, lies included."""

from __future__ import annotations

import socketserver
import time
from collections.abc import Iterator

import pytest

from tests.helpers import serving_in_thread
from webatlas.bench.load.verify import Expected, verify
from webatlas.processes import free_port

HELLO = b"Hello, World!"


def answer(status: str, headers: dict[str, str], body: bytes) -> bytes:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}Connection: close\r\n\r\n".encode() + body


def plain(body: bytes, content_type: str = "text/plain; charset=utf-8", status: str = "200 OK") -> bytes:
    return answer(status, {"Content-Type": content_type, "Content-Length": str(len(body))}, body)


ANSWERS = {
    "/text": plain(HELLO),
    "/json": plain(b'{"message":"Hello, World!"}', "application/json"),
    "/json-spaced": plain(b'{ "message" : "Hello, World!" }', "Application/JSON; charset=UTF-8"),
    "/json-one": plain(b'{"ok": 1}', "application/json"),
    "/not-json": plain(b"Hello", "application/json"),
    "/html": plain(HELLO, "text/html; charset=utf-8"),
    "/untyped": answer("200 OK", {"Content-Length": "13"}, HELLO),
    "/missing": plain(b"not found", status="404 Not Found"),
    "/broken": plain(b"oops", status="500 Internal Server Error"),
    "/moved": answer("302 Found", {"Location": "/text", "Content-Type": "text/plain", "Content-Length": "0"}, b""),
    # Promises more than it sends, then hangs up.
    "/long-length": answer("200 OK", {"Content-Type": "text/plain", "Content-Length": "100"}, HELLO),
    # Promises less than it sends: the reader stops after 5 bytes.
    "/short-length": answer("200 OK", {"Content-Type": "text/plain", "Content-Length": "5"}, HELLO),
    "/odd-length": answer("200 OK", {"Content-Type": "text/plain", "Content-Length": "thirteen"}, HELLO),
    "/big": plain(b"x" * 1000),
}


class Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        target = self.rfile.readline().split()[1].decode()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        if target == "/slow":
            time.sleep(3)
            self.wfile.write(plain(HELLO))
            return
        self.wfile.write(ANSWERS[target])


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serving_in_thread(Server(("127.0.0.1", 0), Handler)) as url:
        yield url


TEXT = Expected(status=200, content_type="text/plain", body=HELLO)
JSON = Expected(status=200, content_type="application/json", json={"message": "Hello, World!"})


def test_a_right_text_answer_has_no_problems(base: str) -> None:
    assert verify(f"{base}/text", TEXT) == []


def test_json_is_compared_as_values_and_the_media_type_without_case_or_charset(base: str) -> None:
    assert verify(f"{base}/json", JSON) == []
    assert verify(f"{base}/json-spaced", JSON) == []


def test_only_status_and_type_can_be_checked(base: str) -> None:
    assert verify(f"{base}/big", Expected(status=200, content_type="TEXT/PLAIN")) == []


def test_a_json_body_that_differs_shows_both(base: str) -> None:
    problems = verify(f"{base}/json", Expected(status=200, content_type="application/json", json={"message": "Bye"}))
    assert problems == ['the JSON body is {"message": "Hello, World!"}, expected {"message": "Bye"}']


def test_json_true_is_not_one(base: str) -> None:
    assert verify(f"{base}/json-one", Expected(200, "application/json", json={"ok": 1.0})) == []
    assert verify(f"{base}/json-one", Expected(200, "application/json", json={"ok": True})) == [
        'the JSON body is {"ok": 1}, expected {"ok": true}'
    ]


def test_a_body_that_is_not_json(base: str) -> None:
    [problem] = verify(f"{base}/not-json", JSON)
    assert problem.startswith("the body is not JSON (")
    assert problem.endswith("): b'Hello'")


def test_a_wrong_content_type(base: str) -> None:
    assert verify(f"{base}/html", TEXT) == ["Content-Type text/html; charset=utf-8, expected text/plain"]


def test_a_missing_content_type(base: str) -> None:
    assert verify(f"{base}/untyped", TEXT) == ["no Content-Type header, expected text/plain"]


def test_error_statuses_are_problems_not_exceptions(base: str) -> None:
    assert verify(f"{base}/missing", TEXT) == ["status 404, expected 200", "the body is b'not found', expected b'Hello, World!'"]
    assert verify(f"{base}/broken", Expected(status=200, content_type="text/plain")) == ["status 500, expected 200"]
    assert verify(f"{base}/missing", Expected(status=404, content_type="text/plain", body=b"not found")) == []


def test_a_redirect_is_reported_not_followed(base: str) -> None:
    assert verify(f"{base}/moved", TEXT) == ["status 302, expected 200", "the body is b'', expected b'Hello, World!'"]


def test_a_content_length_longer_than_the_body(base: str) -> None:
    assert verify(f"{base}/long-length", TEXT) == ["Content-Length says 100 bytes but the body has 13"]


def test_a_content_length_shorter_than_the_body_cuts_it(base: str) -> None:
    # The reader trusts the header, so only the body comparison can notice.
    assert verify(f"{base}/short-length", TEXT) == ["the body is b'Hello', expected b'Hello, World!'"]


def test_a_content_length_that_is_no_number(base: str) -> None:
    assert verify(f"{base}/odd-length", TEXT) == ["Content-Length 'thirteen' is not a number"]


def test_a_long_body_is_shown_truncated(base: str) -> None:
    [problem] = verify(f"{base}/big", TEXT)
    assert problem == f"the body is {b'x' * 200!r}… (1000 bytes), expected b'Hello, World!'"


def test_a_refused_connection(base: str) -> None:
    url = f"http://127.0.0.1:{free_port()}/text"
    [problem] = verify(url, TEXT)
    assert problem.startswith(f"could not get {url}: ")
    assert "Connection refused" in problem


def test_a_server_slower_than_the_timeout(base: str) -> None:
    [problem] = verify(f"{base}/slow", TEXT, timeout_s=0.5)
    assert problem.startswith(f"could not get {base}/slow: ")
    assert "timed out" in problem


def test_body_and_json_cannot_both_be_expected() -> None:
    with pytest.raises(ValueError):
        Expected(status=200, content_type="application/json", body=b"{}", json={})
