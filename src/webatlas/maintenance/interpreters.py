"""Find the Python interpreters the install check runs on: the running one, and pyenv's for the other minor versions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from webatlas.catalogue.install_results import minor

PYTHONS = ("3.11", "3.12", "3.13")
"""The Pythons the site checks, by minor version."""


def _output(command: Sequence[str | Path]) -> str | None:
    """What a quick command prints, or None when it fails."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=60, check=False)
    return done.stdout.strip() if done.returncode == 0 else None


def _pyenv_interpreter(wanted: str) -> Path | None:
    """The newest patch release of `wanted` (`3.12`) that pyenv holds, or None without pyenv or without that Python."""
    pyenv = shutil.which("pyenv")
    listed = _output([pyenv, "versions", "--bare"]) if pyenv else None
    if pyenv is None or listed is None:
        return None
    # pyenv also lists virtualenvs and other implementations; only plain CPython versions such as 3.12.1 count.
    candidates = [line.strip() for line in listed.splitlines() if line.strip().replace(".", "").isdigit()]
    candidates = [version for version in candidates if minor(version) == wanted]
    if not candidates:
        return None
    newest = max(candidates, key=lambda version: tuple(int(part) for part in version.split(".")))
    prefix = _output([pyenv, "prefix", newest])
    python = Path(prefix) / "bin" / "python3" if prefix else None
    return python if python is not None and python.is_file() else None


def find_interpreters(wanted: Sequence[str], progress: Callable[[str], None]) -> dict[str, Path]:
    """Full Python version -> interpreter for each of `wanted` found here; each missing one is reported in one line."""
    running = minor(".".join(map(str, sys.version_info[:3])))
    found: dict[str, Path] = {}
    for version in wanted:
        python = Path(sys.executable) if version == running else _pyenv_interpreter(version)
        full = _output([python, "-c", "import platform; print(platform.python_version())"]) if python else None
        if python is None or full is None:
            progress(f"Python {version}: not found (neither the running Python nor pyenv has it); nothing is recorded for it")
            continue
        found[full] = python
    return found
