"""Keep todos in PostgreSQL with Quart-DB, whose asyncpg pool opens before serving and closes after it."""

import os
import random

from pydantic import BaseModel
from quart import Quart, abort, g, request
from quart_db import QuartDB
from quart_schema import QuartSchema, RequestSchemaValidationError, validate_request

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

app = Quart(__name__)
QuartSchema(app)
# Quart-DB hooks its pool into before_serving and after_serving, and lends every request one pooled connection as
# g.connection. With max_size 20, twenty requests hold a connection at once and the next waits for one to come back.
# No migrations folder: this recipe makes its tables itself, below, rather than from numbered migration files.
db = QuartDB(app, url=DATABASE_URL, migrations_folder=None, backend_options={"min_size": 2, "max_size": 20})


class Todo(BaseModel):
    title: str
    done: bool = False


@app.before_serving
async def create_tables() -> None:
    # Registered after Quart-DB's own hook, so the pool is already open here.
    async with db.connection() as connection:
        await connection.execute(SCHEMA)


@app.errorhandler(RequestSchemaValidationError)
async def invalid_body(error: RequestSchemaValidationError) -> tuple[dict[str, str], int]:
    # Pydantic's message names each field at fault.
    return {"error": str(error.validation_error)}, 400


@app.get("/todos")
async def list_todos() -> list[dict[str, object]]:
    rows = await g.connection.fetch_all("SELECT id, title, done FROM todos ORDER BY id")
    return [dict(row) for row in rows]


# Quart-DB turns each :name into a numbered asyncpg parameter and sends the values apart from the SQL text.
@app.post("/todos")
@validate_request(Todo)
async def create_todo(data: Todo) -> tuple[dict[str, object], int]:
    row = await g.connection.fetch_first(
        "INSERT INTO todos (title, done) VALUES (:title, :done) RETURNING id, title, done", data.model_dump()
    )
    return dict(row), 201


@app.get("/todos/<int:todo_id>")
async def read_todo(todo_id: int) -> dict[str, object]:
    row = await g.connection.fetch_first("SELECT id, title, done FROM todos WHERE id = :id", {"id": todo_id})
    if row is None:
        abort(404)
    return dict(row)


@app.put("/todos/<int:todo_id>")
@validate_request(Todo)
async def replace_todo(todo_id: int, data: Todo) -> dict[str, object]:
    row = await g.connection.fetch_first(
        "UPDATE todos SET title = :title, done = :done WHERE id = :id RETURNING id, title, done",
        {"id": todo_id, **data.model_dump()},
    )
    if row is None:
        abort(404)
    return dict(row)


@app.delete("/todos/<int:todo_id>")
async def delete_todo(todo_id: int) -> tuple[str, int]:
    if await g.connection.fetch_val("DELETE FROM todos WHERE id = :id RETURNING id", {"id": todo_id}) is None:
        abort(404)
    return "", 204


async def random_world_row() -> dict[str, int]:
    row = await g.connection.fetch_first("SELECT id, randomnumber FROM world WHERE id = :id", {"id": random.randint(1, WORLD_ROWS)})
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


@app.get("/db")
async def one_world_row() -> dict[str, int]:
    return await random_world_row()


@app.get("/queries")
async def world_rows() -> list[dict[str, int]]:
    # Werkzeug gives the default when the value does not convert, so n is 1 when missing, empty or not an integer.
    count = min(max(request.args.get("n", 1, type=int), 1), 500)
    return [await random_world_row() for _ in range(count)]


@app.get("/sleep")
async def sleep() -> dict[str, float]:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await g.connection.execute("SELECT pg_sleep(0.2)")
    return {"slept": 0.2}
