"""Task streaming_response: `GET /stream` sends 50 MiB produced lazily, chunk by chunk, so the client has the first
chunk long before the last exists and the server never holds the body in memory."""

import itertools
import time

import httpx
import psutil
import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import media_type
from webatlas.bench.load.cpu import descendants, tree_cpu_seconds

pytestmark = pytest.mark.snippet
app = app_fixture("streaming_response")

CHUNK = 65536
CHUNKS = 800
BODY = CHUNK * CHUNKS
"""50 MiB: 800 chunks of 64 KiB, every byte `x`."""
MOST_GROWTH = 16 * 2**20
"""How much the server's resident memory may grow while it streams: a third of the body. A server holding the
whole body would grow by at least the body's size."""
SAMPLE_EVERY = 2**20
STALL_S = 0.1
"""A server waiting on a client that stopped reading uses no CPU: two readings of its CPU time this far apart agree."""
STALL_WAIT_S = 10


def resident(pid: int) -> int:
    """The resident memory of the server's process and all its workers, in bytes."""
    return sum(psutil.Process(member).memory_info().rss for member in descendants(pid))


def wait_until_stalled(pid: int) -> None:
    """Until the server has sent all the client's socket will take and waits, so what it has produced is in memory."""
    deadline = time.monotonic() + STALL_WAIT_S
    before = tree_cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(STALL_S)
        now = tree_cpu_seconds(pid)
        if now - before < STALL_S / 20:
            return
        before = now
    pytest.fail(f"the server kept working for {STALL_WAIT_S} s while the client read nothing", pytrace=False)


# First in the module: a server that had already built a body in memory may keep that memory, and would pass.
def test_the_body_is_produced_lazily_and_never_held_whole(app: App) -> None:
    baseline = resident(app.pid)
    peak, received, bad = baseline, 0, 0
    with app.client.stream("GET", "/stream") as response:
        assert response.status_code == 200
        pieces = response.iter_bytes(CHUNK)
        first = next(pieces)
        # The client stops reading; a lazy server fills the socket and waits, an eager one builds all 50 MiB.
        wait_until_stalled(app.pid)
        peak = max(peak, resident(app.pid))
        next_sample = SAMPLE_EVERY
        for piece in itertools.chain([first], pieces):
            received += len(piece)
            bad += len(piece) - piece.count(b"x")
            if received >= next_sample:
                peak = max(peak, resident(app.pid))
                next_sample += SAMPLE_EVERY
    assert received == BODY
    assert bad == 0, f"{bad} bytes of the body are not `x`"
    growth = peak - baseline
    assert growth < MOST_GROWTH, f"the server grew by {growth / 2**20:.1f} MiB while it streamed {BODY / 2**20:.0f} MiB"


def test_the_answer_is_an_octet_stream(app: App) -> None:
    with app.client.stream("GET", "/stream") as response:
        assert response.status_code == 200
        assert media_type(response) == "application/octet-stream"


def test_a_client_leaving_mid_stream_leaves_the_server_healthy(app: App) -> None:
    with app.client.stream("GET", "/stream") as response:
        assert len(next(response.iter_bytes(CHUNK))) > 0
    with httpx.Client(base_url=app.base_url, timeout=30) as fresh:
        assert len(fresh.get("/stream").content) == BODY
