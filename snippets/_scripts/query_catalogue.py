"""Print the active ASGI frameworks with built-in WebSockets from /catalogue.json, newest release first."""

import json
import sys
from urllib.request import urlopen

site = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
with urlopen(f"{site}/catalogue.json") as answer:
    records = json.load(answer)

matches = [
    record
    for record in records
    if record["layer"] == "framework"
    and "ASGI" in record["interfaces"]
    and record["status"] == "active"
    and record["feature_cells"]["websockets"]["support"] == "built-in"
]
for record in sorted(matches, key=lambda record: record["latest_release"], reverse=True):
    print(record["name"], record["latest_version"], record["latest_release"])
