"""Echo WebSocket messages with a Django Channels AsyncWebsocketConsumer; the text `bye` ends with a normal close."""

from django.conf import settings
from django.core.asgi import get_asgi_application

settings.configure(ALLOWED_HOSTS=["127.0.0.1", "localhost"], ROOT_URLCONF=__name__)
# Django is set up before anything imports its models; plain HTTP requests keep going to Django.
django_application = get_asgi_application()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402


class EchoConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data == "bye":
            await self.close(code=1000)
        elif text_data is not None:
            await self.send(text_data=text_data)
        else:
            await self.send(bytes_data=bytes_data)


urlpatterns: list[object] = []

application = ProtocolTypeRouter(
    {
        "http": django_application,
        # Refuses handshakes from pages on other sites, whose Origin is not in ALLOWED_HOSTS.
        "websocket": AllowedHostsOriginValidator(URLRouter([path("ws", EchoConsumer.as_asgi())])),
    }
)
