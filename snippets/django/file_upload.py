"""Receive a multipart file upload in Django and answer its name, size and SHA-256, refusing bodies over 10 MiB."""

import hashlib

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
    # Django cannot count a body as it arrives: it has no limit for file data (DATA_UPLOAD_MAX_MEMORY_SIZE leaves
    # files out), and its ASGI handler has already spooled the whole body, chunked or not, to a temporary file
    # before any view or middleware runs. So this refuses only after reading. Its multipart parser also reads no
    # more than Content-Length declares, so a chunked upload, which declares none, is refused with 411.
    if "CONTENT_LENGTH" not in request.META:
        return JsonResponse({"error": "send the upload with a Content-Length"}, status=411)
    if int(request.META["CONTENT_LENGTH"]) > MAX_BODY:
        return JsonResponse({"error": "request body too large"}, status=413)
    received = request.FILES.get("file")
    if received is None:
        return JsonResponse({"error": "no file in the 'file' field"}, status=400)
    digest = hashlib.sha256()
    for chunk in received.chunks():
        digest.update(chunk)
    return JsonResponse({"filename": received.name, "size": received.size, "sha256": digest.hexdigest()})


urlpatterns = [path("upload", upload)]

application = get_asgi_application()
