"""Keep todos in PostgreSQL with SQLAlchemy's asyncio ORM on asyncpg, opened and disposed of by Sanic's listeners."""

import os
import random

from pydantic import BaseModel
from sanic import HTTPResponse, Request, Sanic, empty, json
from sanic.exceptions import NotFound
from sanic.views import HTTPMethodView
from sanic_ext import validate
from sqlalchemy import BigInteger, Identity, Select, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DATABASE_URL = os.environ["DATABASE_URL"]
WORLD_ROWS = 10_000

app = Sanic("Database")


class Base(DeclarativeBase):
    pass


class Todo(Base):
    __tablename__ = "todos"

    # bigint, so that ids past 2**31 are looked up and not found rather than overflowing the parameter.
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    title: Mapped[str]
    done: Mapped[bool] = mapped_column(default=False)

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "done": self.done}


class World(Base):
    __tablename__ = "world"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    randomnumber: Mapped[int]

    def as_dict(self) -> dict[str, int]:
        return {"id": self.id, "randomNumber": self.randomnumber}


class TodoIn(BaseModel):
    title: str
    done: bool = False


@app.before_server_start
async def open_database(app: Sanic) -> None:
    # Runs in the worker, on the loop that serves requests, so the pool's connections belong to that loop.
    # SQLAlchemy picks its driver from the URL's scheme: postgresql+asyncpg is the asyncio one.
    # At most 20 requests wait on the database at once, one per pooled connection; the 21st waits for a free one.
    url = make_url(DATABASE_URL).set(drivername="postgresql+asyncpg")
    app.ctx.engine = create_async_engine(url, pool_size=20, max_overflow=0)
    app.ctx.sessions = async_sessionmaker(app.ctx.engine, expire_on_commit=False)
    async with app.ctx.engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
        if await connection.scalar(select(func.count()).select_from(World)) == 0:
            rows = [{"id": n, "randomnumber": random.randint(1, WORLD_ROWS)} for n in range(1, WORLD_ROWS + 1)]
            await connection.execute(insert(World), rows)


@app.after_server_stop
async def close_database(app: Sanic) -> None:
    # Closes every pooled connection, so PostgreSQL sees each client say goodbye.
    await app.ctx.engine.dispose()


class TodoList(HTTPMethodView):
    async def get(self, request: Request) -> HTTPResponse:
        async with request.app.ctx.sessions() as session:
            todos = await session.scalars(select(Todo).order_by(Todo.id))
            return json([todo.as_dict() for todo in todos])

    @validate(json=TodoIn)
    async def post(self, request: Request, body: TodoIn) -> HTTPResponse:
        # The ORM sends values as bound parameters, never as part of the SQL text.
        async with request.app.ctx.sessions() as session:
            todo = Todo(**body.model_dump())
            session.add(todo)
            await session.commit()
            return json(todo.as_dict(), status=201)


class TodoItem(HTTPMethodView):
    async def get(self, request: Request, todo_id: int) -> HTTPResponse:
        async with request.app.ctx.sessions() as session:
            todo = await session.get(Todo, todo_id)
            if todo is None:
                raise NotFound("no such todo")
            return json(todo.as_dict())

    @validate(json=TodoIn)
    async def put(self, request: Request, todo_id: int, body: TodoIn) -> HTTPResponse:
        async with request.app.ctx.sessions() as session:
            todo = await session.get(Todo, todo_id)
            if todo is None:
                raise NotFound("no such todo")
            todo.title, todo.done = body.title, body.done
            await session.commit()
            return json(todo.as_dict())

    async def delete(self, request: Request, todo_id: int) -> HTTPResponse:
        async with request.app.ctx.sessions() as session:
            todo = await session.get(Todo, todo_id)
            if todo is None:
                raise NotFound("no such todo")
            await session.delete(todo)
            await session.commit()
            return empty()


app.add_route(TodoList.as_view(), "/todos")
app.add_route(TodoItem.as_view(), "/todos/<todo_id:int>")


def query_count(value: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(value or ""), 1), 500)
    except ValueError:
        return 1


def random_world_row() -> Select[World]:
    """A query for one row of `world`, picked at random."""
    return select(World).where(World.id == random.randint(1, WORLD_ROWS))


@app.get("/db")
async def one_world_row(request: Request) -> HTTPResponse:
    async with request.app.ctx.sessions() as session:
        world = await session.scalar(random_world_row())
        return json(world.as_dict())


@app.get("/queries")
async def world_rows(request: Request) -> HTTPResponse:
    # A select rather than session.get: get() answers a row the session already holds without asking the database.
    async with request.app.ctx.sessions() as session:
        rows = [(await session.scalar(random_world_row())).as_dict() for _ in range(query_count(request.args.get("n")))]
        return json(rows)


@app.get("/sleep")
async def sleep(request: Request) -> HTTPResponse:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    async with request.app.ctx.sessions() as session:
        await session.execute(text("SELECT pg_sleep(0.2)"))
    return json({"slept": 0.2})
