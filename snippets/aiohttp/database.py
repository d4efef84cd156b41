"""Keep todos in PostgreSQL through SQLAlchemy's asyncio engine on asyncpg, made and disposed in an aiohttp cleanup context."""

import os
import random
from collections.abc import AsyncIterator
from typing import Any, Literal, NotRequired, TypedDict

import sqlalchemy as sa
from aiohttp import web
from aiohttp_apischema import APIResponse, SchemaGenerator
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# SQLAlchemy picks its driver from the URL's scheme: postgresql+asyncpg is its asyncio dialect on asyncpg.
DATABASE_URL = sa.make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+asyncpg")
WORLD_ROWS = 10_000
SCHEMA = SchemaGenerator()
engine_key = web.AppKey("engine", AsyncEngine)

metadata = sa.MetaData()
todos = sa.Table(
    "todos",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
)
world = sa.Table(
    "world",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("randomnumber", sa.Integer, nullable=False),
)


class NewTodo(TypedDict):
    title: str
    done: NotRequired[bool]


class Todo(TypedDict):
    id: int
    title: str
    done: bool


class WorldRow(TypedDict):
    id: int
    randomNumber: int


async def database_engine(app: web.Application) -> AsyncIterator[None]:
    # At most 20 requests hold a connection at once; the 21st waits in the pool for one to come back.
    engine = create_async_engine(DATABASE_URL, pool_size=20, max_overflow=0)
    async with engine.begin() as connection:
        # create_all looks each table up first and creates only the missing ones.
        await connection.run_sync(metadata.create_all)
        if await connection.scalar(sa.select(sa.func.count()).select_from(world)) == 0:
            rows = [{"id": n, "randomnumber": random.randint(1, WORLD_ROWS)} for n in range(1, WORLD_ROWS + 1)]
            await connection.execute(world.insert(), rows)
    app[engine_key] = engine
    yield
    # Closes every pooled connection, which says goodbye to PostgreSQL, when the server stops.
    await engine.dispose()


def todo_id(request: web.Request) -> int:
    return int(request.match_info["id"])


def todo_body(row: sa.Row[Any]) -> Todo:
    return {"id": row.id, "title": row.title, "done": row.done}


async def list_todos(request: web.Request) -> web.Response:
    async with request.app[engine_key].connect() as connection:
        result = await connection.execute(sa.select(todos).order_by(todos.c.id))
    return web.json_response([todo_body(row) for row in result])


# SQLAlchemy sends every value as a bound parameter, apart from the SQL text, so no title can change the statement.
@SCHEMA.api()
async def create_todo(request: web.Request, body: NewTodo) -> APIResponse[Todo, Literal[201]]:
    values = {"title": body["title"], "done": body.get("done", False)}
    async with request.app[engine_key].begin() as connection:
        row = (await connection.execute(todos.insert().values(values).returning(*todos.c))).one()
    return APIResponse(todo_body(row), status=201)


async def read_todo(request: web.Request) -> web.Response:
    async with request.app[engine_key].connect() as connection:
        row = (await connection.execute(sa.select(todos).where(todos.c.id == todo_id(request)))).one_or_none()
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(todo_body(row))


@SCHEMA.api()
async def replace_todo(request: web.Request, body: NewTodo) -> APIResponse[Todo]:
    values = {"title": body["title"], "done": body.get("done", False)}
    statement = todos.update().where(todos.c.id == todo_id(request)).values(values).returning(*todos.c)
    async with request.app[engine_key].begin() as connection:
        row = (await connection.execute(statement)).one_or_none()
    if row is None:
        raise web.HTTPNotFound()
    return APIResponse(todo_body(row))


async def delete_todo(request: web.Request) -> web.Response:
    statement = todos.delete().where(todos.c.id == todo_id(request)).returning(todos.c.id)
    async with request.app[engine_key].begin() as connection:
        deleted = await connection.scalar(statement)
    if deleted is None:
        raise web.HTTPNotFound()
    return web.Response(status=204)


def random_world_row() -> sa.Select[tuple[int, int]]:
    return sa.select(world.c.id, world.c.randomnumber).where(world.c.id == random.randint(1, WORLD_ROWS))


async def one_world_row(request: web.Request) -> web.Response:
    async with request.app[engine_key].connect() as connection:
        row = (await connection.execute(random_world_row())).one()
    return web.json_response({"id": row.id, "randomNumber": row.randomnumber})


def query_count(request: web.Request) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(request.query.get("n", "")), 1), 500)
    except ValueError:
        return 1


async def world_rows(request: web.Request) -> web.Response:
    rows: list[WorldRow] = []
    # One connection for the whole request, and one SELECT on it per row.
    async with request.app[engine_key].connect() as connection:
        for _ in range(query_count(request)):
            row = (await connection.execute(random_world_row())).one()
            rows.append({"id": row.id, "randomNumber": row.randomnumber})
    return web.json_response(rows)


async def sleep(request: web.Request) -> web.Response:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    async with request.app[engine_key].connect() as connection:
        await connection.execute(sa.select(sa.func.pg_sleep(0.2)))
    return web.json_response({"slept": 0.2})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    # The code before its yield runs at startup, before the server listens; the code after it at shutdown.
    app.cleanup_ctx.append(database_engine)
    app.add_routes(
        [
            web.get("/todos", list_todos),
            web.post("/todos", create_todo),
            web.get(r"/todos/{id:\d+}", read_todo),
            web.put(r"/todos/{id:\d+}", replace_todo),
            web.delete(r"/todos/{id:\d+}", delete_todo),
            web.get("/db", one_world_row),
            web.get("/queries", world_rows),
            web.get("/sleep", sleep),
        ]
    )
    # Besides validating bodies with a 400 that names each field, setup() publishes the OpenAPI schema at /schema.
    SCHEMA.setup(app)
    return app
