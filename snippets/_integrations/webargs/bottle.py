"""webargs' Bottle parser turns a query parameter into an int for the route and answers 422 when it is not one."""

import json
from typing import Any
from wsgiref.util import setup_testing_defaults

import bottle
from webargs import fields
from webargs.bottleparser import use_kwargs

app = bottle.Bottle()


@app.get("/echo")
@use_kwargs({"n": fields.Int(required=True)}, location="query")
def echo(n: int) -> dict[str, Any]:
    return {"n": n}


def get(path: str, query: str) -> tuple[int, bytes]:
    """Call the WSGI app in process, so that no server is needed."""
    environ: dict[str, Any] = {"PATH_INFO": path, "QUERY_STRING": query}
    setup_testing_defaults(environ)
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        statuses.append(status)

    body = b"".join(app(environ, start_response))
    return int(statuses[0].split()[0]), body


def main() -> None:
    for query, expected in (("n=21", (200, {"n": 21})), ("n=x", (422, None))):
        status, body = get("/echo", query)
        if (status, json.loads(body) if status == 200 else None) != expected:
            raise SystemExit(f"GET /echo?{query} answered {status}: {body[:200]!r}")


if __name__ == "__main__":
    main()
