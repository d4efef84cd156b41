"""The install check: does each catalogue package's latest release install and import on this Python, and if not, which newest release does.

Every release is tried in a fresh virtual environment made with the running interpreter. The command writes the outcome to
`data/install_check.json`; nobody types it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Literal

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version
from pydantic import Field, model_validator

from webatlas.loading import keyed_json, read_keyed_json, validate
from webatlas.models import Package, PastDate, Slug, Strict, Text
from webatlas.snapshot import PackageSnapshot, load_snapshot
from webatlas.writing import write_atomically

INSTALL_CHECK_FILE = "data/install_check.json"
PIP_PIN = "pip==26.3"
"""The installer every check environment uses, as the Makefile pins it for the site's own environments."""
INSTALL_TIMEOUT = 900
"""Seconds for one `pip install`, builds from source included."""
STEP_TIMEOUT = 300
"""Seconds for every other step: making the venv, installing pip, importing."""
WORKERS = 2
"""Packages checked at the same time: one per core."""

FailureKind = Literal[
    "no installable distribution for this Python",
    "build of the C extension fails",
    "build from source fails",
    "dependency cannot be installed",
    "import fails",
]
Step = Literal["install", "import"]


class Failure(Strict):
    kind: FailureKind
    excerpt: Text
    """The few most telling lines of pip's or Python's output, free of colour codes and temporary paths."""


class Attempt(Strict):
    """One release tried in a fresh environment."""

    version: Text
    installs: bool
    imports: bool
    failure: Failure | None

    @property
    def works(self) -> bool:
        return self.installs and self.imports

    @model_validator(mode="after")
    def _failure_explains_the_outcome(self) -> Attempt:
        if self.imports and not self.installs:
            raise ValueError("imports is true but installs is false")
        if self.works != (self.failure is None):
            raise ValueError("failure is given exactly when the release does not both install and import")
        if self.failure is not None and (self.failure.kind == "import fails") != self.installs:
            raise ValueError(f"failure kind {self.failure.kind!r} does not fit installs={self.installs}")
        return self


class PackageResult(Strict):
    """One catalogue entry's package: its latest release, and the fallback tried when the latest does not work."""

    package: Text
    module: Text
    latest: Attempt
    tested: Attempt | None
    """The newest older release whose Requires-Python admits this Python, tried when the latest fails; None otherwise."""

    @property
    def pinned(self) -> str | None:
        """The version the site pins and tests, or None when no release works here."""
        for attempt in (self.latest, self.tested):
            if attempt is not None and attempt.works:
                return attempt.version
        return None

    @model_validator(mode="after")
    def _fallback_only_when_needed(self) -> PackageResult:
        if self.tested is not None:
            if self.latest.works:
                raise ValueError("tested is given although the latest release works")
            if self.tested.version == self.latest.version:
                raise ValueError("tested must be another release than the latest")
        return self


class InstallCheck(Strict):
    """The whole file: where and when the check ran, and each entry's result, keyed by entry slug."""

    python: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+")]
    platform: Text
    checked_on: PastDate
    results: dict[Slug, PackageResult]


class InstallCheckError(RuntimeError):
    """The check itself could not run (no network, a timeout, output it cannot read): no fact about the package."""


# --- Reading pip's and Python's output -------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_TEMP_ROOTS = sorted({"/tmp", "/var/tmp", tempfile.gettempdir().rstrip("/")}, key=len, reverse=True)
_TEMP_PATH = re.compile(rf"(?:{'|'.join(re.escape(root) for root in _TEMP_ROOTS)})/[^\s'\":,()\[\]]*")
_BOX = re.compile("^[\\s\u00d7\u2502\u2570\u2500>]+")  # the frame pip draws around errors
_NAME = r"([A-Za-z0-9][A-Za-z0-9._-]*)"
_COMPILER_ERROR = re.compile(
    r"\.(?:c|cc|cpp|cxx|h|hpp|pyx|pxd|pxi):\d+(?::\d+)?: (?:fatal )?error\b"
    r"|^error: [Cc]ommand '\[?'?[^']*\b(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|x86_64-linux-gnu-gcc)'"
    r"|^Error compiling Cython file|Microsoft Visual C\+\+ .* is required"
)
_PIP_BOILERPLATE = re.compile(r"^error: (?:subprocess-exited-with-error|metadata-generation-failed|failed-wheel-build-for-install)$")
_BUILD_HEADER = re.compile(r"did not run successfully|Encountered error while generating package metadata")
_BUILD_ERROR = re.compile(r"^(?:[A-Za-z_][\w.]*(?:Error|Exception|Exit)\b|error:|fatal:)")
_UNAVAILABLE = re.compile(
    r"^ERROR: Ignored the following versions that require a different python version"
    r"|requires a different Python|^ERROR: Could not find a version|^ERROR: No matching distribution"
)
_CONFLICT = re.compile(r"^ERROR: Cannot install|^The conflict is caused by|depends on|^ERROR: ResolutionImpossible")
_NETWORK = re.compile(
    r"Retrying \(Retry\(|NewConnectionError|Could not fetch URL|ConnectTimeoutError|ReadTimeoutError"
    r"|Temporary failure in name resolution|Network is unreachable|No space left on device"
)

_TELLING: dict[FailureKind, tuple[re.Pattern[str], ...]] = {
    "no installable distribution for this Python": (_UNAVAILABLE,),
    "build of the C extension fails": (_BUILD_HEADER, _COMPILER_ERROR),
    "build from source fails": (_BUILD_HEADER, _BUILD_ERROR),
    "dependency cannot be installed": (_UNAVAILABLE, _CONFLICT, _BUILD_HEADER, _COMPILER_ERROR, _BUILD_ERROR),
}
MAX_LINES, MAX_CHARS, MAX_LINE = 6, 500, 160


def _untemp(match: re.Match[str]) -> str:
    """A temporary path shown relative to what names it: the package inside site-packages or pip's build folder."""
    parts = match.group().split("/")
    root_depth = next(len(root.split("/")) for root in _TEMP_ROOTS if match.group().startswith(root + "/"))
    parts = parts[root_depth:]
    if "site-packages" in parts:
        return "/".join(parts[len(parts) - parts[::-1].index("site-packages") :]) or "site-packages"
    for index, part in enumerate(parts):
        if part.startswith("pip-install-"):
            return "/".join(parts[index + 2 :]) or "."
        if part.startswith("pip-"):
            return "/".join(parts[index + 1 :]) or "."
    return "/".join(parts[1:]) or "<tmp>"


def _clean_lines(output: str) -> list[str]:
    """Output lines without colour codes, box drawing, indentation or temporary paths; blank lines dropped."""
    lines = []
    for raw in _ANSI.sub("", output).splitlines():
        line = _BOX.sub("", _TEMP_PATH.sub(_untemp, raw)).rstrip()
        if line and not line.startswith("WARNING:"):
            lines.append(line)
    return lines


def _name_of(requirement: str) -> str:
    match = re.match(_NAME, requirement)
    return canonicalize_name(match.group(1) if match else requirement)


def _failed_build(lines: Sequence[str]) -> str | None:
    """The distribution whose build from source failed, if one did."""
    current: str | None = None
    for line in lines:
        if match := re.match(rf"(?:Collecting|Processing) (?:\S*/)?{_NAME}", line):
            name = match.group(1)
            current = re.sub(r"-\d.*$", "", name) if line.startswith("Processing") else name
        if match := re.match(rf"(?:ERROR: )?Failed building wheel for {_NAME}|Building wheel for {_NAME} .*did not run successfully", line):
            return match.group(1) or match.group(2)
        if _BUILD_HEADER.search(line):
            return current or "(unknown)"
    return None


def _install_kind(lines: Sequence[str], package: str) -> FailureKind:
    own = canonicalize_name(package)
    built = _failed_build(lines)
    if built is not None:
        if built != "(unknown)" and canonicalize_name(built) != own:
            return "dependency cannot be installed"
        return "build of the C extension fails" if any(_COMPILER_ERROR.search(line) for line in lines) else "build from source fails"
    for line in lines:
        match = re.search(r"No matching distribution found for (\S+)|Package '([^']+)' requires a different Python", line)
        if match:
            mine = _name_of(match.group(1) or match.group(2)) == own
            return "no installable distribution for this Python" if mine else "dependency cannot be installed"
    if any(_CONFLICT.search(line) for line in lines):
        return "dependency cannot be installed"
    raise InstallCheckError(f"cannot tell why installing {package} failed:\n" + "\n".join(lines[-10:]))


def _condensed(line: str, version: str) -> str:
    """Long lists cut to what matters: the requested version, the ends of a version list, the compiler of a command."""
    if line.startswith("ERROR: Ignored the following versions that require a different python version: "):
        head, _, items = line.partition("version: ")
        mine = [item for item in items.split("; ") if item.split(" ", 1)[0] == version]
        return f"{head}version: " + ("… " + "; ".join(mine) if mine else items)
    if command := re.match(r"^error: [Cc]ommand '\['([^']+)',.*\]' ((?:failed|returned) .*)$", line):
        return f"error: command '{command.group(1)} …' {command.group(2)}"

    def shorten(match: re.Match[str]) -> str:
        versions = match.group(1).split(", ")
        shown = versions if len(versions) <= 4 else [*versions[:2], "…", *versions[-2:]]
        return f"(from versions: {', '.join(shown)})"

    return re.sub(r"\(from versions: ([^)]*)\)", shorten, line)


def _fit(lines: Sequence[str]) -> str:
    """At most MAX_LINES lines and MAX_CHARS characters, keeping the first and the last lines."""
    kept = [line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…" for line in dict.fromkeys(lines)]
    if len(kept) > MAX_LINES:
        kept = [*kept[: MAX_LINES - 1], kept[-1]]
    while len(kept) > 2 and len("\n".join(kept)) > MAX_CHARS:
        del kept[-2]
    return "\n".join(kept)[:MAX_CHARS]


def classify(output: str, *, step: Step, package: str, version: str) -> Failure:
    """What kind of failure pip's (step "install") or Python's (step "import") output shows, and its telling lines.

    Raises InstallCheckError when the output shows no failure of the package but of the check: no network, a full disk,
    or nothing it recognises.
    """
    lines = _clean_lines(output)
    if step == "install" and _NETWORK.search(output):
        raise InstallCheckError(f"installing {package}=={version} failed for a reason outside the package:\n" + "\n".join(lines[-5:]))
    if step == "import":
        return Failure(kind="import fails", excerpt=_fit(lines[-3:]) or "the import failed and printed nothing")
    kind = _install_kind(lines, package)
    telling = [_condensed(line, version) for line in lines if any(pattern.search(line) for pattern in _TELLING[kind])]
    telling = [line for line in telling if not _PIP_BOILERPLATE.match(line)]
    return Failure(kind=kind, excerpt=_fit(telling or lines[-3:]))


# --- Running the check ---------------------------------------------------------------------------------------


def _run(command: Sequence[str | Path], *, timeout: float, cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
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


def try_release(package: Package, version: str, pip_args: Sequence[str] = (), *, upgrade_pip: bool = True) -> Attempt:
    """Install `package==version` into a fresh venv of the running interpreter, then import its module there."""
    with tempfile.TemporaryDirectory(prefix="webatlas-install-") as name:
        work = Path(name)
        (work / "tmp").mkdir()
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        env |= {"TMPDIR": str(work / "tmp"), "NO_COLOR": "1", "PIP_NO_INPUT": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        python = work / "venv" / "bin" / "python"
        pip: list[str | Path] = [python, "-m", "pip", "install", "--progress-bar", "off"]
        setup: list[list[str | Path]] = [[sys.executable, "-m", "venv", work / "venv"]]
        if upgrade_pip:
            setup.append([*pip, PIP_PIN])
        for command in setup:
            status, output = _run(command, timeout=STEP_TIMEOUT, cwd=work, env=env)
            if status != 0:
                raise InstallCheckError(f"could not prepare a venv ({' '.join(map(str, command[1:]))}):\n{output[-1000:]}")
        status, output = _run([*pip, f"{package.pypi}=={version}", *pip_args], timeout=INSTALL_TIMEOUT, cwd=work, env=env)
        if status != 0:
            failure = classify(output, step="install", package=package.pypi, version=version)
            return Attempt(version=version, installs=False, imports=False, failure=failure)
        status, output = _run([python, "-I", "-c", f"import {package.module}"], timeout=STEP_TIMEOUT, cwd=work, env=env)
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


def check_package(package: Package, snapshot: PackageSnapshot, pip_args: Sequence[str] = (), *, upgrade_pip: bool = True) -> PackageResult:
    """Try the latest release; when it fails, try the fallback release too."""
    latest = try_release(package, snapshot.latest_version, pip_args, upgrade_pip=upgrade_pip)
    tested = None
    if not latest.works and (fallback := fallback_version(snapshot, platform.python_version())) is not None:
        tested = try_release(package, fallback, pip_args, upgrade_pip=upgrade_pip)
    return PackageResult(package=package.pypi, module=package.module, latest=latest, tested=tested)


def _outcome(attempt: Attempt) -> str:
    return f"{attempt.version} {'installs and imports' if attempt.failure is None else attempt.failure.kind}"


def describe(result: PackageResult) -> str:
    """One line: how the latest release fared, and the fallback when there is one."""
    if result.latest.works:
        return _outcome(result.latest)
    fallback = _outcome(result.tested) if result.tested else "no older release to try"
    return f"{_outcome(result.latest)}; {fallback}"


def check_all(
    packages: Mapping[str, tuple[Package, PackageSnapshot]],
    progress: Callable[[str], None],
    pip_args: Sequence[str] = (),
    *,
    upgrade_pip: bool = True,
) -> dict[str, PackageResult]:
    """Check every package, WORKERS at a time, keyed like `packages`; progress gets a line as each starts and ends."""
    lock = threading.Lock()

    def say(message: str) -> None:
        with lock:
            progress(message)

    def one(slug: str) -> PackageResult:
        package, snapshot = packages[slug]
        say(f"{slug}: checking {package.pypi} {snapshot.latest_version}")
        result = check_package(package, snapshot, pip_args, upgrade_pip=upgrade_pip)
        say(f"{slug}: {describe(result)}")
        return result

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {slug: pool.submit(one, slug) for slug in sorted(packages)}
        try:
            return {slug: future.result() for slug, future in futures.items()}
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def to_json(check: InstallCheck) -> str:
    return keyed_json(check, "results")


def run(root: Path, progress: Callable[[str], None], pip_args: Sequence[str] = (), *, upgrade_pip: bool = True) -> bool:
    """Check every catalogue entry with a PyPI package and write INSTALL_CHECK_FILE; return whether it changed."""
    # Imported here: the catalogue loads this module's file, so a top-level import would be circular.
    from webatlas.catalogue import ENTRIES_DIR, FEATURES_FILE, SNAPSHOT_FILE, check_snapshot, load_entries, load_features

    entries = load_entries(root / ENTRIES_DIR, load_features(root / FEATURES_FILE))
    snapshot = load_snapshot(root / SNAPSHOT_FILE)
    check_snapshot(root / SNAPSHOT_FILE, snapshot, entries)
    packages = {slug: (entry.package, snapshot.packages[entry.package.pypi]) for slug, entry in entries.items() if entry.package}
    results = check_all(packages, progress, pip_args, upgrade_pip=upgrade_pip)
    check = InstallCheck(python=platform.python_version(), platform=sysconfig.get_platform(), checked_on=dt.date.today(), results=results)
    text = to_json(check)
    path = root / INSTALL_CHECK_FILE
    validate(InstallCheck, json.loads(text), file=path, entry="(install check)")
    return write_atomically(path, text)


def load_install_check(path: Path) -> InstallCheck:
    return read_keyed_json(path, InstallCheck, items="results", item_model=PackageResult, remedy="run `make check-installs`")
