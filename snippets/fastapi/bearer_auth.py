"""Let in only requests that carry the API token, with FastAPI's HTTPBearer security scheme and a dependency."""

import hmac
import os
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

# HTTPBearer answers a missing header or another scheme with 401 and a Bearer challenge itself, and puts the scheme in
# the OpenAPI schema, so /docs offers an Authorize button.
bearer = HTTPBearer()

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


async def api_client(credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> str:
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    if not hmac.compare_digest(credentials.credentials.encode(), API_TOKEN):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token", headers={"WWW-Authenticate": "Bearer"})
    return "api-client"


@app.get("/me")
async def me(user: Annotated[str, Depends(api_client)]) -> dict[str, str]:
    return {"user": user}
