"""Task server_sent_events: `GET /events` streams five events about 200 ms apart, each sent as it is produced, resumes
after `Last-Event-ID`, and shrugs off a client that leaves mid-stream."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import media_type

pytestmark = pytest.mark.snippet
app = app_fixture("server_sent_events")

SPREAD_S = 0.4
"""The least time between the first event and the fifth: produced 200 ms apart, they span about 800 ms, while a body
sent whole would bring them all at once."""


@dataclass(frozen=True)
class Event:
    id: str | None
    data: str
    arrived: float
    """When the client had read the event, by `time.monotonic`."""


def events(lines: Iterator[str]) -> Iterator[Event]:
    """The events of a stream as the client reads them; comments, `retry` and unknown fields are skipped."""
    event_id: str | None = None
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield Event(event_id, "\n".join(data), time.monotonic())
            event_id, data = None, []
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "id":
            event_id = value
        elif name == "data":
            data.append(value)


@contextmanager
def stream(app: App, headers: dict[str, str] | None = None) -> Iterator[tuple[httpx.Response, Iterator[Event]]]:
    with app.client.stream("GET", "/events", headers=headers) as response:
        yield response, events(response.iter_lines())


def read_all(app: App, headers: dict[str, str] | None = None) -> list[Event]:
    with stream(app, headers) as (response, received):
        assert response.status_code == 200
        return list(received)


def test_the_answer_is_an_uncached_event_stream(app: App) -> None:
    with stream(app) as (response, _):
        assert response.status_code == 200
        assert media_type(response) == "text/event-stream"
        assert "no-cache" in response.headers.get("cache-control", "").lower()


def test_five_events_arrive_with_ids_one_to_five(app: App) -> None:
    received = read_all(app)
    assert [(event.id, event.data) for event in received] == [(str(n), f"event {n}") for n in range(1, 6)]


def test_each_event_is_sent_as_it_is_produced(app: App) -> None:
    received = read_all(app)
    assert len(received) == 5
    spread = received[-1].arrived - received[0].arrived
    assert spread >= SPREAD_S, f"the five events arrived within {spread:.3f} s: the stream was sent whole"


def test_last_event_id_resumes_after_it(app: App) -> None:
    received = read_all(app, {"Last-Event-ID": "3"})
    assert [(event.id, event.data) for event in received] == [("4", "event 4"), ("5", "event 5")]


def test_a_client_leaving_mid_stream_leaves_the_server_healthy(app: App) -> None:
    with stream(app) as (response, received):
        assert response.status_code == 200
        assert next(received).id == "1"
        # Leaving the block closes the connection with four events still to come.
    # A whole stream lasts past the moment the abandoned one tried to send its next event to the vanished client.
    assert [event.id for event in read_all(app)] == ["1", "2", "3", "4", "5"]
    assert "Traceback" not in app.log.read_text(errors="replace")
