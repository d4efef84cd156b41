"""Keep todos in PostgreSQL through psycopg 3's ConnectionPool, one connection per request from hug's context factory."""

import atexit
import json
import os
import random

import hug
from psycopg import Connection
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

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

# hug has no shutdown hook and its @hug.startup() handlers run on the first request, so the pool opens when gunicorn's
# worker imports this module, as hug's SQLAlchemy example makes its tables, and atexit closes it when the worker exits.
# Each of gunicorn's 20 threads (--threads 20) holds at most one connection, so 20 requests wait on the database at once.
pool = ConnectionPool(DATABASE_URL, min_size=4, max_size=20, kwargs={"row_factory": dict_row}, open=True)
atexit.register(pool.close)
with pool.connection() as connection:
    connection.execute(SCHEMA)


@hug.context_factory()
def request_context(*args, **kwargs):
    return {"connection": pool.getconn()}


# hug calls this after every request, also one that failed, so the connection always goes back to the pool. It calls
# it twice for an exception that a @hug.exception handler answers, first with the exception, so only the first counts.
@hug.delete_context()
def end_request(context, exception=None, errors=None, lacks_requirement=None):
    connection = context.pop("connection", None)
    if connection is None:
        return
    if exception is None:
        connection.commit()
    else:
        connection.rollback()
    pool.putconn(connection)


@hug.directive()
def database(default=None, context=None, **kwargs) -> Connection:
    """The request's pooled connection, for a parameter annotated with this directive."""
    return context["connection"]


# hug.types.text would turn a JSON number into a string, so this type insists on a string.
@hug.type()
def json_string(value):
    """A JSON string"""
    if not isinstance(value, str):
        raise ValueError("Invalid text value provided")
    return value


# hug's JSON input format lets a body that is not JSON escape as a 500; this answers it with a 400 instead.
@hug.exception(json.JSONDecodeError)
def bad_json(exception, response):
    response.status = hug.HTTP_400
    return {"errors": {"body": f"Invalid JSON: {exception}"}}


def not_found(response):
    response.status = hug.HTTP_404
    return {"error": "not found"}


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
@hug.get("/todos")
def list_todos(db: database):
    return db.execute("SELECT id, title, done FROM todos ORDER BY id").fetchall()


# Failed fields are collected into a 400 answer, {"errors": {"<field>": "<reason>"}}.
@hug.post("/todos", status=hug.HTTP_201)
def create_todo(db: database, title: json_string, done: hug.types.smart_boolean = False):
    # psycopg sends the values apart from the SQL text, so no title can change the statement.
    return db.execute("INSERT INTO todos (title, done) VALUES (%s, %s) RETURNING id, title, done", (title, done)).fetchone()


@hug.get("/todos/{todo_id}")
def read_todo(db: database, todo_id: hug.types.number, response):
    row = db.execute("SELECT id, title, done FROM todos WHERE id = %s", (todo_id,)).fetchone()
    return row or not_found(response)


@hug.put("/todos/{todo_id}")
def replace_todo(db: database, todo_id: hug.types.number, title: json_string, response, done: hug.types.smart_boolean = False):
    row = db.execute("UPDATE todos SET title = %s, done = %s WHERE id = %s RETURNING id, title, done", (title, done, todo_id)).fetchone()
    return row or not_found(response)


@hug.delete("/todos/{todo_id}", status=hug.HTTP_204)
def delete_todo(db: database, todo_id: hug.types.number, response):
    if db.execute("DELETE FROM todos WHERE id = %s RETURNING id", (todo_id,)).fetchone() is None:
        return not_found(response)


def world_row(db):
    row = db.execute("SELECT id, randomnumber FROM world WHERE id = %s", (random.randint(1, WORLD_ROWS),)).fetchone()
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


@hug.get("/db")
def one_world_row(db: database):
    return world_row(db)


def query_count(text):
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


# n has no type: a bad n gets one row here, where hug.types.number would answer 400.
@hug.get("/queries")
def world_rows(db: database, n=None):
    return [world_row(db) for _ in range(query_count(n))]


@hug.get("/sleep")
def sleep(db: database):
    # The thread waits, and the other 19 go on serving.
    db.execute("SELECT pg_sleep(0.2)")
    return {"slept": 0.2}
