"""Read a required and a bounded, defaulted query parameter in Flask through a flask-openapi3 Pydantic model."""

from flask_openapi3 import OpenAPI
from pydantic import BaseModel, Field

# flask-openapi3 also serves the OpenAPI schema at /openapi/openapi.json and a docs page at /openapi/ (doc_ui=False turns them off).
app = OpenAPI(__name__)


class SearchQuery(BaseModel):
    q: str
    limit: int = Field(10, ge=1, le=100)


# Flask's request.args holds strings; flask-openapi3 validates them into the model and answers 422 otherwise.
@app.get("/search")
def search(query: SearchQuery) -> dict[str, str | int]:
    return {"q": query.q, "limit": query.limit}
