"""Run a job as a named Sanic task with app.add_task, answer 202 at once, and report its status by id."""

import asyncio
import uuid

from sanic import HTTPResponse, Request, Sanic, json

app = Sanic("BackgroundJob")

# The job states sit in this process's memory: Sanic's workers each have their own and a restart empties them;
# a real app records them in a database or a task queue.
jobs: dict[str, str] = {}


async def work(job_id: str) -> None:
    await asyncio.sleep(1)  # Stands in for the slow part, such as waiting on another service.
    jobs[job_id] = "done"


@app.post("/jobs")
async def start_job(request: Request) -> HTTPResponse:
    job_id = str(uuid.uuid4())
    jobs[job_id] = "pending"
    # A named task stays in the app's registry, so Sanic can cancel it at shutdown; dropping the finished ones
    # first keeps that registry from growing with every job.
    request.app.purge_tasks()
    request.app.add_task(work(job_id), name=f"job:{job_id}")
    return json({"id": job_id, "status": "pending"}, status=202)


@app.get("/jobs/<job_id>")
async def job_status(request: Request, job_id: str) -> HTTPResponse:
    if job_id not in jobs:
        return json({"error": "no such job"}, status=404)
    return json({"id": job_id, "status": jobs[job_id]})
