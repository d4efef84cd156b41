"""Run a job after the 202 answer with aiojobs, the job scheduler aiohttp's docs name for background work."""

import asyncio
import uuid

from aiohttp import web
from aiojobs.aiohttp import setup, spawn

# Job states live in this one process's memory: workers do not share them and a restart forgets them.
job_states = web.AppKey("job_states", dict[str, str])


async def work(states: dict[str, str], job_id: str) -> None:
    await asyncio.sleep(1)  # Stands in for the real work, such as a call to a slow service.
    states[job_id] = "done"


async def start_job(request: web.Request) -> web.Response:
    states = request.app[job_states]
    job_id = str(uuid.uuid4())
    states[job_id] = "pending"
    # The app's scheduler runs the job on after this answer (at most 100 at once, the rest queued) and lets running
    # jobs finish before the app shuts down.
    await spawn(request, work(states, job_id))
    return web.json_response({"id": job_id, "status": "pending"}, status=202)


async def job_status(request: web.Request) -> web.Response:
    job_id = request.match_info["job_id"]
    states = request.app[job_states]
    if job_id not in states:
        return web.json_response({"error": "no such job"}, status=404)
    return web.json_response({"id": job_id, "status": states[job_id]})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app[job_states] = {}
    setup(app)
    app.add_routes([web.post("/jobs", start_job), web.get("/jobs/{job_id}", job_status)])
    return app
