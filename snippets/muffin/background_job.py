"""Run a job after the 202 answer with Muffin's app.run_after_response, and report its status by id."""

import asyncio
import uuid

from muffin import Application, Request, ResponseError, ResponseJSON

app = Application()

# This process alone holds the states: another worker cannot read them and they are gone after a restart.
jobs: dict[str, str] = {}


async def run_job(job_id: str) -> None:
    await asyncio.sleep(1)  # Where the slow work would be, such as waiting on another service.
    jobs[job_id] = "done"


@app.route("/jobs", methods=["POST"])
async def start_job(request: Request) -> ResponseJSON:
    job_id = uuid.uuid4().hex
    jobs[job_id] = "pending"
    # Muffin sends the response first, then awaits what was scheduled before it ends the request.
    app.run_after_response(run_job(job_id))
    return ResponseJSON({"id": job_id, "status": "pending"}, status_code=202)


@app.route("/jobs/{job_id}", methods=["GET"])
async def job_status(request: Request) -> dict[str, str]:
    job_id = request.path_params["job_id"]
    if job_id not in jobs:
        raise ResponseError.NOT_FOUND("no such job")
    return {"id": job_id, "status": jobs[job_id]}
