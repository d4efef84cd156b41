"""Echo WebSocket messages through a FastAPI @app.websocket endpoint; the text `bye` closes the socket normally."""

from fastapi import FastAPI, WebSocket

app = FastAPI()


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    while True:
        # The raw ASGI message tells text from binary, which receive_text and receive_bytes would each refuse.
        match await websocket.receive():
            case {"type": "websocket.disconnect"}:
                return
            case {"text": "bye"}:
                await websocket.close(code=1000)
                return
            case {"text": str(text)}:
                await websocket.send_text(text)
            case {"bytes": bytes(data)}:
                await websocket.send_bytes(data)
