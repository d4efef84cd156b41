"""Summarise a multipart file upload in Robyn, refusing bodies over 10 MiB."""

import hashlib

from robyn import Request, Response, Robyn, jsonify

MAX_BODY = 10 * 1024 * 1024

app = Robyn(__file__)


def json_response(status_code: int, payload: dict[str, object]) -> Response:
    return Response(status_code=status_code, headers={"Content-Type": "application/json"}, body=jsonify(payload))


@app.post("/upload")
def upload(request: Request) -> Response:
    # Robyn cannot count a body while it arrives: its Rust server reads the whole body, chunked or not, into
    # memory before Python sees it, and ROBYN_MAX_PAYLOAD_SIZE does not bound HTTP bodies. So the limit is
    # checked here, after reading, on the bytes received rather than the declared Content-Length.
    body = request.body
    if len(body.encode() if isinstance(body, str) else body) > MAX_BODY:
        return json_response(413, {"error": "request body over 10 MiB"})
    # request.files maps each uploaded file's name to its bytes; the form field name is not kept.
    if len(request.files) != 1:
        return json_response(400, {"error": "send exactly one file"})
    [(filename, content)] = request.files.items()
    return json_response(200, {"filename": filename, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()})


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
