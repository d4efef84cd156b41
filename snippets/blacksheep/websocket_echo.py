"""Echo WebSocket messages from a BlackSheep `ws` route; the text `bye` ends the connection with a normal close."""

from blacksheep import Application, WebSocket, WebSocketDisconnectError, ws

app = Application()


@ws("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        while True:
            # receive() gives the raw ASGI message, which holds either `text` or `bytes`.
            message = await websocket.receive()
            text = message.get("text")
            if text == "bye":
                await websocket.close(1000)
                return
            if text is not None:
                await websocket.send_text(text)
            else:
                await websocket.send_bytes(message["bytes"])
    except WebSocketDisconnectError:
        # The client closed first; there is nothing left to answer.
        return
