"""Keep todos in PostgreSQL through psycopg 3's AsyncConnectionPool, opened and closed by a Falcon ASGI middleware."""

import os
import random
from typing import Any

import falcon
import falcon.asgi
from falcon.media.validators import jsonschema
from jsonschema import ValidationError
from psycopg import AsyncConnection
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

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
TODO = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "done": {"type": "boolean"}},
    "required": ["title"],
}


class Database:
    """Owns the app's pool; Falcon calls the two process_ methods on the server's ASGI lifespan events."""

    def __init__(self, url: str) -> None:
        # Opening in the constructor is deprecated for the async pool: it needs the running loop, so startup opens it.
        # At most 20 requests wait on the database at once, one per connection; the 21st waits for a free one.
        self.pool = AsyncConnectionPool(url, min_size=4, max_size=20, kwargs={"row_factory": dict_row}, open=False)

    async def process_startup(self, scope: dict[str, Any], event: dict[str, Any]) -> None:
        # Uvicorn lets requests in only once this returns, with the first connections open and the tables made.
        await self.pool.open(wait=True)
        async with self.pool.connection() as connection:
            await connection.execute(SCHEMA)

    async def process_shutdown(self, scope: dict[str, Any], event: dict[str, Any]) -> None:
        await self.pool.close()


class Todos:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self.pool = pool

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute("SELECT id, title, done FROM todos ORDER BY id")
            resp.media = await cursor.fetchall()

    @jsonschema.validate(req_schema=TODO)
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        todo = await req.get_media()
        # psycopg sends the values apart from the SQL text, so no title can change the statement.
        async with self.pool.connection() as connection:
            cursor = await connection.execute(
                "INSERT INTO todos (title, done) VALUES (%s, %s) RETURNING id, title, done",
                (todo["title"], todo.get("done", False)),
            )
            resp.media = await cursor.fetchone()
        resp.status = falcon.HTTP_201


class Todo:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self.pool = pool

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, todo_id: int) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute("SELECT id, title, done FROM todos WHERE id = %s", (todo_id,))
            resp.media = found(await cursor.fetchone())

    @jsonschema.validate(req_schema=TODO)
    async def on_put(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, todo_id: int) -> None:
        todo = await req.get_media()
        async with self.pool.connection() as connection:
            cursor = await connection.execute(
                "UPDATE todos SET title = %s, done = %s WHERE id = %s RETURNING id, title, done",
                (todo["title"], todo.get("done", False), todo_id),
            )
            resp.media = found(await cursor.fetchone())

    async def on_delete(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, todo_id: int) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute("DELETE FROM todos WHERE id = %s RETURNING id", (todo_id,))
            found(await cursor.fetchone())
        resp.status = falcon.HTTP_204


def found(row: dict[str, Any] | None) -> dict[str, Any]:
    if row is None:
        raise falcon.HTTPNotFound()
    return row


async def world_row(connection: AsyncConnection) -> dict[str, int]:
    cursor = await connection.execute("SELECT id, randomnumber FROM world WHERE id = %s", (random.randint(1, WORLD_ROWS),))
    row = await cursor.fetchone()
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


class World:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self.pool = pool

    async def on_get_one(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        async with self.pool.connection() as connection:
            resp.media = await world_row(connection)

    async def on_get_many(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        async with self.pool.connection() as connection:
            resp.media = [await world_row(connection) for _ in range(query_count(req.get_param("n")))]


class Sleep:
    def __init__(self, pool: AsyncConnectionPool) -> None:
        self.pool = pool

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        # The await hands the event loop to other requests while PostgreSQL sleeps.
        async with self.pool.connection() as connection:
            await connection.execute("SELECT pg_sleep(0.2)")
        resp.media = {"slept": 0.2}


async def name_the_field(
    req: falcon.asgi.Request, resp: falcon.asgi.Response, ex: falcon.MediaValidationError, params: dict[str, Any]
) -> None:
    # The validator passes on only jsonschema's message, which can leave out the field; its cause knows the path.
    if isinstance(ex.__cause__, ValidationError):
        raise falcon.HTTPBadRequest(title=ex.title, description=f"{ex.__cause__.json_path}: {ex.__cause__.message}")
    raise ex


database = Database(DATABASE_URL)
app = falcon.asgi.App(middleware=[database])
# As in Falcon's ASGI tutorial, each resource gets what it shares through its constructor.
app.add_route("/todos", Todos(database.pool))
app.add_route("/todos/{todo_id:int}", Todo(database.pool))
world = World(database.pool)
app.add_route("/db", world, suffix="one")
app.add_route("/queries", world, suffix="many")
app.add_route("/sleep", Sleep(database.pool))
app.add_error_handler(falcon.MediaValidationError, name_the_field)
