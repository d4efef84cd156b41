"""Echo WebSocket messages with Sanic's app.websocket route; the text `bye` ends the connection with a normal close."""

from sanic import Request, Sanic, Websocket

app = Sanic("WebsocketEcho")


@app.websocket("/ws")
async def echo(request: Request, ws: Websocket) -> None:
    # The loop ends when the client closes; a dropped connection ends the handler too, and Sanic logs nothing for it.
    async for message in ws:
        if message == "bye":
            await ws.close(1000)
            return
        # A str goes out as a text frame and bytes as a binary one, so each message keeps its type.
        await ws.send(message)
