"""Read a request header and a cookie in Django, and set a Secure, HttpOnly, SameSite=Lax cookie."""

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)


async def whoami(request: HttpRequest) -> JsonResponse:
    response = JsonResponse({"client": request.headers.get("X-Client"), "hint": request.COOKIES.get("hint")})
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="Lax")
    return response


urlpatterns = [path("whoami", whoami)]

application = get_asgi_application()
