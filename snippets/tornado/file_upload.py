"""Accept a multipart file upload with a 10 MiB body limit in Tornado."""

import asyncio
from hashlib import sha256

from tornado.httputil import HTTPFile, parse_body_arguments
from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler, stream_request_body

define("port", default=8000, type=int, help="port to listen on")

MAX_BODY_SIZE = 10 * 1024 * 1024


# Streaming the body lets prepare() see the headers before any of it is read: the server's own
# max_body_size would only drop an oversized request with a 400, so the 413 is given here.
@stream_request_body
class UploadHandler(RequestHandler):
    def prepare(self) -> None:
        if int(self.request.headers.get("Content-Length", "0")) > MAX_BODY_SIZE:
            raise HTTPError(413)
        # A chunked body, which has no Content-Length, is cut off by the connection at the limit.
        self.request.connection.set_max_body_size(MAX_BODY_SIZE)
        self.body = bytearray()

    def data_received(self, chunk: bytes) -> None:
        self.body += chunk

    def post(self) -> None:
        arguments: dict[str, list[bytes]] = {}
        files: dict[str, list[HTTPFile]] = {}
        parse_body_arguments(self.request.headers.get("Content-Type", ""), bytes(self.body), arguments, files)
        if "file" not in files:
            raise HTTPError(400, reason="the form has no 'file' field")
        upload = files["file"][0]
        self.write({"filename": upload.filename, "size": len(upload.body), "sha256": sha256(upload.body).hexdigest()})


async def main() -> None:
    parse_command_line()
    app = Application([(r"/upload", UploadHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
