"""Read typed query parameters with a default in Robyn, and check the bound it cannot express."""

from urllib.parse import unquote_plus

from robyn import Response, Robyn, jsonify

app = Robyn(__file__)


@app.get("/search")
def search(q: str, limit: int = 10) -> Response | dict[str, str | int]:
    # Annotations give the types, the default and the 400 for a missing q or a non-integer;
    # Robyn has no range constraint, so its docs leave bounds to the handler.
    if not 1 <= limit <= 100:
        return Response(
            status_code=400,
            headers={"Content-Type": "application/json"},
            body=jsonify({"error": "limit must be between 1 and 100"}),
        )
    # Robyn 0.88 hands over query values still percent-encoded (sparckles/Robyn#1438).
    return {"q": unquote_plus(q), "limit": limit}


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
