"""Summarise a multipart file upload in Robyn, refusing bodies over 10 MiB."""

import hashlib

from robyn import Request, Response, Robyn, jsonify

MAX_BODY = 10 * 1024 * 1024

app = Robyn(__file__)


def json_response(status_code: int, payload: dict[str, object]) -> Response:
    return Response(status_code=status_code, headers={"Content-Type": "application/json"}, body=jsonify(payload))


@app.post("/upload")
def upload(request: Request) -> Response:
    # Robyn reads the whole body in Rust before Python sees it, and ROBYN_MAX_PAYLOAD_SIZE does not
    # bound HTTP bodies, so the limit can only be checked here, after reading.
    if int(request.headers.get("Content-Length") or 0) > MAX_BODY:
        return json_response(413, {"error": "request body over 10 MiB"})
    # request.files maps each uploaded file's name to its bytes; the form field name is not kept.
    if len(request.files) != 1:
        return json_response(400, {"error": "send exactly one file"})
    [(filename, content)] = request.files.items()
    return json_response(200, {"filename": filename, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()})


if __name__ == "__main__":
    app.start()
