"""app.py as Granian serves it behind nginx. Granian 2.8 has no
command-line setting for forwarded headers but ships this wrapper, so
the app itself stays the same as under every other server."""

from granian.utils.proxies import wrap_asgi_with_proxy_headers

from app import app as unwrapped

# Take the client's address and scheme from X-Forwarded-For and
# X-Forwarded-Proto only on connections from the proxy at 127.0.0.1;
# anyone else's are left unread, so a client that reaches Granian
# directly cannot claim another address.
app = wrap_asgi_with_proxy_headers(unwrapped, trusted_hosts="127.0.0.1")
