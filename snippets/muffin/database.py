"""Keep todos in PostgreSQL with muffin-peewee-aio: Peewee models on an asyncpg pool the plugin opens and closes."""

import os
import random
from urllib.parse import urlsplit

import marshmallow as ma
import peewee as pw
from asgi_tools.errors import ASGIDecodeError
from muffin import Application, Request, Response, ResponseError, ResponseJSON
from muffin_peewee import Plugin as Peewee

# aio-databases, under the plugin, picks its backend from the URL's scheme: asyncpg+pool is asyncpg with a pool,
# where the plain postgresql scheme would open and close a connection for every request.
DATABASE_URL = urlsplit(os.environ["DATABASE_URL"])._replace(scheme="asyncpg+pool").geturl()
WORLD_ROWS = 10_000

app = Application()
# The plugin connects on startup and closes the pool on shutdown. Its middleware lends each request a pooled
# connection and a transaction that commits when the view returns and rolls back when it raises. With max_size 20,
# twenty requests hold a connection at once and the next waits for one to come back.
# No migrations: the tables come from the models, at startup, rather than from peewee-migrate's files.
db = Peewee(
    app,
    connection=DATABASE_URL,
    connection_params={"min_size": 2, "max_size": 20},
    migrations_enabled=False,
)


@db.register
class Todo(db.Model):
    id = pw.BigAutoField()
    title = pw.TextField()
    done = pw.BooleanField(default=False)

    class Meta:
        table_name = "todos"


@db.register
class World(db.Model):
    id = pw.IntegerField(primary_key=True)
    random_number = pw.IntegerField(column_name="randomnumber")

    class Meta:
        table_name = "world"


class TodoSchema(ma.Schema):
    title = ma.fields.String(required=True)
    done = ma.fields.Boolean(load_default=False)


TODO_SCHEMA = TodoSchema()


@app.on_startup
async def create_tables() -> None:
    # Registered after the plugin's own startup hook, so the pool is open; no request lends a connection here.
    async with db.connection():
        await db.create_tables()
        if not await World.select().exists():
            rows = [{"id": n, "random_number": random.randint(1, WORLD_ROWS)} for n in range(1, WORLD_ROWS + 1)]
            await World.insert_many(rows)


@app.on_error(ASGIDecodeError)
async def not_json(request: Request, error: ASGIDecodeError) -> ResponseJSON:
    return ResponseJSON({"error": "the body is not valid JSON"}, status_code=400)


@app.on_error(ma.ValidationError)
async def invalid_body(request: Request, error: ma.ValidationError) -> ResponseJSON:
    # marshmallow keys its messages by field name.
    return ResponseJSON({"errors": error.messages}, status_code=400)


def as_json(todo: Todo) -> dict[str, object]:
    return {"id": todo.id, "title": todo.title, "done": todo.done}


async def todo_or_404(request: Request) -> Todo:
    todo = await Todo.get_or_none(Todo.id == request.path_params["todo_id"])
    if todo is None:
        raise ResponseError.NOT_FOUND()
    return todo


@app.route("/todos", methods=["GET"])
async def list_todos(request: Request) -> list[dict[str, object]]:
    return [as_json(todo) async for todo in Todo.select().order_by(Todo.id)]


# Peewee sends every value as a query parameter, never inside the SQL text.
@app.route("/todos", methods=["POST"])
async def create_todo(request: Request) -> ResponseJSON:
    todo = await Todo.create(**TODO_SCHEMA.load(await request.json()))
    return ResponseJSON(as_json(todo), status_code=201)


@app.route("/todos/{todo_id:int}", methods=["GET"])
async def read_todo(request: Request) -> dict[str, object]:
    return as_json(await todo_or_404(request))


@app.route("/todos/{todo_id:int}", methods=["PUT"])
async def replace_todo(request: Request) -> dict[str, object]:
    fields = TODO_SCHEMA.load(await request.json())
    todo = await todo_or_404(request)
    todo.title, todo.done = fields["title"], fields["done"]
    await todo.save()
    return as_json(todo)


@app.route("/todos/{todo_id:int}", methods=["DELETE"])
async def delete_todo(request: Request) -> Response:
    await (await todo_or_404(request)).delete_instance()
    # asgi-tools writes a None content out as the text "None", so the empty body is given as bytes.
    return Response(b"", status_code=204)


async def random_world_row() -> dict[str, int]:
    world = await World.get_by_id(random.randint(1, WORLD_ROWS))
    return {"id": world.id, "randomNumber": world.random_number}


@app.route("/db", methods=["GET"])
async def one_world_row(request: Request) -> dict[str, int]:
    return await random_world_row()


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


@app.route("/queries", methods=["GET"])
async def world_rows(request: Request) -> list[dict[str, int]]:
    return [await random_world_row() for _ in range(query_count(request.url.query.get("n")))]


@app.route("/sleep", methods=["GET"])
async def sleep(request: Request) -> dict[str, float]:
    # The await hands the event loop to other requests while PostgreSQL sleeps.
    await db.manager.execute("SELECT pg_sleep(0.2)")
    return {"slept": 0.2}
