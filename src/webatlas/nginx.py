"""A throwaway nginx on loopback: Debian's package run with the caller's `server` block, in a folder of its own that is
always removed, as a process group that is always stopped. The server recipes are tested behind it."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from webatlas import processes

STARTUP_S = 15
MAIN_CONFIG = """\
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {log} info;
events {{
    worker_connections 256;
}}
http {{
    access_log off;
    # Every file nginx writes stays in this folder, not under /var.
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{port}{tls};
{tls_files}{server}
    }}
}}
"""


class NginxError(RuntimeError):
    """nginx is missing, or its configuration is refused."""


@dataclass(frozen=True)
class Proxy:
    """A running nginx: where it listens, whether with TLS, its folder and its error log."""

    port: int
    tls: bool
    folder: Path
    pgid: int
    log: Path

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"


def binary() -> Path:
    """Debian's nginx, which lives in /usr/sbin, off PATH for most accounts."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if found is None:
        raise NginxError("no nginx on PATH or in /usr/sbin: install it with `apt-get install -y nginx`")
    return Path(found)


def _self_signed(folder: Path) -> str:
    """The directives for a certificate made for 127.0.0.1 alone, which no one else trusts."""
    key, certificate = folder / "key.pem", folder / "certificate.pem"
    argv = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    argv += ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)]
    subprocess.run(argv, capture_output=True, timeout=60, check=True)
    return f"        ssl_certificate {certificate};\n        ssl_certificate_key {key};\n"


@contextlib.contextmanager
def running_proxy(server: str, log_dir: Path, *, tls: bool = False) -> Iterator[Proxy]:
    """nginx on a free loopback port, over TLS with a throwaway certificate when `tls`, with `server` as the body of its
    one `server` block. Its error log goes to `log_dir`; its folder is removed afterwards, however the block ends."""
    program = binary()
    folder = Path(tempfile.mkdtemp(prefix="webatlas-nginx-"))
    try:
        port = processes.free_port()
        log = log_dir / "nginx-error.log"
        config = folder / "nginx.conf"
        tls_files = _self_signed(folder) if tls else ""
        text = MAIN_CONFIG.format(folder=folder, log=log, port=port, tls=" ssl" if tls else "", tls_files=tls_files, server=server)
        config.write_text(text)
        # -e names the log for what nginx says before it has read the configuration, which is otherwise under /var/log.
        argv = [str(program), "-p", str(folder), "-c", str(config), "-e", str(log)]
        checked = subprocess.run([*argv, "-t"], capture_output=True, text=True, timeout=30, check=False)
        if checked.returncode != 0:
            raise NginxError(f"nginx refused its configuration: {checked.stderr.strip()[-600:]}")
        command = processes.Command(argv, folder, dict(os.environ), log_dir / "nginx-output.log")
        with processes.running(command, lambda: processes.listening(port), STARTUP_S) as started:
            yield Proxy(port, tls, folder, started.pid, log)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
