"""Echo WebSocket messages with Quart's app.websocket route; the text `bye` ends the connection with a normal close."""

from quart import Quart, websocket

app = Quart(__name__)


@app.websocket("/ws")
async def echo() -> None:
    # Quart cancels this handler when the client disconnects, so the loop needs no exit of its own for that case.
    while True:
        message = await websocket.receive()
        if message == "bye":
            await websocket.close(1000)
            return
        # receive() gives str for a text frame and bytes for a binary one, and send() keeps that distinction.
        await websocket.send(message)
