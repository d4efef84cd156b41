"""Accept a multipart file upload with a 10 MiB body limit in Tornado."""

import asyncio
from hashlib import sha256

from tornado.httputil import HTTPFile, parse_body_arguments
from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler, stream_request_body

define("port", default=8000, type=int, help="port to listen on")

MAX_BODY_SIZE = 10 * 1024 * 1024


# Streaming the body lets prepare() see the headers before any of it is read, and data_received() count the
# bytes as they arrive, so a chunked body, which declares no length, is refused at the limit too. The server's
# own max_body_size would only drop an oversized request with a 400, so the 413 is given here.
@stream_request_body
class UploadHandler(RequestHandler):
    def prepare(self) -> None:
        if int(self.request.headers.get("Content-Length", "0")) > MAX_BODY_SIZE:
            raise HTTPError(413)
        self.body = bytearray()
        self.too_large = False

    def data_received(self, chunk: bytes) -> None:
        if self.too_large:
            return
        if len(self.body) + len(chunk) > MAX_BODY_SIZE:
            # Answering now makes Tornado close the connection once the response is written, without reading the rest.
            self.too_large = True
            self.send_error(413)
            return
        self.body += chunk

    def post(self) -> None:
        if self.too_large:
            return
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
