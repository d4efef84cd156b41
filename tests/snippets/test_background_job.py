"""Task background_job: `POST /jobs` answers 202 with an id at once, the job runs on after the answer and is `done`
about a second later, and an unknown id is a 404."""

import time

import httpx
import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("background_job")

DONE_WITHIN_S = 2.0
"""A job takes about a second; it must be seen done within this long of the answer to its POST."""
POLL_S = 0.05
QUICK_S = 0.5
"""Far longer than a loopback request takes, far shorter than a job."""


def start_job(app: App) -> tuple[str, float]:
    """A new job's id, and when its 202 arrived."""
    response = app.client.post("/jobs")
    answered = time.monotonic()
    assert response.status_code == 202
    assert is_json(response)
    body = response.json()
    assert body["status"] == "pending"
    return str(body["id"]), answered


def status_of(app: App, job_id: str) -> str:
    response = app.client.get(f"/jobs/{job_id}")
    assert response.status_code == 200
    assert is_json(response)
    assert str(response.json()["id"]) == job_id
    status: str = response.json()["status"]
    return status


def test_a_job_is_pending_after_its_answer_and_done_about_a_second_later(app: App) -> None:
    job_id, answered = start_job(app)
    assert status_of(app, job_id) == "pending", "the job had finished before its POST was answered"
    while (status := status_of(app, job_id)) == "pending" and time.monotonic() - answered < DONE_WITHIN_S:
        time.sleep(POLL_S)
    assert status == "done", f"the job was still {status!r} {DONE_WITHIN_S} s after it was accepted"


def test_jobs_run_side_by_side(app: App) -> None:
    started = [start_job(app) for _ in range(3)]
    first_answered = started[0][1]
    # Three one-second jobs run one after another would take three seconds.
    for job_id, _ in started:
        while (status := status_of(app, job_id)) == "pending" and time.monotonic() - first_answered < DONE_WITHIN_S:
            time.sleep(POLL_S)
        assert status == "done", f"job {job_id} was still {status!r} {DONE_WITHIN_S} s after the first was accepted"


def test_each_job_gets_its_own_id(app: App) -> None:
    ids = {start_job(app)[0] for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize("job_id", ["999999", "no-such-job"])
def test_an_unknown_id_is_a_404(app: App, job_id: str) -> None:
    response = app.client.get(f"/jobs/{job_id}")
    assert response.status_code == 404


def test_the_server_answers_at_once_while_a_job_runs(app: App) -> None:
    job_id, _ = start_job(app)
    with httpx.Client(base_url=app.base_url, timeout=30) as other:
        before = time.monotonic()
        assert other.get("/jobs/no-such-job").status_code == 404
        waited = time.monotonic() - before
    # A job that blocked the server while it works would hold this answer back for most of its second.
    assert waited < QUICK_S, f"a request took {waited:.2f} s while a job ran"
    assert status_of(app, job_id) == "pending"
