"""app.py wrapped for Hypercorn, which reads no forwarded headers itself and ships this middleware for them instead."""

from hypercorn.middleware import ProxyFixMiddleware

from app import app as plain_app

# mode="legacy" reads X-Forwarded-For and X-Forwarded-Proto, the headers nginx.conf sets ("modern" reads Forwarded).
# trusted_hops=1 believes the last address in X-Forwarded-For, the one the single proxy in front wrote. The middleware
# counts hops and never looks at who is connecting: a client that reaches Hypercorn directly is believed just the same,
# so the port must be reachable by the proxy alone (it listens on 127.0.0.1 for that reason).
app = ProxyFixMiddleware(plain_app, mode="legacy", trusted_hops=1)
