"""webargs' Flask parser turns a query parameter into an int for the view and answers 422 when it is not one."""

from typing import Any

from flask import Flask
from webargs import fields
from webargs.flaskparser import use_kwargs

app = Flask(__name__)


@app.get("/echo")
@use_kwargs({"n": fields.Int(required=True)}, location="query")
def echo(n: int) -> dict[str, Any]:
    return {"n": n}


def main() -> None:
    client = app.test_client()
    for query, expected in (("n=21", (200, {"n": 21})), ("n=x", (422, None))):
        response = client.get(f"/echo?{query}")
        if (response.status_code, response.get_json() if response.status_code == 200 else None) != expected:
            raise SystemExit(f"GET /echo?{query} answered {response.status_code}: {response.data[:200]!r}")


if __name__ == "__main__":
    main()
