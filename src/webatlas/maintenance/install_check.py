"""The install check: does each catalogue package's latest release install and import on each Python we have, and if not,
which newest release does.

Every release is tried in a fresh virtual environment made with one of the interpreters `find_interpreters` finds. The command
writes the outcome to `data/install_check.json`; nobody types it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sysconfig
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from webatlas.catalogue.cross_checks import check_snapshot
from webatlas.catalogue.install_results import (
    INSTALL_CHECK_FILE,
    Attempt,
    Failure,
    InstallCheck,
    InstallCheckError,
    PackageResult,
    PythonResult,
    minor,
    to_json,
)
from webatlas.catalogue.integrations import INTEGRATIONS_FILE, load_integrations
from webatlas.catalogue.loading import ENTRIES_DIR, FEATURES_FILE, SNAPSHOT_FILE, load_entries, load_features
from webatlas.catalogue.models import Package
from webatlas.catalogue.reading import validate
from webatlas.catalogue.snapshot import PackageSnapshot, load_snapshot
from webatlas.maintenance.interpreters import PYTHONS, find_interpreters
from webatlas.maintenance.pip_output import classify
from webatlas.writing import write_atomically

PIP_PIN = "pip==26.3"
"""The installer every check environment uses, as the Makefile pins it for the site's own environments."""
INSTALL_TIMEOUT = 900
"""Seconds for one `pip install`, builds from source included."""
STEP_TIMEOUT = 300
"""Seconds for every other step: making the venv, installing pip, importing."""
WORKERS = 2
"""Packages checked at the same time: one per core."""
def run_captured(command: Sequence[str | Path], *, timeout: float, cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
    """Run a command, stdout and stderr together; on timeout kill it with everything it started."""
    with subprocess.Popen(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            shown = " ".join(str(part) for part in command[:6])
            raise InstallCheckError(f"timed out after {timeout:.0f} s: {shown}") from None
    return process.returncode, output.decode("utf-8", errors="replace")


def try_release(python: Path, package: Package, version: str, pip_args: Sequence[str] = (), *, upgrade_pip: bool = True) -> Attempt:
    """Install `package==version` into a fresh venv of the interpreter `python`, then import its module there."""
    with tempfile.TemporaryDirectory(prefix="webatlas-install-") as name:
        work = Path(name)
        (work / "tmp").mkdir()
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        env |= {"TMPDIR": str(work / "tmp"), "NO_COLOR": "1", "PIP_NO_INPUT": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        venv_python = work / "venv" / "bin" / "python"
        pip: list[str | Path] = [venv_python, "-m", "pip", "install", "--progress-bar", "off"]
        setup: list[list[str | Path]] = [[python, "-m", "venv", work / "venv"]]
        if upgrade_pip:
            setup.append([*pip, PIP_PIN])
        for command in setup:
            status, output = run_captured(command, timeout=STEP_TIMEOUT, cwd=work, env=env)
            if status != 0:
                raise InstallCheckError(f"could not prepare a venv ({' '.join(map(str, command[1:]))}):\n{output[-1000:]}")
        status, output = run_captured([*pip, f"{package.pypi}=={version}", *pip_args], timeout=INSTALL_TIMEOUT, cwd=work, env=env)
        if status != 0:
            failure = classify(output, step="install", package=package.pypi, version=version)
            return Attempt(version=version, installs=False, imports=False, failure=failure)
        status, output = run_captured([venv_python, "-I", "-c", f"import {package.module}"], timeout=STEP_TIMEOUT, cwd=work, env=env)
        if status != 0:
            failure = classify(output or f"exit status {status}", step="import", package=package.pypi, version=version)
            return Attempt(version=version, installs=True, imports=False, failure=failure)
        return Attempt(version=version, installs=True, imports=True, failure=None)


def fallback_version(snapshot: PackageSnapshot, python: str) -> str | None:
    """The newest release other than the latest that is no pre-release and whose Requires-Python admits `python`."""
    candidates = []
    for release in snapshot.releases:
        try:
            version = Version(release.version)
            admits = release.requires_python is None or SpecifierSet(release.requires_python).contains(python, prereleases=True)
        except (InvalidVersion, InvalidSpecifier):
            continue  # pip skips what it cannot parse, so it is no candidate either
        if admits and not version.is_prerelease and release.version != snapshot.latest_version:
            candidates.append((version, release.version))
    return max(candidates)[1] if candidates else None


def _excluded(snapshot: PackageSnapshot, version: str, python: str) -> Attempt | None:
    """An attempt that needs no pip: the release's own Requires-Python rules `python` out."""
    spec = next(release.requires_python for release in snapshot.releases if release.version == version)
    try:
        if spec is None or SpecifierSet(spec).contains(python, prereleases=True):
            return None
    except InvalidSpecifier:
        return None  # pip ignores what it cannot parse, so let pip decide
    failure = Failure(kind="the release does not support this Python", excerpt=f"Requires-Python {spec}")
    return Attempt(version=version, installs=False, imports=False, failure=failure)


def check_package(
    python: str, interpreter: Path, package: Package, snapshot: PackageSnapshot, pip_args: Sequence[str] = (), *, upgrade_pip: bool = True
) -> PythonResult:
    """Try the latest release on one Python; when it fails there, try the fallback release too."""

    def attempt(version: str) -> Attempt:
        return _excluded(snapshot, version, python) or try_release(interpreter, package, version, pip_args, upgrade_pip=upgrade_pip)

    latest = attempt(snapshot.latest_version)
    tested = None
    if not latest.works and (fallback := fallback_version(snapshot, python)) is not None:
        tested = attempt(fallback)
    return PythonResult(latest=latest, tested=tested)


def _outcome(attempt: Attempt) -> str:
    return f"{attempt.version} {'installs and imports' if attempt.failure is None else attempt.failure.kind}"


def describe(python: str, result: PythonResult) -> str:
    """One line: how the latest release fared on one Python, and the fallback when there is one."""
    if result.latest.works:
        return f"Python {minor(python)}: {_outcome(result.latest)}"
    fallback = _outcome(result.tested) if result.tested else "no older release to try"
    return f"Python {minor(python)}: {_outcome(result.latest)}; {fallback}"


def check_all(
    packages: Mapping[str, tuple[Package, PackageSnapshot]],
    interpreters: Mapping[str, Path],
    progress: Callable[[str], None],
    pip_args: Sequence[str] = (),
    *,
    upgrade_pip: bool = True,
) -> dict[str, PackageResult]:
    """Check every package on every interpreter, WORKERS at a time, keyed like `packages`; progress gets a line per step."""
    lock = threading.Lock()

    def say(message: str) -> None:
        with lock:
            progress(message)

    def one(slug: str, python: str) -> PythonResult:
        package, snapshot = packages[slug]
        say(f"{slug}: checking {package.pypi} {snapshot.latest_version} on Python {minor(python)}")
        result = check_package(python, interpreters[python], package, snapshot, pip_args, upgrade_pip=upgrade_pip)
        say(f"{slug}: {describe(python, result)}")
        return result

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {(slug, python): pool.submit(one, slug, python) for slug in sorted(packages) for python in interpreters}
        try:
            done = {key: future.result() for key, future in futures.items()}
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return {
        slug: PackageResult(package=package.pypi, module=package.module, pythons={python: done[slug, python] for python in interpreters})
        for slug, (package, _) in packages.items()
    }


def run(root: Path, progress: Callable[[str], None], pip_args: Sequence[str] = (), *, upgrade_pip: bool = True) -> bool:
    """Check every catalogue entry with a PyPI package on every Python found, and write INSTALL_CHECK_FILE; return whether it changed."""
    features = load_features(root / FEATURES_FILE)
    entries = load_entries(root / ENTRIES_DIR, features)
    snapshot = load_snapshot(root / SNAPSHOT_FILE)
    check_snapshot(root / SNAPSHOT_FILE, snapshot, entries, load_integrations(root / INTEGRATIONS_FILE, entries, features))
    packages = {slug: (entry.package, snapshot.packages[entry.package.pypi]) for slug, entry in entries.items() if entry.package}
    interpreters = find_interpreters(PYTHONS, progress)
    if not interpreters:
        raise InstallCheckError(f"none of Python {', '.join(PYTHONS)} was found")
    results = check_all(packages, interpreters, progress, pip_args, upgrade_pip=upgrade_pip)
    check = InstallCheck(pythons=list(interpreters), platform=sysconfig.get_platform(), checked_on=dt.date.today(), results=results)
    text = to_json(check)
    path = root / INSTALL_CHECK_FILE
    validate(InstallCheck, json.loads(text), file=path, entry="(install check)")
    return write_atomically(path, text)
