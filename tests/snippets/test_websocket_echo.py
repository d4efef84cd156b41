"""Task websocket_echo: `/ws` sends back every text and binary message as it came, closes with 1000 on `bye`, refuses a
plain HTTP request with a 4xx, and serves a second client while the first stays connected."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from websockets.exceptions import ConnectionClosedOK
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Origin

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_client_error

pytestmark = pytest.mark.snippet
app = app_fixture("websocket_echo")

WAIT_S = 10
"""How long a message or a close may take: generous, since the machine is shared."""


@contextmanager
def client(app: App) -> Iterator[ClientConnection]:
    # As a page the app served would connect: browsers send its Origin, which a server may check. No proxy from the
    # environment, and no compression, so the frames on the wire are the messages themselves.
    url = app.base_url.replace("http://", "ws://", 1) + "/ws"
    with connect(
        url, origin=Origin(app.base_url), proxy=None, compression=None, open_timeout=WAIT_S, close_timeout=WAIT_S
    ) as connection:
        yield connection


def echoed(connection: ClientConnection, message: str | bytes) -> str | bytes:
    connection.send(message)
    return connection.recv(timeout=WAIT_S)


@pytest.mark.parametrize("message", ["hello", "ünïcödé ✓", "x" * 65536], ids=["ascii", "unicode", "64k"])
def test_text_comes_back_as_text(app: App, message: str) -> None:
    with client(app) as connection:
        assert echoed(connection, message) == message


@pytest.mark.parametrize("message", [b"\x00\x01\xfe\xff", bytes(range(256)) * 256], ids=["short", "64k"])
def test_binary_comes_back_as_binary(app: App, message: bytes) -> None:
    with client(app) as connection:
        assert echoed(connection, message) == message


def test_one_connection_carries_many_messages_in_order(app: App) -> None:
    with client(app) as connection:
        for number in range(20):
            connection.send(f"message {number}")
        assert [connection.recv(timeout=WAIT_S) for _ in range(20)] == [f"message {number}" for number in range(20)]


def test_bye_closes_the_connection_normally(app: App) -> None:
    with client(app) as connection:
        assert echoed(connection, "first") == "first"
        connection.send("bye")
        with pytest.raises(ConnectionClosedOK) as closed:
            connection.recv(timeout=WAIT_S)
    assert closed.value.rcvd is not None, "the server dropped the connection without a close frame"
    assert closed.value.rcvd.code == 1000


def test_a_second_client_is_served_while_the_first_stays_open(app: App) -> None:
    with client(app) as first:
        assert echoed(first, "from the first") == "from the first"
        with client(app) as second:
            assert echoed(second, "from the second") == "from the second"
            assert echoed(first, "the first again") == "the first again"
        assert echoed(first, "after the second left") == "after the second left"


def test_a_plain_http_request_is_refused_and_the_server_carries_on(app: App) -> None:
    response = app.client.get("/ws")
    assert is_client_error(response), f"plain GET /ws answered {response.status_code}"
    with client(app) as connection:
        assert echoed(connection, "still here") == "still here"
