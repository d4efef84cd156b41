"""Keep todos in PostgreSQL through psycopg 3's ConnectionPool in Flask, bodies checked by flask-openapi3 models."""

import atexit
import os
import random
from typing import Any

from flask import abort, request
from flask_openapi3 import OpenAPI
from psycopg import Connection
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool
from pydantic import BaseModel

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

# flask-openapi3 also serves the OpenAPI schema at /openapi/openapi.json and a docs page at /openapi/ (doc_ui=False turns them off).
app = OpenAPI(__name__)

# Flask has no startup or shutdown hook, so the pool opens when gunicorn's worker imports this module, and atexit
# closes it when the worker exits after SIGTERM, as psycopg's docs suggest.
# Each of gunicorn's 20 threads (--threads 20) holds at most one connection, so 20 requests wait on the database at once.
pool = ConnectionPool(DATABASE_URL, min_size=4, max_size=20, kwargs={"row_factory": dict_row}, open=True)
atexit.register(pool.close)
with pool.connection() as connection:
    connection.execute(SCHEMA)


class TodoIn(BaseModel):
    title: str
    done: bool = False


class TodoPath(BaseModel):
    todo_id: int


def found(row: dict[str, Any] | None) -> dict[str, Any]:
    if row is None:
        abort(404)
    return row


@app.get("/todos")
def list_todos() -> list[dict[str, Any]]:
    with pool.connection() as connection:
        return connection.execute("SELECT id, title, done FROM todos ORDER BY id").fetchall()


# A body that fails TodoIn never reaches the view: the answer is a 422 listing each error with its field in "loc".
@app.post("/todos")
def create_todo(body: TodoIn) -> tuple[dict[str, Any] | None, int]:
    # psycopg sends the values apart from the SQL text, so no title can change the statement.
    with pool.connection() as connection:
        cursor = connection.execute("INSERT INTO todos (title, done) VALUES (%s, %s) RETURNING id, title, done", (body.title, body.done))
        return cursor.fetchone(), 201


# Flask's int converter lets only digits through, and flask-openapi3 hands the segment to the view in a TodoPath.
@app.get("/todos/<int:todo_id>")
def read_todo(path: TodoPath) -> dict[str, Any]:
    with pool.connection() as connection:
        return found(connection.execute("SELECT id, title, done FROM todos WHERE id = %s", (path.todo_id,)).fetchone())


@app.put("/todos/<int:todo_id>")
def replace_todo(path: TodoPath, body: TodoIn) -> dict[str, Any]:
    with pool.connection() as connection:
        cursor = connection.execute(
            "UPDATE todos SET title = %s, done = %s WHERE id = %s RETURNING id, title, done",
            (body.title, body.done, path.todo_id),
        )
        return found(cursor.fetchone())


@app.delete("/todos/<int:todo_id>")
def delete_todo(path: TodoPath) -> tuple[str, int]:
    with pool.connection() as connection:
        found(connection.execute("DELETE FROM todos WHERE id = %s RETURNING id", (path.todo_id,)).fetchone())
    return "", 204


def world_row(connection: Connection) -> dict[str, int]:
    row = connection.execute("SELECT id, randomnumber FROM world WHERE id = %s", (random.randint(1, WORLD_ROWS),)).fetchone()
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


@app.get("/db")
def one_world_row() -> dict[str, int]:
    with pool.connection() as connection:
        return world_row(connection)


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


@app.get("/queries")
def world_rows() -> list[dict[str, int]]:
    # request.args and not a query model: a bad n gets one row here, where validation would answer 422.
    with pool.connection() as connection:
        return [world_row(connection) for _ in range(query_count(request.args.get("n")))]


@app.get("/sleep")
def sleep() -> dict[str, float]:
    # The thread waits, and the other 19 go on serving.
    with pool.connection() as connection:
        connection.execute("SELECT pg_sleep(0.2)")
    return {"slept": 0.2}
