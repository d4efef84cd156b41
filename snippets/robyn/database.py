"""Keep todos in PostgreSQL through an asyncpg pool that Robyn's startup handler opens and its shutdown handler closes."""

import os
import random

import asyncpg
from pydantic import BaseModel
from robyn import Request, Response, Robyn, jsonify

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
WORLD_ROW = "SELECT id, randomnumber FROM world WHERE id = $1"

app = Robyn(__file__)


class Database:
    """The app's pool: made by the startup handler, on the event loop that then runs the async handlers."""

    pool: asyncpg.Pool


database = Database()


class TodoIn(BaseModel):
    title: str
    done: bool = False


async def open_pool() -> None:
    # Robyn runs the startup handler to the end before it takes a request.
    # At most 20 requests wait on the database at once; the 21st waits for a free connection.
    database.pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=20)
    await database.pool.execute(SCHEMA)


async def close_pool() -> None:
    # Closes every connection, so PostgreSQL sees each client say goodbye. Robyn 0.88 runs this when Ctrl+C (SIGINT)
    # stops the server, but not on SIGTERM: the server then stops answering and the process waits to be killed
    # (sparckles/Robyn#1324).
    await database.pool.close()


app.startup_handler(open_pool)
app.shutdown_handler(close_pool)


def not_found() -> Response:
    return Response(status_code=404, headers={"Content-Type": "application/json"}, body=jsonify({"error": "no such todo"}))


@app.get("/todos")
async def list_todos() -> list[dict[str, object]]:
    rows = await database.pool.fetch("SELECT id, title, done FROM todos ORDER BY id")
    return [dict(row) for row in rows]


@app.post("/todos", status_code=201)
async def create_todo(todo: TodoIn) -> dict[str, object]:
    # asyncpg sends the values apart from the SQL text, as $1 and $2, so no title can change the statement.
    row = await database.pool.fetchrow("INSERT INTO todos (title, done) VALUES ($1, $2) RETURNING id, title, done", todo.title, todo.done)
    return dict(row)


@app.get("/todos/:todo_id")
async def read_todo(todo_id: int) -> Response | dict[str, object]:
    row = await database.pool.fetchrow("SELECT id, title, done FROM todos WHERE id = $1", todo_id)
    return not_found() if row is None else dict(row)


@app.put("/todos/:todo_id")
async def replace_todo(todo_id: int, todo: TodoIn) -> Response | dict[str, object]:
    row = await database.pool.fetchrow(
        "UPDATE todos SET title = $2, done = $3 WHERE id = $1 RETURNING id, title, done", todo_id, todo.title, todo.done
    )
    return not_found() if row is None else dict(row)


@app.delete("/todos/:todo_id")
async def delete_todo(todo_id: int) -> Response:
    deleted = await database.pool.fetchval("DELETE FROM todos WHERE id = $1 RETURNING id", todo_id)
    return not_found() if deleted is None else Response(status_code=204, headers={}, body=b"")


@app.get("/db")
async def one_world_row() -> dict[str, int]:
    row = await database.pool.fetchrow(WORLD_ROW, random.randint(1, WORLD_ROWS))
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


def query_count(value: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(value or ""), 1), 500)
    except ValueError:
        return 1


@app.get("/queries")
async def world_rows(request: Request) -> list[dict[str, int]]:
    rows = []
    async with database.pool.acquire() as connection:
        for _ in range(query_count(request.query_params.get("n", None))):
            row = await connection.fetchrow(WORLD_ROW, random.randint(1, WORLD_ROWS))
            rows.append({"id": row["id"], "randomNumber": row["randomnumber"]})
    return rows


@app.get("/sleep")
async def sleep() -> dict[str, float]:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await database.pool.execute("SELECT pg_sleep(0.2)")
    return {"slept": 0.2}


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
