"""Run a job after the 202 answer with Falcon's Response.schedule, and report its status by id."""

import asyncio
import functools
import uuid

import falcon
import falcon.asgi

# Job states live in this one process's memory: workers do not share them and a restart forgets them.
jobs: dict[str, str] = {}


async def work(job_id: str) -> None:
    await asyncio.sleep(1)  # Stands in for the real work, such as a call to a slow service.
    jobs[job_id] = "done"


class Jobs:
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        job_id = str(uuid.uuid4())
        jobs[job_id] = "pending"
        # Falcon starts the coroutine on the event loop once the response has gone out; it takes no arguments.
        resp.schedule(functools.partial(work, job_id))
        resp.status = falcon.HTTP_202
        resp.media = {"id": job_id, "status": "pending"}


class Job:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, job_id: str) -> None:
        if job_id not in jobs:
            raise falcon.HTTPNotFound(description="no such job")
        resp.media = {"id": job_id, "status": jobs[job_id]}


app = falcon.asgi.App()
app.add_route("/jobs", Jobs())
app.add_route("/jobs/{job_id}", Job())
