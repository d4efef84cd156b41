"""Echo WebSocket messages from a low-level Litestar @websocket handler; the text `bye` closes the socket normally."""

from litestar import Litestar, WebSocket, websocket


@websocket("/ws")
async def echo(socket: WebSocket) -> None:
    await socket.accept()
    while True:
        # receive_data and the listeners read one fixed mode; the raw event says whether the client sent text or bytes.
        event = await socket.receive()
        if event["type"] == "websocket.disconnect":
            break
        text, data = event.get("text"), event.get("bytes")
        if text == "bye":
            await socket.close(code=1000)
            break
        if text is not None:
            await socket.send_data(text, mode="text")
        elif data is not None:
            await socket.send_data(data, mode="binary")


app = Litestar(route_handlers=[echo])
