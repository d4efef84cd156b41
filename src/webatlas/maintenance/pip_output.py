"""Read pip's and Python's output after a failed install check step: which kind of failure, and its telling lines."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence

from packaging.utils import canonicalize_name

from webatlas.catalogue.install_results import Failure, FailureKind, InstallCheckError, Step

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
