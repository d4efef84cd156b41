"""Hand a job to Tornado's IOLoop with spawn_callback, answer 202 at once, and report its status by id."""

import asyncio
import uuid

from tornado.ioloop import IOLoop
from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")

# Job states live only in this process: a second process would not see them and a restart drops them; a real app
# writes them to a database or leaves the jobs to a task queue.
jobs: dict[str, str] = {}


async def work(job_id: str) -> None:
    await asyncio.sleep(1)  # The slow part would go here, such as a request to another service.
    jobs[job_id] = "done"


class JobsHandler(RequestHandler):
    def post(self) -> None:
        job_id = str(uuid.uuid4())
        jobs[job_id] = "pending"
        # The IOLoop owns the coroutine from here and logs its traceback if it fails; nothing awaits it.
        IOLoop.current().spawn_callback(work, job_id)
        self.set_status(202)
        self.write({"id": job_id, "status": "pending"})


class JobHandler(RequestHandler):
    def get(self, job_id: str) -> None:
        if job_id not in jobs:
            self.set_status(404)
            self.write({"error": "no such job"})
            return
        self.write({"id": job_id, "status": jobs[job_id]})


async def main() -> None:
    parse_command_line()
    app = Application([(r"/jobs", JobsHandler), (r"/jobs/([^/]+)", JobHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
