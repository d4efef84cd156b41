"""Keep todos in PostgreSQL through psycopg 3's AsyncConnectionPool, opened in main() before listen() and closed on SIGTERM."""

import asyncio
import os
import random
import signal
from typing import Any

from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool
from tornado.escape import json_encode
from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler
from webargs import fields
from webargs.tornadoparser import HTTPError as ValidationError
from webargs.tornadoparser import use_args

define("port", default=8000, type=int, help="port to listen on")

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
TODO = {"title": fields.Str(required=True), "done": fields.Bool(load_default=False)}
# One random world row, under the JSON key the benchmarks expect.
WORLD_ROW = 'SELECT id, randomnumber AS "randomNumber" FROM world WHERE id = %s'


class DatabaseHandler(RequestHandler):
    """A handler given the app's pool, which answers webargs' validation errors as JSON naming each field."""

    def initialize(self, pool: AsyncConnectionPool) -> None:
        self.pool = pool

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        _, error, _ = kwargs.get("exc_info", (None, None, None))
        if isinstance(error, ValidationError):
            self.finish({"errors": error.messages})
        else:
            super().write_error(status_code, **kwargs)


class TodoListHandler(DatabaseHandler):
    async def get(self) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute("SELECT id, title, done FROM todos ORDER BY id")
            # write() would refuse a list, lest an old browser read it as script: encode it ourselves.
            self.set_header("Content-Type", "application/json")
            self.write(json_encode(await cursor.fetchall()))

    @use_args(TODO, location="json")
    async def post(self, todo: dict[str, Any]) -> None:
        # psycopg sends the values apart from the SQL text, so no title can change the statement.
        async with self.pool.connection() as connection:
            cursor = await connection.execute(
                "INSERT INTO todos (title, done) VALUES (%s, %s) RETURNING id, title, done", (todo["title"], todo["done"])
            )
            self.set_status(201)
            self.write(await cursor.fetchone())


class TodoHandler(DatabaseHandler):
    async def get(self, todo_id: str) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute("SELECT id, title, done FROM todos WHERE id = %s", (int(todo_id),))
            self.write(found(await cursor.fetchone()))

    @use_args(TODO, location="json")
    async def put(self, todo_id: str, todo: dict[str, Any]) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute(
                "UPDATE todos SET title = %s, done = %s WHERE id = %s RETURNING id, title, done",
                (todo["title"], todo["done"], int(todo_id)),
            )
            self.write(found(await cursor.fetchone()))

    async def delete(self, todo_id: str) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute("DELETE FROM todos WHERE id = %s RETURNING id", (int(todo_id),))
            found(await cursor.fetchone())
            self.set_status(204)


def found(row: dict[str, Any] | None) -> dict[str, Any]:
    """The row, or a 404 when the query found none."""
    if row is None:
        raise HTTPError(404)
    return row


def query_count(value: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(value or ""), 1), 500)
    except ValueError:
        return 1


class OneWorldRowHandler(DatabaseHandler):
    async def get(self) -> None:
        async with self.pool.connection() as connection:
            cursor = await connection.execute(WORLD_ROW, (random.randint(1, WORLD_ROWS),))
            self.write(await cursor.fetchone())


class WorldRowsHandler(DatabaseHandler):
    async def get(self) -> None:
        rows = []
        async with self.pool.connection() as connection:
            for _ in range(query_count(self.get_query_argument("n", None))):
                cursor = await connection.execute(WORLD_ROW, (random.randint(1, WORLD_ROWS),))
                rows.append(await cursor.fetchone())
        self.set_header("Content-Type", "application/json")
        self.write(json_encode(rows))


class SleepHandler(DatabaseHandler):
    async def get(self) -> None:
        # The await hands the event loop to other requests while PostgreSQL sleeps.
        async with self.pool.connection() as connection:
            await connection.execute("SELECT pg_sleep(0.2)")
        self.write({"slept": 0.2})


async def main() -> None:
    parse_command_line()
    # Tornado has no shutdown hook: main() waits on this event, and SIGTERM sets it so that main() goes on to close
    # the server and the pool instead of the process dying with its connections open.
    shutdown = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, shutdown.set)
    # At most 20 requests wait on the database at once, one per connection; the 21st waits for a free one.
    async with AsyncConnectionPool(DATABASE_URL, min_size=4, max_size=20, kwargs={"row_factory": dict_row}, open=False) as pool:
        # Fail fast: listen only once the pool has its first connections and the tables exist.
        await pool.wait()
        async with pool.connection() as connection:
            await connection.execute(SCHEMA)
        routes = [
            (r"/todos", TodoListHandler),
            (r"/todos/(\d+)", TodoHandler),
            (r"/db", OneWorldRowHandler),
            (r"/queries", WorldRowsHandler),
            (r"/sleep", SleepHandler),
        ]
        app = Application([(path, handler, {"pool": pool}) for path, handler in routes])
        server = app.listen(options.port, address="127.0.0.1")
        await shutdown.wait()
        # Stop taking connections and close the open ones, then leave the block, which closes the pool.
        server.stop()
        await server.close_all_connections()


if __name__ == "__main__":
    asyncio.run(main())
