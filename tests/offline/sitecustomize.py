"""Imported at interpreter start when this folder is on PYTHONPATH: refuse every connection that leaves the machine.

Each refused attempt is appended to the file named by WEBATLAS_NETWORK_LOG, so a test can show that none happened.
"""

from __future__ import annotations

import ipaddress
import os
import socket

_LOG = os.environ.get("WEBATLAS_NETWORK_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def _is_local(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(what + "\n")
    raise ConnectionRefusedError(f"network access outside loopback is refused: {what}")


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):  # type: ignore[index]
        _refuse(f"connect {address!r}")
    return _connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):  # type: ignore[index]
        _refuse(f"connect {address!r}")
    return _connect_ex(self, address)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
    # Resolving a name asks a DNS server, which is itself a network call; an address literal resolves locally.
    name = host.decode() if isinstance(host, bytes) else host
    if isinstance(name, str) and not (_is_local(name) or _is_address(name)):
        _refuse(f"resolve {host!r}")
    return _getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = _guarded_getaddrinfo
