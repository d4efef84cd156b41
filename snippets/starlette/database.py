"""Keep todos in PostgreSQL through an asyncpg pool that Starlette's lifespan opens at startup and closes at shutdown."""

import contextlib
import os
import random
from collections.abc import AsyncIterator

import asyncpg
from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

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


class Todo(BaseModel):
    title: str
    done: bool = False


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[dict[str, asyncpg.Pool]]:
    # At most 20 requests wait on the database at once; the 21st waits for a free connection.
    async with asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=20) as pool:
        await pool.execute(SCHEMA)
        # What the lifespan yields becomes each request's state; leaving the block closes every connection.
        yield {"pool": pool}


async def invalid_body(request: Request, error: Exception) -> JSONResponse:
    """A 422 that names each field at fault, for a body that is no Todo."""
    assert isinstance(error, ValidationError)
    return JSONResponse({"detail": error.errors(include_url=False, include_context=False, include_input=False)}, 422)


async def list_todos(request: Request) -> JSONResponse:
    rows = await request.state.pool.fetch("SELECT id, title, done FROM todos ORDER BY id")
    return JSONResponse([dict(row) for row in rows])


async def create_todo(request: Request) -> JSONResponse:
    todo = Todo.model_validate_json(await request.body())
    # asyncpg sends the values apart from the SQL text, as $1 and $2, so no title can change the statement.
    row = await request.state.pool.fetchrow(
        "INSERT INTO todos (title, done) VALUES ($1, $2) RETURNING id, title, done", todo.title, todo.done
    )
    return JSONResponse(dict(row), status_code=201)


async def read_todo(request: Request) -> JSONResponse:
    row = await request.state.pool.fetchrow("SELECT id, title, done FROM todos WHERE id = $1", request.path_params["id"])
    if row is None:
        raise HTTPException(404)
    return JSONResponse(dict(row))


async def replace_todo(request: Request) -> JSONResponse:
    todo = Todo.model_validate_json(await request.body())
    row = await request.state.pool.fetchrow(
        "UPDATE todos SET title = $2, done = $3 WHERE id = $1 RETURNING id, title, done",
        request.path_params["id"],
        todo.title,
        todo.done,
    )
    if row is None:
        raise HTTPException(404)
    return JSONResponse(dict(row))


async def delete_todo(request: Request) -> Response:
    deleted = await request.state.pool.fetchval("DELETE FROM todos WHERE id = $1 RETURNING id", request.path_params["id"])
    if deleted is None:
        raise HTTPException(404)
    return Response(status_code=204)


async def one_world_row(request: Request) -> JSONResponse:
    row = await request.state.pool.fetchrow("SELECT id, randomnumber FROM world WHERE id = $1", random.randint(1, WORLD_ROWS))
    return JSONResponse({"id": row["id"], "randomNumber": row["randomnumber"]})


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


async def world_rows(request: Request) -> JSONResponse:
    rows = []
    async with request.state.pool.acquire() as connection:
        for _ in range(query_count(request.query_params.get("n"))):
            row = await connection.fetchrow("SELECT id, randomnumber FROM world WHERE id = $1", random.randint(1, WORLD_ROWS))
            rows.append({"id": row["id"], "randomNumber": row["randomnumber"]})
    return JSONResponse(rows)


async def sleep(request: Request) -> JSONResponse:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await request.state.pool.execute("SELECT pg_sleep(0.2)")
    return JSONResponse({"slept": 0.2})


app = Starlette(
    routes=[
        Route("/todos", list_todos, methods=["GET"]),
        Route("/todos", create_todo, methods=["POST"]),
        Route("/todos/{id:int}", read_todo, methods=["GET"]),
        Route("/todos/{id:int}", replace_todo, methods=["PUT"]),
        Route("/todos/{id:int}", delete_todo, methods=["DELETE"]),
        Route("/db", one_world_row),
        Route("/queries", world_rows),
        Route("/sleep", sleep),
    ],
    exception_handlers={ValidationError: invalid_body},
    lifespan=lifespan,
)
