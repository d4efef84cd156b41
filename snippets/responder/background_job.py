"""Defer a job until after the 202 answer with Responder's resp.background, and report its status by id."""

import asyncio
import uuid

import responder

api = responder.API()

# Kept in this one process's memory, so workers do not share job states and a restart forgets them; a real
# app stores them in a database or behind a task queue.
jobs: dict[str, str] = {}


async def work(job_id: str) -> None:
    await asyncio.sleep(1)  # Where the real work goes, such as a slow call to another service.
    jobs[job_id] = "done"


@api.post("/jobs")
async def start_job(req: responder.Request, resp: responder.Response) -> None:
    job_id = str(uuid.uuid4())
    jobs[job_id] = "pending"
    resp.status_code = 202
    resp.media = {"id": job_id, "status": "pending"}
    # An async function runs on the event loop once the client has the answer; a plain function would get a thread.
    resp.background(work, job_id)


@api.get("/jobs/{job_id}")
async def job_status(req: responder.Request, resp: responder.Response, *, job_id: str) -> None:
    if job_id not in jobs:
        resp.status_code = 404
        resp.media = {"error": "no such job"}
        return
    resp.media = {"id": job_id, "status": jobs[job_id]}
