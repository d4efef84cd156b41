"""Receive a multipart file upload in Django and answer its name, size and SHA-256, refusing bodies over 10 MiB."""

import hashlib
import json

from asgiref.typing import ASGI3Application, ASGIReceiveCallable, ASGISendCallable, Scope
from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path

MAX_BODY = 10 * 1024 * 1024

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)


async def upload(request: HttpRequest) -> JsonResponse:
    received = request.FILES.get("file")
    if received is None:
        return JsonResponse({"error": "no file in the 'file' field"}, status=400)
    digest = hashlib.sha256()
    for chunk in received.chunks():
        digest.update(chunk)
    return JsonResponse({"filename": received.name, "size": received.size, "sha256": digest.hexdigest()})


urlpatterns = [path("upload", upload)]


async def refuse(send: ASGISendCallable, status: int, error: str) -> None:
    body = json.dumps({"error": error}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers, "trailers": False})
    await send({"type": "http.response.body", "body": body, "more_body": False})


# Django has no limit for file data (DATA_UPLOAD_MAX_MEMORY_SIZE leaves files out), and its ASGI handler spools the
# whole body to a temporary file before any view or middleware runs, so the limit goes in ASGI middleware around
# the application, which sees the headers first. Django cannot count a chunked body as it arrives: besides the
# spooling, its multipart parser reads no more than Content-Length declares. So a body with no declared length is
# refused with 411, and a larger declared one with 413, before any of it is read; the server holds a body to its
# declared length.
def limit_body(django_app: ASGI3Application) -> ASGI3Application:
    async def limited(scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            length = headers.get(b"content-length")
            if length is None and b"transfer-encoding" in headers:
                return await refuse(send, 411, "send the upload with a Content-Length")
            if length is not None and int(length) > MAX_BODY:
                return await refuse(send, 413, "request body too large")
        await django_app(scope, receive, send)

    return limited


application = limit_body(get_asgi_application())
