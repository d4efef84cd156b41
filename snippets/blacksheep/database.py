"""Keep todos in PostgreSQL through SQLAlchemy's asyncio ORM on asyncpg, wired into BlackSheep's services by blacksheep-sqlalchemy."""

import os
import random

from blacksheep import Application, FromJSON, Response, created, delete, get, json, no_content, not_found, post, put
from blacksheepsqlalchemy import use_sqlalchemy
from pydantic import BaseModel, ConfigDict
from sqlalchemy import BigInteger, Identity, false, func, make_url, select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLAlchemy picks its driver from the URL's scheme: postgresql+asyncpg is its asyncio dialect on asyncpg.
DATABASE_URL = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+asyncpg")
WORLD_ROWS = 10_000

# At most 20 requests hold a connection at once; the 21st waits in the pool for one to come back.
engine = create_async_engine(DATABASE_URL, pool_size=20, max_overflow=0)
app = Application()
# Registers the engine and, for each request, an AsyncSession that handlers get by annotating a parameter with its
# type; it also disposes the engine, closing every pooled connection, on the app's stop event.
use_sqlalchemy(app, engine=engine)


class Base(DeclarativeBase):
    pass


class Todo(Base):
    __tablename__ = "todos"
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    title: Mapped[str]
    done: Mapped[bool] = mapped_column(server_default=false())


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


# BlackSheep fires on_start before Uvicorn accepts the first connection.
@app.on_start
async def create_tables(application: Application) -> None:
    async with engine.begin() as connection:
        # create_all looks each table up first and creates only the missing ones.
        await connection.run_sync(Base.metadata.create_all)
        if await connection.scalar(select(func.count()).select_from(World)) == 0:
            rows = [{"id": n, "randomnumber": random.randint(1, WORLD_ROWS)} for n in range(1, WORLD_ROWS + 1)]
            await connection.execute(World.__table__.insert(), rows)


@get("/todos")
async def list_todos(db_session: AsyncSession) -> Response:
    async with db_session:
        todos = await db_session.scalars(select(Todo).order_by(Todo.id))
        return json([TodoOut.model_validate(todo) for todo in todos])


# An invalid body never reaches the handler: BlackSheep answers 400 with Pydantic's errors, which name the field.
@post("/todos")
async def create_todo(data: FromJSON[TodoIn], db_session: AsyncSession) -> Response:
    # The ORM sends every value as a bound parameter, apart from the SQL text, so no title can change the statement.
    todo = Todo(title=data.value.title, done=data.value.done)
    async with db_session:
        db_session.add(todo)
        await db_session.commit()
        return created(TodoOut.model_validate(todo))


@get("/todos/{todo_id}")
async def read_todo(todo_id: int, db_session: AsyncSession) -> Response:
    async with db_session:
        todo = await db_session.get(Todo, todo_id)
        return not_found() if todo is None else json(TodoOut.model_validate(todo))


@put("/todos/{todo_id}")
async def replace_todo(todo_id: int, data: FromJSON[TodoIn], db_session: AsyncSession) -> Response:
    async with db_session:
        todo = await db_session.get(Todo, todo_id)
        if todo is None:
            return not_found()
        todo.title, todo.done = data.value.title, data.value.done
        await db_session.commit()
        return json(TodoOut.model_validate(todo))


@delete("/todos/{todo_id}")
async def delete_todo(todo_id: int, db_session: AsyncSession) -> Response:
    async with db_session:
        todo = await db_session.get(Todo, todo_id)
        if todo is None:
            return not_found()
        await db_session.delete(todo)
        await db_session.commit()
        return no_content()


async def random_world_row(db_session: AsyncSession) -> dict[str, int]:
    # A select runs its query every time, where session.get would answer a repeated id from the session's identity map.
    row = (await db_session.scalars(select(World).where(World.id == random.randint(1, WORLD_ROWS)))).one()
    return {"id": row.id, "randomNumber": row.randomnumber}


@get("/db")
async def one_world_row(db_session: AsyncSession) -> Response:
    async with db_session:
        return json(await random_world_row(db_session))


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


# n stays a string: an int parameter would answer 400 to ?n=abc, where the task wants n = 1.
@get("/queries")
async def world_rows(db_session: AsyncSession, n: str | None = None) -> Response:
    async with db_session:
        return json([await random_world_row(db_session) for _ in range(query_count(n))])


@get("/sleep")
async def sleep(db_session: AsyncSession) -> Response:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    async with db_session:
        await db_session.execute(select(func.pg_sleep(0.2)))
    return json({"slept": 0.2})
