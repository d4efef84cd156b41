"""Echo WebSocket messages with aiohttp's WebSocketResponse; the text `bye` ends the connection with a normal close."""

from aiohttp import WSMsgType, web


async def echo(request: web.Request) -> web.WebSocketResponse:
    socket = web.WebSocketResponse()
    # prepare() answers a request that is not a WebSocket handshake with 400 Bad Request.
    await socket.prepare(request)
    async for message in socket:
        if message.type is WSMsgType.TEXT:
            if message.data == "bye":
                await socket.close()
                break
            await socket.send_str(message.data)
        elif message.type is WSMsgType.BINARY:
            await socket.send_bytes(message.data)
    return socket


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/ws", echo)])
    return app
