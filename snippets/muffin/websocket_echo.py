"""Echo WebSocket messages through Muffin's ResponseWebSocket; the text `bye` closes the socket normally."""

from muffin import Application, Request, ResponseError, ResponseWebSocket

app = Application()


@app.route("/ws")
async def echo(request: Request) -> None:
    # Muffin routes HTTP and WebSocket requests alike, so a plain GET would otherwise reach the handshake and fail.
    if request.scope["type"] != "websocket":
        raise ResponseError.UPGRADE_REQUIRED()
    # Leaving the block closes the socket, unless the client or `bye` closed it already.
    async with ResponseWebSocket(request) as ws:
        while ws.connected:
            # The raw message keeps text and binary apart; without raw=True, bytes come back decoded to text.
            message = await ws.receive(raw=True)
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text")
            if text == "bye":
                await ws.close(1000)
            else:
                # send() picks a text or a binary frame from the payload's type.
                await ws.send(text if text is not None else message["bytes"])
