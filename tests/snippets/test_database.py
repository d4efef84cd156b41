"""Task database: a `todos` resource in the snippet's own PostgreSQL database, the TechEmpower-style `world` reads, and
twenty `pg_sleep` requests that wait side by side. Every answer is checked against what the database itself holds."""

import asyncio
import os
import re
import shlex
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers import ROOT
from tests.snippets.cases import CATALOGUE
from tests.snippets.conftest import App, AppDatabase, app_fixture
from tests.snippets.expect import is_client_error, is_json
from webatlas import postgresql
from webatlas.processes import free_port, listening

pytestmark = pytest.mark.snippet
app = app_fixture("database", database=True)

WORLD_ROWS = 10_000
SLEEP_S = 0.2
AT_ONCE = 20
AT_ONCE_LIMIT_S = 6 * SLEEP_S
"""Twenty sleeps in one round, or in two on a pool of ten, with room for a busy machine; one after another take 4 s."""
SQL_TITLE = 'Robert\'); DROP TABLE todos; -- %s {0} $1 \\ "quoted" żółw ✓'
"""Breaks a query that formats the title in rather than passing it as a parameter, whatever the quoting style."""


def database(app: App) -> AppDatabase:
    assert app.database is not None  # the fixture gives every snippet of this task its own database
    return app.database


def created(app: App, title: str, **fields: Any) -> dict[str, Any]:
    response = app.client.post("/todos", json={"title": title, **fields})
    assert response.status_code == 201, response.text
    assert is_json(response)
    row: dict[str, Any] = response.json()
    return row


def stored(app: App, todo_id: int) -> list[list[str]]:
    """The row as the database holds it, from its own client: `[[title, done]]`, or `[]` when there is none."""
    return database(app).sql("SELECT title, done FROM todos WHERE id = :'id'", id=str(todo_id))


def test_the_pool_opened_at_startup(app: App) -> None:
    assert database(app).connections_at_start >= 1, "no connection was open when the server first answered"


def test_a_new_todo_is_created_with_201_and_stored(app: App) -> None:
    row = created(app, "Write the recipe")
    assert set(row) == {"id", "title", "done"}
    assert type(row["id"]) is int
    assert (row["title"], row["done"]) == ("Write the recipe", False)
    assert stored(app, row["id"]) == [["Write the recipe", "f"]]
    done = created(app, "Test it", done=True)
    assert done["done"] is True and done["id"] != row["id"]
    assert stored(app, done["id"]) == [["Test it", "t"]]


def test_a_title_holding_sql_comes_back_unchanged(app: App) -> None:
    row = created(app, SQL_TITLE)
    assert row["title"] == SQL_TITLE
    assert app.client.get(f"/todos/{row['id']}").json()["title"] == SQL_TITLE
    assert stored(app, row["id"]) == [[SQL_TITLE, "f"]]


def test_a_todo_is_read_back_and_listed_in_id_order(app: App) -> None:
    first, second = created(app, "first"), created(app, "second", done=True)
    response = app.client.get(f"/todos/{second['id']}")
    assert response.status_code == 200 and is_json(response)
    assert response.json() == second
    listed = app.client.get("/todos")
    assert listed.status_code == 200 and is_json(listed)
    rows = listed.json()
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert first in rows and second in rows
    [[count]] = database(app).sql("SELECT count(*) FROM todos")
    assert len(rows) == int(count)


def test_put_replaces_the_row(app: App) -> None:
    row = created(app, "draft")
    response = app.client.put(f"/todos/{row['id']}", json={"title": "final", "done": True})
    assert response.status_code == 200 and is_json(response)
    assert response.json() == {"id": row["id"], "title": "final", "done": True}
    assert stored(app, row["id"]) == [["final", "t"]]


def test_delete_answers_204_and_the_row_is_gone(app: App) -> None:
    row = created(app, "short-lived")
    response = app.client.delete(f"/todos/{row['id']}")
    assert response.status_code == 204
    assert response.content == b""
    assert stored(app, row["id"]) == []
    assert app.client.get(f"/todos/{row['id']}").status_code == 404


# Past 2**31 - 1 an `integer` parameter overflows: an id column or parameter of that type turns the lookup into a 500.
UNKNOWN_IDS = [987_654, 2**31, 2**40]


@pytest.mark.parametrize("todo_id", UNKNOWN_IDS)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_an_unknown_id_gets_404(app: App, method: str, todo_id: int) -> None:
    body = {"title": "nothing", "done": False} if method == "PUT" else None
    response = app.client.request(method, f"/todos/{todo_id}", json=body)
    assert response.status_code == 404, response.text


def test_an_id_that_is_not_an_integer_gets_a_4xx(app: App) -> None:
    assert is_client_error(app.client.get("/todos/first"))


BAD_BODIES: dict[str, tuple[dict[str, Any] | list[Any], str]] = {
    "missing title": ({"done": True}, "title"),
    "title not text": ({"title": 5}, "title"),
    "done not a boolean": ({"title": "x", "done": "often"}, "done"),
}


@pytest.mark.parametrize("method", ["POST", "PUT"])
@pytest.mark.parametrize("case", BAD_BODIES, ids=list(BAD_BODIES))
def test_a_bad_body_gets_a_4xx_naming_the_field(app: App, case: str, method: str) -> None:
    target = created(app, "target")["id"] if method == "PUT" else None
    body, field = BAD_BODIES[case]
    response = app.client.request(method, "/todos" if target is None else f"/todos/{target}", json=body)
    assert is_client_error(response), response.text
    assert field in response.text
    if target is not None:
        assert stored(app, target) == [["target", "f"]]


@pytest.mark.parametrize("content", [b'{"title": ', b"not json", b"[1, 2]"], ids=["cut short", "not JSON", "a list"])
def test_a_body_that_is_not_a_json_object_gets_a_4xx(app: App, content: bytes) -> None:
    response = app.client.post("/todos", content=content, headers={"Content-Type": "application/json"})
    assert is_client_error(response), response.text


def world_row(app: App, row: dict[str, Any]) -> None:
    """`row` has the TechEmpower shape and holds what the `world` table holds."""
    assert set(row) == {"id", "randomNumber"}
    assert type(row["id"]) is int and type(row["randomNumber"]) is int
    assert 1 <= row["id"] <= WORLD_ROWS
    assert database(app).sql("SELECT randomnumber FROM world WHERE id = :'id'", id=str(row["id"])) == [[str(row["randomNumber"])]]


def test_the_world_table_has_ten_thousand_rows(app: App) -> None:
    app.client.get("/db")
    assert database(app).sql("SELECT count(*), min(id), max(id), min(randomnumber) >= 1, max(randomnumber) <= 10000 FROM world") == [
        [str(WORLD_ROWS), "1", str(WORLD_ROWS), "t", "t"]
    ]


def test_db_answers_one_random_world_row(app: App) -> None:
    responses = [app.client.get("/db") for _ in range(5)]
    for response in responses:
        assert response.status_code == 200 and is_json(response)
        world_row(app, response.json())
    # Five draws from 10,000 rows are all the same row once in 10**16 runs.
    assert len({response.json()["id"] for response in responses}) > 1


def world_selects(app: App) -> int:
    """How many SELECTs that read `world` the snippet's database has run, as pg_stat_statements counts them."""
    query = (
        "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
        " WHERE d.datname = current_database() AND s.query ~* '^\\s*select' AND s.query ~* '\\mworld\\M'"
    )
    [[count]] = database(app).sql(query)
    return int(count)


QUERY_COUNTS = {
    "5": ("?n=5", 5),
    "20": ("?n=20", 20),
    "missing": ("", 1),
    "empty": ("?n=", 1),
    "not a number": ("?n=abc", 1),
    "not an integer": ("?n=2.5", 1),
    "zero": ("?n=0", 1),
    "negative": ("?n=-3", 1),
    "500": ("?n=500", 500),
    "over 500": ("?n=501", 500),
}


@pytest.mark.parametrize("case", QUERY_COUNTS, ids=list(QUERY_COUNTS))
def test_queries_answers_n_rows_from_n_queries(app: App, case: str) -> None:
    query, expected = QUERY_COUNTS[case]
    before = world_selects(app)
    response = app.client.get(f"/queries{query}")
    after = world_selects(app)
    assert response.status_code == 200 and is_json(response)
    rows = response.json()
    assert isinstance(rows, list) and len(rows) == expected
    for row in rows[:20]:
        world_row(app, row)
    assert after - before == expected, f"{after - before} SELECTs read world for {expected} rows"


def test_sleep_waits_on_the_database(app: App) -> None:
    started = time.monotonic()
    response = app.client.get("/sleep")
    assert response.status_code == 200 and is_json(response)
    assert response.json() == {"slept": SLEEP_S}
    assert time.monotonic() - started >= SLEEP_S


async def sleep_at_once(base_url: str, count: int) -> tuple[float, list[int]]:
    """Send `count` requests to /sleep at the same moment; the seconds until the last answer, and every status."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=httpx.Limits(max_connections=count)) as client:
        started = time.monotonic()
        responses = await asyncio.gather(*(client.get("/sleep") for _ in range(count)))
        return time.monotonic() - started, [response.status_code for response in responses]


def test_twenty_sleeps_wait_side_by_side(app: App) -> None:
    # One round first, so no connection the pool has yet to open counts against the limit.
    asyncio.run(sleep_at_once(app.base_url, AT_ONCE))
    elapsed, statuses = asyncio.run(sleep_at_once(app.base_url, AT_ONCE))
    assert statuses == [200] * AT_ONCE
    assert elapsed < AT_ONCE_LIMIT_S, f"{AT_ONCE} requests of {SLEEP_S} s each took {elapsed:.2f} s"


SETUP = ROOT / "snippets" / (CATALOGUE.tasks["database"].setup or "")
DOCUMENTED_PORT = "5432"


def as_reader(folder: Path, port: int, argv: list[str], script: str | None = None) -> subprocess.CompletedProcess[str]:
    """`argv` run in `folder` as a reader would, with PostgreSQL's programs on PATH and PGPORT set: as the cluster's
    owner when this is root, since initdb refuses root."""
    path = f"{postgresql.server_bin()}{os.pathsep}{os.environ['PATH']}"
    command = postgresql.as_owner(["env", f"PATH={path}", f"PGPORT={port}", *argv])
    return subprocess.run(command, cwd=folder, input=script, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def reader_folder() -> Iterator[Path]:
    """An empty folder the cluster's owner may write to; a test's own tmp_path is root's alone."""
    with postgresql.owned_folder("webatlas-reader-") as folder:
        yield folder


def test_the_setup_script_starts_the_cluster_its_comments_describe(reader_folder: Path) -> None:
    script = SETUP.read_text(encoding="utf-8")
    [url] = re.findall(r"DATABASE_URL=(\S+)", script)
    [stop] = re.findall(r"`(pg_ctl [^`]*stop)`", script)
    port = free_port()
    try:
        started = as_reader(reader_folder, port, ["sh", "-s"], script)
        assert started.returncode == 0, started.stdout + started.stderr
        reader_url = url.replace(f":{DOCUMENTED_PORT}/", f":{port}/")
        asked = subprocess.run(
            [
                str(postgresql.server_bin() / "psql"),
                reader_url,
                "--no-psqlrc",
                "--tuples-only",
                "--no-align",
                "-c",
                "SELECT current_user, 6 * 7",
            ],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert asked.stdout.strip() == "postgres|42", asked.stderr
    finally:
        stopped = as_reader(reader_folder, port, shlex.split(stop))
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert not listening(port)
