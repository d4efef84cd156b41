"""Run a job after the 202 answer with FastAPI's BackgroundTasks, and report its status by id."""

import asyncio
import uuid
from typing import Literal

from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()

JobState = Literal["pending", "done"]


class Job(BaseModel):
    id: str
    status: JobState


# One process's memory: other workers never see these states and a restart loses them.
jobs: dict[str, JobState] = {}


async def run_job(job_id: str) -> None:
    await asyncio.sleep(1)  # In place of the slow part, such as a call to another service.
    jobs[job_id] = "done"


@app.post("/jobs", status_code=202)
async def start_job(background_tasks: BackgroundTasks) -> Job:
    job_id = uuid.uuid4().hex
    jobs[job_id] = "pending"
    # FastAPI hands the task to the response, which awaits it once the 202 has gone out.
    background_tasks.add_task(run_job, job_id)
    return Job(id=job_id, status="pending")


@app.get("/jobs/{job_id}")
async def job_status(job_id: str) -> Job:
    if job_id not in jobs:
        raise HTTPException(status_code=404, detail="no such job")
    return Job(id=job_id, status=jobs[job_id])
