"""Keep todos in PostgreSQL through Django's async ORM API on psycopg 3 and Django's own connection pool."""

# The async ORM is not async down to the socket: each aget, acreate, aupdate... hands the query to asgiref's
# sync_to_async, and Django gives every request a thread of its own for that, where the sync ORM and psycopg's blocking
# calls run while the event loop serves other requests. The schema editor and raw cursors have no async API, so this
# module calls them through sync_to_async itself.

import contextlib
import os
import random
from collections.abc import AsyncIterator

import django
from asgiref.sync import sync_to_async
from django.conf import settings
from psycopg.conninfo import conninfo_to_dict

DATABASE_URL = os.environ["DATABASE_URL"]
WORLD_ROWS = 10_000
# Django takes the database as separate settings; psycopg's parser splits the URL into libpq's keywords, which the
# backend hands to psycopg as they are.
libpq_keywords = conninfo_to_dict(DATABASE_URL)

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": libpq_keywords.pop("dbname"),
            # Django's pool (psycopg_pool underneath, Django 5.1 and later) lends each request's thread a connection
            # and takes it back when the request ends. At most 20 requests wait on the database at once; the 21st
            # waits up to 10 s for a connection to come back.
            "OPTIONS": {**libpq_keywords, "pool": {"min_size": 2, "max_size": 20, "timeout": 10}},
        }
    },
)
# Models can be declared only once the app registry is ready.
django.setup()

from django.db import connection, models  # noqa: E402
from django.http import Http404, HttpRequest  # noqa: E402
from django.shortcuts import aget_object_or_404  # noqa: E402
from django.urls import path  # noqa: E402
from django_asgi_lifespan.asgi import get_asgi_application  # noqa: E402
from django_asgi_lifespan.register import register_lifespan_manager  # noqa: E402
from ninja import NinjaAPI, Schema, Status  # noqa: E402


class Todo(models.Model):
    id = models.BigAutoField(primary_key=True)
    title = models.TextField()
    done = models.BooleanField(default=False)

    class Meta:
        # This one-file project has no app in INSTALLED_APPS, so the models name their app and table themselves.
        app_label = "cookbook"
        db_table = "todos"


class World(models.Model):
    id = models.IntegerField(primary_key=True)
    randomnumber = models.IntegerField()

    class Meta:
        app_label = "cookbook"
        db_table = "world"


def create_tables() -> None:
    """Create the tables that are missing and fill world while it is empty."""
    try:
        with connection.schema_editor() as editor:
            existing = connection.introspection.table_names()
            for model in (Todo, World):
                if model._meta.db_table not in existing:
                    editor.create_model(model)
        if not World.objects.exists():
            World.objects.bulk_create(World(id=n, randomnumber=random.randint(1, WORLD_ROWS)) for n in range(1, WORLD_ROWS + 1))
    finally:
        # Outside a request nothing hands this thread's connection back to the pool, so it is done here.
        connection.close()


@contextlib.asynccontextmanager
async def database() -> AsyncIterator[dict[str, object]]:
    # Django's own ASGI handler rejects the lifespan scope; django-asgi-lifespan's runs this before serving, and the
    # code after the yield when the server stops. The first connection opens the pool.
    await sync_to_async(create_tables)()
    # The manager merges what it yields into each request's state; the ORM reaches its connections without it.
    yield {}
    # Django has no shutdown hook of its own: the backend's close_pool() closes every pooled connection.
    await sync_to_async(connection.close_pool)()


# NinjaAPI also publishes its OpenAPI schema at /openapi.json; its /docs page needs a template engine, so it is off.
api = NinjaAPI(docs_url=None)


class TodoIn(Schema):
    title: str
    done: bool = False


class TodoOut(TodoIn):
    id: int


@api.get("/todos", response=list[TodoOut])
async def list_todos(request: HttpRequest) -> list[Todo]:
    return [todo async for todo in Todo.objects.order_by("id")]


# A body that fails TodoIn never reaches the view: ninja answers 422 naming the field, e.g. ["body", "todo", "title"].
# The ORM sends every value as a query parameter, so no title can change the statement.
@api.post("/todos", response={201: TodoOut})
async def create_todo(request: HttpRequest, todo: TodoIn) -> Status[Todo]:
    return Status(201, await Todo.objects.acreate(**todo.model_dump()))


@api.get("/todos/{int:todo_id}", response=TodoOut)
async def read_todo(request: HttpRequest, todo_id: int) -> Todo:
    return await aget_object_or_404(Todo, pk=todo_id)


@api.put("/todos/{int:todo_id}", response=TodoOut)
async def replace_todo(request: HttpRequest, todo_id: int, todo: TodoIn) -> TodoOut:
    if not await Todo.objects.filter(pk=todo_id).aupdate(**todo.model_dump()):
        raise Http404
    return TodoOut(id=todo_id, **todo.model_dump())


@api.delete("/todos/{int:todo_id}", response={204: None})
async def delete_todo(request: HttpRequest, todo_id: int) -> Status[None]:
    deleted, _ = await Todo.objects.filter(pk=todo_id).adelete()
    if not deleted:
        raise Http404
    return Status(204, None)


async def random_world_row() -> dict[str, int]:
    row = await World.objects.aget(pk=random.randint(1, WORLD_ROWS))
    return {"id": row.id, "randomNumber": row.randomnumber}


@api.get("/db")
async def one_world_row(request: HttpRequest) -> dict[str, int]:
    return await random_world_row()


def query_count(text: str | None) -> int:
    """The n of /queries: 1 when missing or not an integer, and never below 1 or above 500."""
    try:
        return min(max(int(text or ""), 1), 500)
    except ValueError:
        return 1


# n is read by hand: an int query parameter would get 422 for ?n=abc, where the task wants n = 1.
@api.get("/queries")
async def world_rows(request: HttpRequest) -> list[dict[str, int]]:
    return [await random_world_row() for _ in range(query_count(request.GET.get("n")))]


def pg_sleep() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.2)")


@api.get("/sleep")
async def sleep(request: HttpRequest) -> dict[str, float]:
    # The request's thread waits on PostgreSQL while the event loop serves other requests.
    await sync_to_async(pg_sleep)()
    return {"slept": 0.2}


urlpatterns = [path("", api.urls)]

register_lifespan_manager(context_manager=database)
application = get_asgi_application()
