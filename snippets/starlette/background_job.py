"""Run a job after the 202 answer with Starlette's BackgroundTask, and report its status by id."""

import asyncio
import uuid

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

# Job states live in this process's memory: workers do not share them and a restart forgets them; a real app keeps
# them in a database or a task queue.
jobs: dict[str, str] = {}


async def work(job_id: str) -> None:
    await asyncio.sleep(1)  # Stands for the real work, such as calling a slow service.
    jobs[job_id] = "done"


async def start_job(request: Request) -> JSONResponse:
    job_id = str(uuid.uuid4())
    jobs[job_id] = "pending"
    # Starlette runs the task once the response has been sent.
    return JSONResponse({"id": job_id, "status": "pending"}, status_code=202, background=BackgroundTask(work, job_id))


async def job_status(request: Request) -> JSONResponse:
    job_id = request.path_params["job_id"]
    if job_id not in jobs:
        return JSONResponse({"error": "no such job"}, status_code=404)
    return JSONResponse({"id": job_id, "status": jobs[job_id]})


app = Starlette(routes=[Route("/jobs", start_job, methods=["POST"]), Route("/jobs/{job_id}", job_status)])
