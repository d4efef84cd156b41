"""Keep todos in PostgreSQL with SQLAlchemy 2's asyncio ORM on asyncpg, a session dependency and FastAPI's lifespan."""

import os
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import BigInteger, Identity, Integer, exists, func, insert, make_url, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

DATABASE_URL = os.environ["DATABASE_URL"]
WORLD_ROWS = 10_000

# SQLAlchemy picks the driver from the URL's scheme: postgresql+asyncpg is its asyncio dialect on asyncpg.
# At most 20 requests wait on the database at once, one per pooled connection; the 21st waits for a free one.
engine = create_async_engine(make_url(DATABASE_URL).set(drivername="postgresql+asyncpg"), pool_size=20, max_overflow=0)
# Rows stay readable after commit, so a path operation can return them once the session has closed.
new_session = async_sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Todo(Base):
    __tablename__ = "todos"
    # bigint, so ids past 2**31 are looked up (and not found) instead of overflowing the parameter.
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    title: Mapped[str]
    done: Mapped[bool] = mapped_column(default=False)


class World(Base):
    __tablename__ = "world"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    random_number: Mapped[int] = mapped_column("randomnumber")


class TodoIn(BaseModel):
    title: str
    done: bool = False


class TodoOut(TodoIn):
    model_config = ConfigDict(from_attributes=True)
    id: int


class WorldOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    random_number: int = Field(serialization_alias="randomNumber")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
        numbers = func.generate_series(1, WORLD_ROWS).column_valued("n")
        random_number = (1 + func.floor(func.random() * WORLD_ROWS)).cast(Integer)
        fill = select(numbers, random_number).where(~exists(select(World.id)))
        await connection.execute(insert(World).from_select([World.id, World.random_number], fill))
    yield
    # Closes every pooled connection before Uvicorn exits.
    await engine.dispose()


async def get_session() -> AsyncIterator[AsyncSession]:
    async with new_session() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]

app = FastAPI(lifespan=lifespan)


async def existing_todo(session: AsyncSession, todo_id: int) -> Todo:
    todo = await session.get(Todo, todo_id)
    if todo is None:
        raise HTTPException(status_code=404, detail="Todo not found")
    return todo


@app.get("/todos")
async def list_todos(session: SessionDep) -> list[TodoOut]:
    todos = await session.scalars(select(Todo).order_by(Todo.id))
    return [TodoOut.model_validate(todo) for todo in todos]


@app.post("/todos", status_code=201)
async def create_todo(todo_in: TodoIn, session: SessionDep) -> TodoOut:
    # The ORM sends title and done as bound parameters, so no title can change the statement.
    todo = Todo(**todo_in.model_dump())
    session.add(todo)
    await session.commit()
    return TodoOut.model_validate(todo)


@app.get("/todos/{todo_id}")
async def read_todo(todo_id: int, session: SessionDep) -> TodoOut:
    return TodoOut.model_validate(await existing_todo(session, todo_id))


@app.put("/todos/{todo_id}")
async def replace_todo(todo_id: int, todo_in: TodoIn, session: SessionDep) -> TodoOut:
    todo = await existing_todo(session, todo_id)
    todo.title, todo.done = todo_in.title, todo_in.done
    await session.commit()
    return TodoOut.model_validate(todo)


@app.delete("/todos/{todo_id}", status_code=204)
async def delete_todo(todo_id: int, session: SessionDep) -> None:
    await session.delete(await existing_todo(session, todo_id))
    await session.commit()


async def random_world_row(session: AsyncSession) -> WorldOut:
    # A SELECT each time: session.get would answer a repeated id from the session's identity map without a query.
    row = await session.scalar(select(World).where(World.id == random.randint(1, WORLD_ROWS)))
    return WorldOut.model_validate(row)


@app.get("/db")
async def one_world_row(session: SessionDep) -> WorldOut:
    return await random_world_row(session)


def query_count(n: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(n or ""), 1), 500)
    except ValueError:
        return 1


@app.get("/queries")
async def world_rows(session: SessionDep, n: str | None = None) -> list[WorldOut]:
    # n is read as text and parsed here: the task answers a bad n with one row where an int parameter would get a 422.
    return [await random_world_row(session) for _ in range(query_count(n))]


@app.get("/sleep")
async def sleep(session: SessionDep) -> dict[str, float]:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await session.execute(text("SELECT pg_sleep(0.2)"))
    return {"slept": 0.2}
