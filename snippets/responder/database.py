"""Keep todos in PostgreSQL with SQLAlchemy's asyncio ORM on asyncpg, set up and disposed of in Responder's lifespan."""

import contextlib
import os
import random
from collections.abc import AsyncIterator

import responder
from pydantic import BaseModel, ConfigDict
from sqlalchemy import BigInteger, Identity, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DATABASE_URL = os.environ["DATABASE_URL"]
WORLD_ROWS = 10_000

# SQLAlchemy picks its driver from the URL's scheme: postgresql+asyncpg is the asyncio one.
# At most 20 requests wait on the database at once, one per pooled connection; the 21st waits for a free one.
engine = create_async_engine(make_url(DATABASE_URL).set(drivername="postgresql+asyncpg"), pool_size=20, max_overflow=0)
sessions = async_sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Todo(Base):
    __tablename__ = "todos"

    # bigint, so that ids past 2**31 are looked up and not found rather than overflowing the parameter.
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    title: Mapped[str]
    done: Mapped[bool] = mapped_column(default=False)


class World(Base):
    __tablename__ = "world"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    randomnumber: Mapped[int]


class TodoIn(BaseModel):
    title: str
    done: bool = False


class TodoOut(TodoIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


@contextlib.asynccontextmanager
async def lifespan(api: responder.API) -> AsyncIterator[None]:
    # The engine opens its first connections here, before the server takes a request.
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
        if await connection.scalar(select(func.count()).select_from(World)) == 0:
            rows = [{"id": n, "randomnumber": random.randint(1, WORLD_ROWS)} for n in range(1, WORLD_ROWS + 1)]
            await connection.execute(insert(World), rows)
    yield
    # Closes every pooled connection, so PostgreSQL sees each client say goodbye.
    await engine.dispose()


# A JSON API keeps no cookie sessions; without sessions=False Responder makes a signing key and warns about it.
api = responder.API(lifespan=lifespan, sessions=False)


@api.dependency()
async def session() -> AsyncIterator[AsyncSession]:
    """One ORM session per request, given to every view that names a `session` parameter, closed after the response."""
    async with sessions() as session:
        yield session


@api.route("/todos")
class TodoList:
    async def on_get(self, req: responder.Request, resp: responder.Response, *, session: AsyncSession) -> None:
        todos = await session.scalars(select(Todo).order_by(Todo.id))
        resp.media = [TodoOut.model_validate(todo) for todo in todos]

    async def on_post(self, req: responder.Request, resp: responder.Response, *, todo: TodoIn, session: AsyncSession) -> None:
        # The ORM sends values as bound parameters, never as part of the SQL text.
        new = Todo(**todo.model_dump())
        session.add(new)
        await session.commit()
        resp.media = TodoOut.model_validate(new)
        resp.status_code = 201


@api.route("/todos/{todo_id:int}")
class TodoItem:
    async def on_get(self, req: responder.Request, resp: responder.Response, *, todo_id: int, session: AsyncSession) -> None:
        todo = await session.get(Todo, todo_id)
        if todo is None:
            responder.abort(404, detail="Todo not found")
        resp.media = TodoOut.model_validate(todo)

    async def on_put(self, req: responder.Request, resp: responder.Response, *, todo_id: int, todo: TodoIn, session: AsyncSession) -> None:
        stored = await session.get(Todo, todo_id)
        if stored is None:
            responder.abort(404, detail="Todo not found")
        stored.title, stored.done = todo.title, todo.done
        await session.commit()
        resp.media = TodoOut.model_validate(stored)

    async def on_delete(self, req: responder.Request, resp: responder.Response, *, todo_id: int, session: AsyncSession) -> None:
        todo = await session.get(Todo, todo_id)
        if todo is None:
            responder.abort(404, detail="Todo not found")
        await session.delete(todo)
        await session.commit()
        resp.no_content()


def world_row(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


def query_count(value: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(value or ""), 1), 500)
    except ValueError:
        return 1


@api.route("/db")
async def one_world_row(req: responder.Request, resp: responder.Response, *, session: AsyncSession) -> None:
    world = await session.scalar(select(World).where(World.id == random.randint(1, WORLD_ROWS)))
    resp.media = world_row(world)


@api.route("/queries")
async def world_rows(req: responder.Request, resp: responder.Response, *, session: AsyncSession) -> None:
    # A select rather than session.get: get() answers a row the session already holds without asking the database.
    rows = []
    for _ in range(query_count(req.params.get("n"))):
        rows.append(world_row(await session.scalar(select(World).where(World.id == random.randint(1, WORLD_ROWS)))))
    resp.media = rows


@api.route("/sleep")
async def sleep(req: responder.Request, resp: responder.Response, *, session: AsyncSession) -> None:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await session.execute(text("SELECT pg_sleep(0.2)"))
    resp.media = {"slept": 0.2}
