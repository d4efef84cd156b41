"""Accept a multipart file upload with a 10 MiB limit in Muffin."""

import hashlib

from muffin import Application, Request, ResponseError

MAX_BODY = 10 * 1024 * 1024

app = Application()


@app.route("/upload", methods=["POST"])
async def upload(request: Request) -> dict[str, str | int]:
    # The form parser stops with a 413 as soon as the body it has read passes max_size.
    form = await request.form(max_size=MAX_BODY)
    if "file" not in form or isinstance(form["file"], str):
        raise ResponseError.BAD_REQUEST("The form has no file in the 'file' field.")
    upload = form["file"]
    content = upload.read()
    return {"filename": upload.name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
