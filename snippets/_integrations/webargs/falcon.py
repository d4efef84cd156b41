"""webargs' Falcon parser turns a query parameter into an int for the responder and answers 422 when it is not one."""

import falcon
import falcon.testing
from webargs import fields
from webargs.falconparser import use_kwargs


class Echo:
    @use_kwargs({"n": fields.Int(required=True)}, location="query")
    def on_get(self, req: falcon.Request, resp: falcon.Response, n: int) -> None:
        resp.media = {"n": n}


def main() -> None:
    app = falcon.App()
    app.add_route("/echo", Echo())
    client = falcon.testing.TestClient(app)
    for query, expected in (("n=21", (200, {"n": 21})), ("n=x", (422, None))):
        result = client.simulate_get("/echo", query_string=query)
        if (result.status_code, result.json if result.status_code == 200 else None) != expected:
            raise SystemExit(f"GET /echo?{query} answered {result.status_code}: {result.text[:200]!r}")


if __name__ == "__main__":
    main()
