"""Start a job with Quart's app.add_background_task, answer 202 at once, and report the job's status by id."""

import asyncio
import uuid

from quart import Quart

app = Quart(__name__)

# This process's memory holds the job states: other workers cannot see them and a restart loses them; keep them
# in a database or a task queue's result store in a real app.
jobs: dict[str, str] = {}


async def work(job_id: str) -> None:
    await asyncio.sleep(1)  # In place of the slow part, such as a call to another service.
    jobs[job_id] = "done"


@app.post("/jobs")
async def start_job() -> tuple[dict[str, str], int]:
    job_id = str(uuid.uuid4())
    jobs[job_id] = "pending"
    # The task runs inside an app context; at shutdown Quart waits for it up to BACKGROUND_TASK_SHUTDOWN_TIMEOUT.
    app.add_background_task(work, job_id)
    return {"id": job_id, "status": "pending"}, 202


@app.get("/jobs/<job_id>")
async def job_status(job_id: str) -> tuple[dict[str, str], int]:
    if job_id not in jobs:
        return {"error": "no such job"}, 404
    return {"id": job_id, "status": jobs[job_id]}, 200
