"""Keep todos in PostgreSQL through a psycopg_pool.ConnectionPool that gunicorn's worker hooks open and close."""

import json
import os
import random
from typing import Any

from bottle import Bottle, HTTPError, HTTPResponse, abort, request, response
from marshmallow import Schema, fields
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool
from webargs.bottleparser import use_args

DATABASE_URL = os.environ["DATABASE_URL"]
WORLD_ROWS = 10_000
CREATE_TABLES = (
    """CREATE TABLE IF NOT EXISTS todos (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title text NOT NULL,
        done boolean NOT NULL DEFAULT false
    )""",
    "CREATE TABLE IF NOT EXISTS world (id integer PRIMARY KEY, randomnumber integer NOT NULL)",
    # Fills the table only while it is empty, so a restart keeps the rows it has.
    """INSERT INTO world (id, randomnumber)
    SELECT n, 1 + floor(random() * 10000)::integer FROM generate_series(1, 10000) AS n
    WHERE NOT EXISTS (SELECT FROM world)""",
)

app = Bottle()
# gunicorn runs 20 threads (--threads 20), each serving one request at a time, and the pool keeps a connection for each:
# 20 requests wait on the database at once, and the 21st waits in gunicorn's queue for a free thread. Gunicorn's
# master process imports this module too, as its configuration, so the pool is opened only in the worker it forks.
pool = ConnectionPool(DATABASE_URL, min_size=20, open=False, kwargs={"row_factory": dict_row})


# Bottle has no startup or shutdown hook, so this module is also gunicorn's configuration (--config python:database),
# where these two names are server hooks: gunicorn calls post_worker_init once the worker has loaded the app and
# before it serves, and worker_exit when the worker stops, on SIGTERM too.
def post_worker_init(worker: Any) -> None:
    pool.open(wait=True)
    with pool.connection() as connection:
        for statement in CREATE_TABLES:
            connection.execute(statement)


def worker_exit(server: Any, worker: Any) -> None:
    # Closes every connection with a goodbye to PostgreSQL.
    pool.close()


class TodoIn(Schema):
    title = fields.Str(required=True)
    done = fields.Bool(load_default=False)


@app.get("/todos")
def list_todos() -> str:
    with pool.connection() as connection:
        rows = connection.execute("SELECT id, title, done FROM todos ORDER BY id").fetchall()
    # Bottle's JSON plugin serialises dicts only, so a list is dumped here.
    response.content_type = "application/json"
    return json.dumps(rows)


# psycopg sends the values apart from the SQL text, where %s only marks their places, so no title can change the statement.
@app.post("/todos")
@use_args(TodoIn(), location="json")
def create_todo(todo: dict[str, Any]) -> HTTPResponse:
    with pool.connection() as connection:
        row = connection.execute("INSERT INTO todos (title, done) VALUES (%(title)s, %(done)s) RETURNING id, title, done", todo).fetchone()
    return HTTPResponse(row, status=201)


@app.get("/todos/<todo_id:int>")
def read_todo(todo_id: int) -> dict[str, Any]:
    with pool.connection() as connection:
        row = connection.execute("SELECT id, title, done FROM todos WHERE id = %s", [todo_id]).fetchone()
    return row or abort(404, "No such todo.")


@app.put("/todos/<todo_id:int>")
@use_args(TodoIn(), location="json")
def replace_todo(todo: dict[str, Any], todo_id: int) -> dict[str, Any]:
    with pool.connection() as connection:
        row = connection.execute(
            "UPDATE todos SET title = %(title)s, done = %(done)s WHERE id = %(id)s RETURNING id, title, done",
            {**todo, "id": todo_id},
        ).fetchone()
    return row or abort(404, "No such todo.")


@app.delete("/todos/<todo_id:int>")
def delete_todo(todo_id: int) -> HTTPResponse:
    with pool.connection() as connection:
        deleted = connection.execute("DELETE FROM todos WHERE id = %s RETURNING id", [todo_id]).fetchone()
    return HTTPResponse(status=204) if deleted else abort(404, "No such todo.")


RANDOM_WORLD_ROW = 'SELECT id, randomnumber AS "randomNumber" FROM world WHERE id = %s'


@app.get("/db")
def one_world_row() -> dict[str, Any]:
    with pool.connection() as connection:
        return connection.execute(RANDOM_WORLD_ROW, [random.randint(1, WORLD_ROWS)]).fetchone()


def query_count() -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(request.query.get("n", "")), 1), 500)
    except ValueError:
        return 1


@app.get("/queries")
def world_rows() -> str:
    with pool.connection() as connection:
        rows = [connection.execute(RANDOM_WORLD_ROW, [random.randint(1, WORLD_ROWS)]).fetchone() for _ in range(query_count())]
    response.content_type = "application/json"
    return json.dumps(rows)


@app.get("/sleep")
def sleep() -> dict[str, float]:
    # Blocks this thread only; the other 19 go on serving.
    with pool.connection() as connection:
        connection.execute("SELECT pg_sleep(0.2)")
    return {"slept": 0.2}


# webargs answers 422 for a field that fails, and 400 for JSON it cannot parse, with messages keyed by field; Bottle's
# JSON plugin has already turned them into JSON text, but the default error page would wrap it in HTML.
@app.error(400)
@app.error(422)
def invalid(error: HTTPError) -> str:
    response.content_type = "application/json"
    return str(error.body)
