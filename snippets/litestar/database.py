"""Keep todos in PostgreSQL through Litestar's SQLAlchemy plugin (Advanced Alchemy) on SQLAlchemy's asyncio engine."""

import os
import random

from advanced_alchemy.extensions.litestar import AsyncSessionConfig, EngineConfig, SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, delete, get, post, put
from litestar.di import NamedDependency
from litestar.dto import dto_field
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, JSONBody
from sqlalchemy import BigInteger, Identity, insert, make_url, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLAlchemy picks its driver from the URL's scheme; asyncpg is the one that works on the event loop.
DATABASE_URL = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+asyncpg")
WORLD_ROWS = 10_000


class Base(DeclarativeBase):
    pass


class Todo(Base):
    __tablename__ = "todos"
    # The database numbers todos; read-only keeps id out of the bodies the plugin's DTO accepts, but in its answers.
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True, info=dto_field("read-only"))
    title: Mapped[str]
    done: Mapped[bool] = mapped_column(default=False)


class World(Base):
    __tablename__ = "world"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    random_number: Mapped[int] = mapped_column("randomnumber")


# The plugin opens the engine, runs create_all at startup and disposes of the engine, closing its pool, at shutdown.
# Twenty pooled connections and no overflow: twenty requests hold one at once and the next waits for one to come back.
db_config = SQLAlchemyAsyncConfig(
    connection_string=DATABASE_URL.render_as_string(hide_password=False),
    metadata=Base.metadata,
    create_all=True,
    engine_config=EngineConfig(pool_size=20, max_overflow=0),
    # Handlers commit before Litestar serialises what they return; expired rows would need a reload at that point.
    session_config=AsyncSessionConfig(expire_on_commit=False),
)


async def fill_world() -> None:
    # on_startup hooks run once every lifespan manager, the plugin's included, has entered, so the tables exist.
    async with db_config.get_session() as session, session.begin():
        if await session.scalar(select(World.id).limit(1)) is None:
            rows = [{"id": n, "random_number": random.randint(1, WORLD_ROWS)} for n in range(1, WORLD_ROWS + 1)]
            await session.execute(insert(World), rows)


@get("/todos")
async def list_todos(db_session: NamedDependency[AsyncSession]) -> list[Todo]:
    return list(await db_session.scalars(select(Todo).order_by(Todo.id)))


# The plugin turns the JSON body into a Todo and validates it on the way; SQLAlchemy sends its values as parameters.
@post("/todos")
async def create_todo(data: JSONBody[Todo], db_session: NamedDependency[AsyncSession]) -> Todo:
    async with db_session.begin():
        db_session.add(data)
    return data


async def todo_by_id(db_session: AsyncSession, todo_id: int) -> Todo:
    todo = await db_session.get(Todo, todo_id)
    if todo is None:
        raise NotFoundException(f"no todo {todo_id}")
    return todo


@get("/todos/{todo_id:int}")
async def read_todo(todo_id: FromPath[int], db_session: NamedDependency[AsyncSession]) -> Todo:
    return await todo_by_id(db_session, todo_id)


@put("/todos/{todo_id:int}")
async def replace_todo(todo_id: FromPath[int], data: JSONBody[Todo], db_session: NamedDependency[AsyncSession]) -> Todo:
    async with db_session.begin():
        todo = await todo_by_id(db_session, todo_id)
        todo.title, todo.done = data.title, data.done
    return todo


@delete("/todos/{todo_id:int}")
async def delete_todo(todo_id: FromPath[int], db_session: NamedDependency[AsyncSession]) -> None:
    async with db_session.begin():
        await db_session.delete(await todo_by_id(db_session, todo_id))


async def random_world_row(db_session: AsyncSession) -> dict[str, int]:
    # A query each time: Session.get would answer a row it already holds from memory, without asking the database.
    world = await db_session.scalar(select(World).where(World.id == random.randint(1, WORLD_ROWS)))
    assert world is not None  # every id from 1 to WORLD_ROWS has its row
    return {"id": world.id, "randomNumber": world.random_number}


@get("/db")
async def one_world_row(db_session: NamedDependency[AsyncSession]) -> dict[str, int]:
    return await random_world_row(db_session)


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


# n arrives as text: Litestar would answer 400 to a value that is not an integer, where this task wants n = 1.
@get("/queries")
async def world_rows(db_session: NamedDependency[AsyncSession], n: FromQuery[str | None] = None) -> list[dict[str, int]]:
    return [await random_world_row(db_session) for _ in range(query_count(n))]


@get("/sleep")
async def sleep(db_session: NamedDependency[AsyncSession]) -> dict[str, float]:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await db_session.execute(text("SELECT pg_sleep(0.2)"))
    return {"slept": 0.2}


app = Litestar(
    route_handlers=[list_todos, create_todo, read_todo, replace_todo, delete_todo, one_world_row, world_rows, sleep],
    plugins=[SQLAlchemyPlugin(config=db_config)],
    on_startup=[fill_world],
)
