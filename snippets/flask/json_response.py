"""Answer GET / with a JSON object from Flask, which serialises a returned dict."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "flask"}
