"""Render templates/hello.html with Flask's Jinja templates, which escape the name."""

from flask import Flask, render_template, request

app = Flask(__name__)


@app.get("/hello")
def hello() -> str:
    return render_template("hello.html", name=request.args.get("name", "world"))
