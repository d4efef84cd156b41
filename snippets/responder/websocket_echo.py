"""Echo WebSocket messages from a Responder route declared with websocket=True; `bye` ends it with a normal close."""

import responder
from starlette.websockets import WebSocket

api = responder.API()


@api.route("/ws", websocket=True)
async def echo(ws: WebSocket) -> None:
    await ws.accept()
    while True:
        # Responder hands the route Starlette's WebSocket; its raw messages say whether a frame was text or binary.
        match await ws.receive():
            case {"type": "websocket.receive", "text": "bye"}:
                await ws.close(1000)
                return
            case {"type": "websocket.receive", "text": str(text)}:
                await ws.send_text(text)
            case {"type": "websocket.receive", "bytes": bytes(data)}:
                await ws.send_bytes(data)
            case _:
                # websocket.disconnect: the client has gone, so there is nobody left to answer.
                return
