"""Keep todos in PostgreSQL from Klein through Twisted's adbapi pool: psycopg 3 connections in worker threads."""

import json
import os
import random
import sys

from klein import Klein
from twisted.enterprise import adbapi
from twisted.internet import task
from twisted.internet.defer import Deferred
from twisted.internet.endpoints import serverFromString
from twisted.internet.interfaces import IReactorCore
from twisted.logger import globalLogBeginner, textFileLogObserver
from twisted.python.failure import Failure
from twisted.web.iweb import IRequest
from twisted.web.server import Site

DATABASE_URL = os.environ["DATABASE_URL"]
WORLD_ROWS = 10_000
SCHEMA = """
CREATE TABLE IF NOT EXISTS todos (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    done boolean NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS world (id integer PRIMARY KEY, randomnumber integer NOT NULL);
INSERT INTO world (id, randomnumber)
SELECT n, 1 + floor(random() * 10000)::integer FROM generate_series(1, 10000) AS n
WHERE NOT EXISTS (SELECT FROM world);
"""

app = Klein()
# psycopg blocks, so adbapi runs every query in a thread of its own pool, each thread holding one connection, and
# hands the result back to the reactor as a Deferred. With cp_max 20, twenty requests wait on the database at once
# and the next waits for a free thread. The pool starts with the reactor and, from a shutdown trigger it registers
# itself, stops its threads and closes their connections when the reactor stops, as it does on SIGTERM.
pool = adbapi.ConnectionPool("psycopg", DATABASE_URL, cp_min=2, cp_max=20)


class InvalidTodo(ValueError):
    """A body that is no todo; the message names the field at fault."""


class NoSuchTodo(LookupError):
    """No todo has the id in the path."""


def json_answer(request: IRequest, payload: object, code: int = 200) -> str:
    request.setResponseCode(code)
    request.setHeader("Content-Type", "application/json")
    return json.dumps(payload)


@app.handle_errors(InvalidTodo)
def invalid_todo(request: IRequest, failure: Failure) -> str:
    return json_answer(request, {"error": str(failure.value)}, 400)


@app.handle_errors(NoSuchTodo)
def no_such_todo(request: IRequest, failure: Failure) -> str:
    return json_answer(request, {"error": "not found"}, 404)


def todo_fields(request: IRequest) -> tuple[str, bool]:
    # Klein's forms read JSON but take a POST only with a session and its CSRF token, so an open JSON API checks the
    # body itself.
    try:
        body = json.loads(request.content.read())
    except ValueError as error:
        raise InvalidTodo(f"the body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise InvalidTodo("the body must be a JSON object")
    title, done = body.get("title"), body.get("done", False)
    if not isinstance(title, str):
        raise InvalidTodo("title: a string is required")
    if not isinstance(done, bool):
        raise InvalidTodo("done: must be true or false")
    return title, done


def todo_json(row: tuple[int, str, bool]) -> dict[str, object]:
    todo_id, title, done = row
    return {"id": todo_id, "title": title, "done": done}


def found(rows: list[tuple[int, str, bool]]) -> dict[str, object]:
    if not rows:
        raise NoSuchTodo()
    return todo_json(rows[0])


@app.route("/todos", methods=["GET"])
async def list_todos(request: IRequest) -> str:
    rows = await pool.runQuery("SELECT id, title, done FROM todos ORDER BY id")
    return json_answer(request, [todo_json(row) for row in rows])


# psycopg sends the values apart from the SQL text, so no title can change the statement.
@app.route("/todos", methods=["POST"])
async def create_todo(request: IRequest) -> str:
    rows = await pool.runQuery("INSERT INTO todos (title, done) VALUES (%s, %s) RETURNING id, title, done", todo_fields(request))
    return json_answer(request, found(rows), 201)


@app.route("/todos/<int:todo_id>", methods=["GET"])
async def read_todo(request: IRequest, todo_id: int) -> str:
    rows = await pool.runQuery("SELECT id, title, done FROM todos WHERE id = %s", (todo_id,))
    return json_answer(request, found(rows))


@app.route("/todos/<int:todo_id>", methods=["PUT"])
async def replace_todo(request: IRequest, todo_id: int) -> str:
    rows = await pool.runQuery(
        "UPDATE todos SET title = %s, done = %s WHERE id = %s RETURNING id, title, done",
        (*todo_fields(request), todo_id),
    )
    return json_answer(request, found(rows))


@app.route("/todos/<int:todo_id>", methods=["DELETE"])
async def delete_todo(request: IRequest, todo_id: int) -> bytes:
    if not await pool.runQuery("DELETE FROM todos WHERE id = %s RETURNING id", (todo_id,)):
        raise NoSuchTodo()
    request.setResponseCode(204)
    return b""


def random_world_rows(cursor: adbapi.Transaction, count: int) -> list[dict[str, int]]:
    """`count` rows of world, one query each, all on the one connection of this worker thread."""
    rows = []
    for _ in range(count):
        cursor.execute("SELECT id, randomnumber FROM world WHERE id = %s", (random.randint(1, WORLD_ROWS),))
        world_id, random_number = cursor.fetchone()
        rows.append({"id": world_id, "randomNumber": random_number})
    return rows


@app.route("/db", methods=["GET"])
async def one_world_row(request: IRequest) -> str:
    [row] = await pool.runInteraction(random_world_rows, 1)
    return json_answer(request, row)


def query_count(text: bytes | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or b""), 1), 500)
    except ValueError:
        return 1


@app.route("/queries", methods=["GET"])
async def world_rows(request: IRequest) -> str:
    count = query_count(request.args.get(b"n", [None])[0])
    return json_answer(request, await pool.runInteraction(random_world_rows, count))


@app.route("/sleep", methods=["GET"])
async def sleep(request: IRequest) -> str:
    # The reactor serves other requests while a worker thread waits on PostgreSQL.
    await pool.runOperation("SELECT pg_sleep(0.2)")
    return json_answer(request, {"slept": 0.2})


async def serve(reactor: IReactorCore, port: str) -> None:
    # Klein.run would open the port at once; here the tables, and the pool's first connection, are ready before it.
    await pool.runOperation(SCHEMA)
    site = Site(app.resource())
    site.displayTracebacks = False
    await serverFromString(reactor, f"tcp:port={port}:interface=127.0.0.1").listen(site)
    # Serve until a signal stops the reactor.
    await Deferred()


if __name__ == "__main__":
    globalLogBeginner.beginLoggingTo([textFileLogObserver(sys.stdout)])
    task.react(serve, sys.argv[1:])
