"""Echo WebSocket messages from a Falcon on_websocket responder; the text `bye` ends the connection with a normal close."""

import falcon
import falcon.asgi
import falcon.media
from falcon import WebSocketDisconnected, WebSocketPayloadType


# receive_text() and receive_data() each expect one kind of frame, and receive_media() decodes both kinds
# (JSON and MessagePack by default). Media handlers that hand the payload over untouched give an echo both kinds.
class TextAsIs(falcon.media.TextBaseHandlerWS):
    def deserialize(self, payload: str) -> object:
        return payload


class BinaryAsIs(falcon.media.BinaryBaseHandlerWS):
    def deserialize(self, payload: bytes) -> object:
        return payload


class Echo:
    # A plain GET finds no on_get responder here, so Falcon answers it with 405.
    async def on_websocket(self, req: falcon.asgi.Request, ws: falcon.asgi.WebSocket) -> None:
        await ws.accept()
        try:
            while True:
                message = await ws.receive_media()
                if message == "bye":
                    await ws.close(1000)
                    return
                if isinstance(message, str):
                    await ws.send_text(message)
                else:
                    await ws.send_data(message)
        except WebSocketDisconnected:
            # Left unhandled, Falcon would log the client's departure as a warning.
            return


app = falcon.asgi.App()
app.ws_options.media_handlers[WebSocketPayloadType.TEXT] = TextAsIs()
app.ws_options.media_handlers[WebSocketPayloadType.BINARY] = BinaryAsIs()
app.add_route("/ws", Echo())
