"""aioinject's Django middleware opens a context per request, from which its inject decorator fills a view's parameter."""

import django
from aioinject import Injected, Scoped, SyncContainer
from aioinject.ext.django import SyncAioinjectMiddleware, inject
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path


class Greeter:
    def greet(self, name: str) -> str:
        return f"hello {name}"


container = SyncContainer()
container.register(Scoped(Greeter))


class ContainerMiddleware(SyncAioinjectMiddleware):
    @property
    def container(self) -> SyncContainer:
        return container


@inject
def greet(request: HttpRequest, greeter: Injected[Greeter]) -> HttpResponse:
    return HttpResponse(greeter.greet(request.headers["X-Name"]))


urlpatterns = [path("greet", greet)]


def main() -> None:
    settings.configure(ALLOWED_HOSTS=["testserver"], ROOT_URLCONF=__name__, MIDDLEWARE=[f"{__name__}.ContainerMiddleware"])
    django.setup()
    response = Client().get("/greet", headers={"X-Name": "probe"})
    if (response.status_code, response.content) != (200, b"hello probe"):
        raise SystemExit(f"GET /greet answered {response.status_code}: {response.content[:200]!r}")


if __name__ == "__main__":
    main()
