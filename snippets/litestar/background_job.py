"""Run a job once the 202 answer is sent with Litestar's BackgroundTask, and report its status by id."""

import asyncio
import uuid
from dataclasses import dataclass
from typing import Literal

from litestar import Litestar, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.status_codes import HTTP_202_ACCEPTED

JobState = Literal["pending", "done"]


@dataclass
class Job:
    id: str
    status: JobState


# Kept in this one process: a second worker would not see these states, and a restart drops them.
jobs: dict[str, JobState] = {}


async def run_job(job_id: str) -> None:
    await asyncio.sleep(1)  # The slow work itself would go here, such as a request to another service.
    jobs[job_id] = "done"


@post("/jobs", status_code=HTTP_202_ACCEPTED)
async def start_job() -> Response[Job]:
    job_id = uuid.uuid4().hex
    jobs[job_id] = "pending"
    # Litestar awaits the background task after the last byte of the response has been sent.
    return Response(Job(id=job_id, status="pending"), background=BackgroundTask(run_job, job_id))


@get("/jobs/{job_id:str}")
async def job_status(job_id: FromPath[str]) -> Job:
    if job_id not in jobs:
        raise NotFoundException("no such job")
    return Job(id=job_id, status=jobs[job_id])


app = Litestar(route_handlers=[start_job, job_status])
