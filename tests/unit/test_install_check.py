"""The install check: pip's output is classified and cut to stable excerpts, results validate, and the runner works offline."""

# ruff: noqa: RUF001 -- pip frames its errors with the multiplication sign, and the realistic outputs below keep it.

from __future__ import annotations

import base64
import hashlib
import json
import os
import platform
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import only_the_running_python
from webatlas.catalogue.install_results import (
    Attempt,
    Failure,
    InstallCheck,
    InstallCheckError,
    PackageResult,
    PythonResult,
    load_install_check,
    to_json,
)
from webatlas.catalogue.models import Package
from webatlas.catalogue.reading import CatalogueError
from webatlas.catalogue.snapshot import PackageSnapshot
from webatlas.maintenance.install_check import check_all, fallback_version
from webatlas.maintenance.interpreters import find_interpreters
from webatlas.maintenance.pip_output import classify

# --- Realistic output, as pip 26.3 prints it on Python 3.11 (shortened where it repeats itself) ---------------------

DJANGO_NEEDS_NEWER_PYTHON = """\
Looking in indexes: https://pypi.org/simple
ERROR: Ignored the following yanked versions: 4.2.12, 5.0.5
ERROR: Ignored the following versions that require a different python version: 6.0 Requires-Python >=3.12; \
6.1.2 Requires-Python >=3.12; 6.1.3 Requires-Python >=3.12; 6.1a1 Requires-Python >=3.12
ERROR: Could not find a version that satisfies the requirement django==6.1.3 (from versions: 1.1.3, 1.1.4, 1.2, 5.2.18, 5.2.19)
ERROR: No matching distribution found for django==6.1.3
"""

JAPRONTO_NO_WHEEL_FOR_THIS_PYTHON = """\
Looking in indexes: https://pypi.org/simple
ERROR: Could not find a version that satisfies the requirement japronto==0.1.2 (from versions: none)
ERROR: No matching distribution found for japronto==0.1.2
"""

LOCAL_WHEEL_NEEDS_NEWER_PYTHON = """\
Looking in links: /tmp/pytest-of-root/pytest-7/wheels0
Processing /tmp/pytest-of-root/pytest-7/wheels0/futurepkg-1.0-py3-none-any.whl
ERROR: Package 'futurepkg' requires a different Python: 3.11.7 not in '>=3.99'
"""


def c_build_failure(random: str) -> str:
    """Vibora's build on 3.11; `random` stands for the temporary folder names that change on every run."""
    return f"""\
Collecting vibora==0.0.6
  Downloading vibora-0.0.6.tar.gz (1.1 MB)
     \x1b[38;5;197m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m1.1/1.1 MB\x1b[0m \x1b[31m5.2 MB/s\x1b[0m
  Installing build dependencies: started
  Installing build dependencies: finished with status 'done'
Processing /tmp/webatlas-install-{random}/tmp/files/uvloop-0.23.0-cp311-cp311-manylinux_2_28_x86_64.whl (from vibora==0.0.6)
Collecting ujson (from vibora==0.0.6)
Building wheels for collected packages: vibora
  Building wheel for vibora (pyproject.toml): started
  Building wheel for vibora (pyproject.toml): finished with status 'error'
  \x1b[1;31merror\x1b[0m: \x1b[1msubprocess-exited-with-error\x1b[0m

  \x1b[31m×\x1b[0m Building wheel for vibora (pyproject.toml) did not run successfully.
  \x1b[31m│\x1b[0m exit code: \x1b[1;36m1\x1b[0m
  \x1b[31m╰─>\x1b[0m [9 lines of output]
      running build_ext
      building 'vibora.parsers.parser' extension
      gcc -fPIC -I. -I/tmp/webatlas-install-{random}/venv/include -I/usr/include/python3.11 -c vibora/parsers/parser.c -o build/p.o
      /tmp/webatlas-install-{random}/tmp/pip-install-{random}/vibora_{random}/vibora/parsers/parser.c:181:12: \
fatal error: longintrepr.h: No such file or directory
        181 |   #include "longintrepr.h"
            |            ^~~~~~~~~~~~~~~
      compilation terminated.
      error: Command '['gcc', '-fPIC', '-I/tmp/webatlas-install-{random}/venv/include', '-c', 'vibora/parsers/parser.c', \
'-o', 'build/p.o']' returned non-zero exit status 1.
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for vibora
Failed to build vibora
error: failed-wheel-build-for-install

× Failed to build installable wheels for some pyproject.toml based projects
╰─> vibora
"""


SETUP_PY_FAILS = """\
Processing ./badbuild-1.0.tar.gz
  Installing build dependencies: started
  Installing build dependencies: finished with status 'done'
  Getting requirements to build wheel: started
  Getting requirements to build wheel: finished with status 'error'
  error: subprocess-exited-with-error

  × Getting requirements to build wheel did not run successfully.
  │ exit code: 1
  ╰─> [21 lines of output]
      Traceback (most recent call last):
        File "/tmp/pip-build-env-4p2ehaz3/overlay/lib/python3.11/site-packages/setuptools/build_meta.py", line 317, in run_setup
          exec(code, locals())  # noqa: S102 # exec is intentional here
          ^^^^^^^^^^^^^^^^^^^^
        File "<string>", line 2, in <module>
      ModuleNotFoundError: No module named 'distutils.msvccompiler'
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
ERROR: Failed to build 'badbuild' when getting requirements to build wheel
"""

DEPENDENCY_BUILD_FAILS = """\
Processing ./needsbadc-1.0-py3-none-any.whl
Processing ./badc-1.0.tar.gz (from needsbadc==1.0)
  Installing build dependencies: started
  Installing build dependencies: finished with status 'done'
Building wheels for collected packages: badc
  Building wheel for badc (pyproject.toml): started
  Building wheel for badc (pyproject.toml): finished with status 'error'
  error: subprocess-exited-with-error

  × Building wheel for badc (pyproject.toml) did not run successfully.
  │ exit code: 1
  ╰─> [10 lines of output]
      building 'badc._speed' extension
      src/speed.c:2:10: fatal error: longintrepr.h: No such file or directory
      compilation terminated.
      error: command '/usr/bin/gcc' failed with exit code 1
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for badc
Failed to build badc
"""

DEPENDENCY_MISSING = """\
Processing ./needsdep-1.0-py3-none-any.whl
ERROR: Could not find a version that satisfies the requirement missingdep>=2 (from needsdep) (from versions: none)
ERROR: No matching distribution found for missingdep>=2 (from needsdep)
"""

BUILT_FINE_THEN_MISSING = """\
Collecting sdistonly==1.0
  Downloading sdistonly-1.0.tar.gz (3 kB)
Building wheels for collected packages: sdistonly
  Building wheel for sdistonly (pyproject.toml): started
  Building wheel for sdistonly (pyproject.toml): finished with status 'done'
ERROR: Could not find a version that satisfies the requirement gone>=1 (from sdistonly) (from versions: none)
ERROR: No matching distribution found for gone>=1 (from sdistonly)
"""

DEPENDENCY_CONFLICT = """\
Processing ./conflictx-1.0-py3-none-any.whl
Processing ./oldpin-1.0-py3-none-any.whl (from conflictx==1.0)
ERROR: Cannot install conflictx and conflictx==1.0 because these package versions have conflicting dependencies.

The conflict is caused by:
    conflictx 1.0 depends on goodpkg==1.0
    oldpin 1.0 depends on goodpkg<1.0

To fix this you could try to:
1. loosen the range of package versions you've specified
2. remove package versions to allow pip to attempt to solve the dependency conflict

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts
"""

IMPORT_TRACEBACK = """\
Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/tmp/webatlas-install-k2j3x9/venv/lib/python3.11/site-packages/japronto/__init__.py", line 1, in <module>
    from .app import Application
  File "/tmp/webatlas-install-k2j3x9/venv/lib/python3.11/site-packages/japronto/app/__init__.py", line 7, in <module>
    import uvloop
ModuleNotFoundError: No module named 'uvloop'
"""

NO_NETWORK = """\
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by \
'NewConnectionError('<HTTPSConnection object at 0x7f>: Failed to establish a new connection')': /simple/vibora/
ERROR: Could not find a version that satisfies the requirement vibora==0.0.6 (from versions: none)
ERROR: No matching distribution found for vibora==0.0.6
"""

CLASSIFIED = {
    "needs a newer Python": (DJANGO_NEEDS_NEWER_PYTHON, "django", "6.1.3", "no installable distribution for this Python"),
    "no wheel for this Python": (JAPRONTO_NO_WHEEL_FOR_THIS_PYTHON, "japronto", "0.1.2", "no installable distribution for this Python"),
    "local wheel needs a newer Python": (LOCAL_WHEEL_NEEDS_NEWER_PYTHON, "futurepkg", "1.0", "no installable distribution for this Python"),
    "C extension": (c_build_failure("a1b2c3"), "vibora", "0.0.6", "build of the C extension fails"),
    "setup.py fails": (SETUP_PY_FAILS, "badbuild", "1.0", "build from source fails"),
    "dependency's build fails": (DEPENDENCY_BUILD_FAILS, "needsbadc", "1.0", "dependency cannot be installed"),
    "dependency missing": (DEPENDENCY_MISSING, "needsdep", "1.0", "dependency cannot be installed"),
    "built fine, dependency missing": (BUILT_FINE_THEN_MISSING, "sdistonly", "1.0", "dependency cannot be installed"),
    "dependency conflict": (DEPENDENCY_CONFLICT, "conflictx", "1.0", "dependency cannot be installed"),
}


@pytest.mark.parametrize("case", CLASSIFIED, ids=list(CLASSIFIED))
def test_install_failures_are_classified(case: str) -> None:
    output, package, version, kind = CLASSIFIED[case]
    failure = classify(output, step="install", package=package, version=version)
    assert failure.kind == kind
    lines = failure.excerpt.splitlines()
    assert 1 <= len(lines) <= 6
    assert len(failure.excerpt) <= 500
    assert "\x1b" not in failure.excerpt
    assert "/tmp" not in failure.excerpt
    assert "WARNING" not in failure.excerpt


def test_excerpts_keep_the_telling_lines() -> None:
    django = classify(DJANGO_NEEDS_NEWER_PYTHON, step="install", package="django", version="6.1.3").excerpt
    assert "… 6.1.3 Requires-Python >=3.12" in django
    assert "6.1.2 Requires-Python" not in django
    assert "(from versions: 1.1.3, 1.1.4, …, 5.2.18, 5.2.19)" in django
    assert "yanked" not in django

    vibora = classify(c_build_failure("a1b2c3"), step="install", package="vibora", version="0.0.6").excerpt
    assert vibora.splitlines() == [
        "Building wheel for vibora (pyproject.toml) did not run successfully.",
        "vibora/parsers/parser.c:181:12: fatal error: longintrepr.h: No such file or directory",
        "error: command 'gcc …' returned non-zero exit status 1.",
    ]

    setup_py = classify(SETUP_PY_FAILS, step="install", package="badbuild", version="1.0").excerpt
    assert "ModuleNotFoundError: No module named 'distutils.msvccompiler'" in setup_py

    conflict = classify(DEPENDENCY_CONFLICT, step="install", package="conflictx", version="1.0").excerpt
    assert "oldpin 1.0 depends on goodpkg<1.0" in conflict


def test_excerpts_do_not_change_with_temporary_folders() -> None:
    first = classify(c_build_failure("a1b2c3"), step="install", package="vibora", version="0.0.6")
    second = classify(c_build_failure("zz9y8x7w"), step="install", package="vibora", version="0.0.6")
    assert first == second


def test_import_failures_keep_the_end_of_the_traceback() -> None:
    failure = classify(IMPORT_TRACEBACK, step="import", package="japronto", version="0.1.2")
    assert failure.kind == "import fails"
    assert failure.excerpt.splitlines() == [
        'File "japronto/app/__init__.py", line 7, in <module>',
        "import uvloop",
        "ModuleNotFoundError: No module named 'uvloop'",
    ]


def test_network_trouble_is_no_fact_about_the_package() -> None:
    with pytest.raises(InstallCheckError, match="outside the package"):
        classify(NO_NETWORK, step="install", package="vibora", version="0.0.6")


def test_unrecognised_output_is_not_guessed() -> None:
    with pytest.raises(InstallCheckError, match="cannot tell why"):
        classify("Segmentation fault\n", step="install", package="vibora", version="0.0.6")


# --- Models -------------------------------------------------------------------------------------------------------

WORKS = {"version": "1.0", "installs": True, "imports": True, "failure": None}
NO_WHEEL = {
    "version": "2.0",
    "installs": False,
    "imports": False,
    "failure": {"kind": "no installable distribution for this Python", "excerpt": "x"},
}

BAD_ATTEMPTS = {
    "imports without installing": ({**WORKS, "installs": False}, "imports is true but installs is false"),
    "failing without a failure": ({**NO_WHEEL, "failure": None}, "failure is given exactly when"),
    "working with a failure": ({**WORKS, "failure": {"kind": "import fails", "excerpt": "x"}}, "failure is given exactly when"),
    "import failure that did not install": (
        {**NO_WHEEL, "failure": {"kind": "import fails", "excerpt": "x"}},
        "does not fit installs=False",
    ),
    "install failure that installed": ({**NO_WHEEL, "installs": True, "failure": NO_WHEEL["failure"]}, "does not fit installs=True"),
    "unknown kind": ({**NO_WHEEL, "failure": {"kind": "cosmic rays", "excerpt": "x"}}, "kind"),
    "empty excerpt": ({**NO_WHEEL, "failure": {"kind": "import fails", "excerpt": ""}}, "excerpt"),
}


@pytest.mark.parametrize("case", BAD_ATTEMPTS, ids=list(BAD_ATTEMPTS))
def test_inconsistent_attempts_are_refused(case: str) -> None:
    data, problem = BAD_ATTEMPTS[case]
    with pytest.raises(ValueError, match=problem):
        Attempt.model_validate(data)


def test_a_fallback_is_only_recorded_when_the_latest_fails() -> None:
    with pytest.raises(ValueError, match="latest release works"):
        PythonResult(latest=Attempt(**WORKS), tested=Attempt(**WORKS))
    with pytest.raises(ValueError, match="another release"):
        PythonResult(latest=Attempt.model_validate(NO_WHEEL), tested=Attempt.model_validate(NO_WHEEL))
    result = PythonResult(latest=Attempt.model_validate(NO_WHEEL), tested=Attempt(**WORKS))
    assert result.pinned == "1.0"


def test_every_python_is_checked_against_the_same_latest_release() -> None:
    with pytest.raises(ValueError, match="same latest release"):
        PackageResult.model_validate(
            {"package": "demo", "module": "demo", "pythons": {"3.11.7": python_result(), "3.12.1": python_result(NO_WHEEL, WORKS)}}
        )


def test_a_result_must_cover_every_python_of_the_check() -> None:
    with pytest.raises(ValueError, match="covers Pythons"):
        InstallCheck.model_validate({**check_file({"demo": demo_result()}), "pythons": ["3.11.7", "3.13.0"]})


def snapshot(releases: list[tuple[str, str | None]], latest: str) -> PackageSnapshot:
    return PackageSnapshot(
        name="demo",
        latest_version=latest,
        licence={"expression": "MIT", "text": None, "classifiers": []},
        releases=[{"version": version, "date": "2024-01-01", "requires_python": spec} for version, spec in releases],
    )


def test_the_fallback_is_the_newest_final_release_this_python_admits() -> None:
    releases = [("1.0", None), ("1.1", ">=3.8"), ("1.2", ">=3.12"), ("1.3b1", None), ("1.3", ">=3.12"), ("0.9.*", "junk")]
    assert fallback_version(snapshot(releases, "1.3"), "3.11.7") == "1.1"
    assert fallback_version(snapshot(releases, "1.3"), "3.12.1") == "1.2"
    assert fallback_version(snapshot([("1.0", ">=3.6.*"), ("2.0", None)], "2.0"), "3.11.7") is None
    assert fallback_version(snapshot([("0.0.6", None)], "0.0.6"), "3.11.7") is None


# --- The file -----------------------------------------------------------------------------------------------------


def check_file(results: dict[str, Any]) -> dict[str, Any]:
    return {"pythons": ["3.11.7"], "platform": "linux-x86_64", "checked_on": "2026-01-15", "results": results}


def python_result(latest: dict[str, Any] = WORKS, tested: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"latest": latest, "tested": tested}


def demo_result(latest: dict[str, Any] = WORKS, tested: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"package": "demo", "module": "demo", "pythons": {"3.11.7": python_result(latest, tested)}}


def test_the_file_round_trips(tmp_path: Path) -> None:
    check = InstallCheck.model_validate(check_file({"zeta": demo_result(), "alpha": demo_result(NO_WHEEL, WORKS)}))
    path = tmp_path / "install_check.json"
    path.write_text(to_json(check), encoding="utf-8")
    assert load_install_check(path) == check
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and list(json.loads(text)["results"]) == ["alpha", "zeta"]
    assert text == to_json(load_install_check(path))


BAD_FILES: dict[str, tuple[str, str, str, str]] = {
    "not JSON": ("{", "(file)", "(syntax)", "not JSON"),
    "no results": (json.dumps({"pythons": ["3.11.7"]}), "(file)", "results", "expected an object of results"),
    "bad attempt": (
        json.dumps(check_file({"demo": demo_result({**WORKS, "installs": False})})),
        "demo",
        "pythons.3.11.7.latest",
        "installs is false",
    ),
    "unknown key": (json.dumps(check_file({"demo": {**demo_result(), "pinned": "1.0"}})), "demo", "pinned", "unknown key 'pinned'"),
    "bad slug": (json.dumps(check_file({"Not A Slug": demo_result()})), "(file)", "results.Not A Slug", "pattern"),
    "future date": (json.dumps({**check_file({}), "checked_on": "2999-01-01"}), "(file)", "checked_on", "in the future"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_files_name_entry_and_field(tmp_path: Path, case: str) -> None:
    text, entry, field, problem = BAD_FILES[case]
    path = tmp_path / "install_check.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        load_install_check(path)
    assert (raised.value.entry, raised.value.field) == (entry, field)
    assert problem in raised.value.problem
    assert "\n" not in str(raised.value)


def test_a_missing_file_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"missing: run `make check-installs`"):
        load_install_check(tmp_path / "install_check.json")


# --- The runner, for real and offline ------------------------------------------------------------------------------


def write_wheel(folder: Path, name: str, version: str, code: str, requires_python: str | None = None) -> None:
    """A minimal pure-Python wheel, written by hand: one module, METADATA, WHEEL and RECORD."""
    info = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    if requires_python:
        metadata += f"Requires-Python: {requires_python}\n"
    files = {
        f"{name}/__init__.py": code,
        f"{info}/METADATA": metadata,
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}\n")
    files[f"{info}/RECORD"] = "".join(record) + f"{info}/RECORD,,\n"
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)


RUNNING = platform.python_version()


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, PythonResult], list[str]]:
    """Four packages checked the way the real command checks them, from a folder of wheels, with no index."""
    wheels = tmp_path_factory.mktemp("wheels")
    write_wheel(wheels, "atlas_good", "1.0", "VALUE = 1\n")
    write_wheel(wheels, "atlas_future", "1.0", "")
    write_wheel(wheels, "atlas_future", "2.0", "", requires_python=">=3.99")
    write_wheel(wheels, "atlas_undeclared", "1.0", "", requires_python=">=3.99")
    write_wheel(wheels, "atlas_broken", "1.0", "raise RuntimeError('this module refuses to load')\n")
    packages = {
        "good": (Package(pypi="atlas_good", module="atlas_good"), snapshot([("1.0", None)], "1.0")),
        # The snapshot knows that 2.0 needs a newer Python, so pip is not even asked.
        "future": (Package(pypi="atlas_future", module="atlas_future"), snapshot([("1.0", None), ("2.0", ">=3.99")], "2.0")),
        # Only the wheel knows, so pip refuses it.
        "undeclared": (Package(pypi="atlas_undeclared", module="atlas_undeclared"), snapshot([("1.0", None)], "1.0")),
        "broken": (Package(pypi="atlas_broken", module="atlas_broken"), snapshot([("1.0", None)], "1.0")),
    }
    progress: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PIP_CONFIG_FILE", os.devnull)  # no index or links from the machine's pip configuration
        patch.delenv("PIP_FIND_LINKS", raising=False)
        interpreters = {RUNNING: Path(sys.executable)}
        results = check_all(packages, interpreters, progress.append, ["--no-index", "--find-links", str(wheels)], upgrade_pip=False)
    for result in results.values():
        assert list(result.pythons) == [RUNNING]
    return {slug: result.pythons[RUNNING] for slug, result in results.items()}, progress


@pytest.mark.timeout(120)
def test_a_working_package_installs_and_imports(checked: tuple[dict[str, PythonResult], list[str]]) -> None:
    result = checked[0]["good"]
    assert result.latest == Attempt(version="1.0", installs=True, imports=True, failure=None)
    assert result.tested is None and result.pinned == "1.0"


@pytest.mark.timeout(120)
def test_a_release_that_rules_out_this_python_is_not_supported_here(checked: tuple[dict[str, PythonResult], list[str]]) -> None:
    result = checked[0]["future"]
    assert result.latest.failure == Failure(kind="the release does not support this Python", excerpt="Requires-Python >=3.99")
    assert result.tested == Attempt(version="1.0", installs=True, imports=True, failure=None)
    assert result.pinned == "1.0"


@pytest.mark.timeout(120)
def test_a_wheel_pip_refuses_for_this_python_is_classified(checked: tuple[dict[str, PythonResult], list[str]]) -> None:
    result = checked[0]["undeclared"]
    assert result.latest.failure is not None
    assert result.latest.failure.kind == "no installable distribution for this Python"
    assert ">=3.99" in result.latest.failure.excerpt
    assert result.tested is None and result.pinned is None


@pytest.mark.timeout(120)
def test_an_import_error_is_recorded(checked: tuple[dict[str, PythonResult], list[str]]) -> None:
    result = checked[0]["broken"]
    assert (result.latest.installs, result.latest.imports) == (True, False)
    assert result.latest.failure == Failure(
        kind="import fails",
        excerpt='File "atlas_broken/__init__.py", line 1, in <module>\n'
        "raise RuntimeError('this module refuses to load')\n"
        "RuntimeError: this module refuses to load",
    )
    assert result.tested is None and result.pinned is None


@pytest.mark.timeout(120)
def test_progress_shows_each_start_and_outcome(checked: tuple[dict[str, PythonResult], list[str]]) -> None:
    progress = checked[1]
    minor = RUNNING.rsplit(".", 1)[0]
    assert len(progress) == 8
    assert f"good: checking atlas_good 1.0 on Python {minor}" in progress
    assert f"good: Python {minor}: 1.0 installs and imports" in progress
    assert f"future: Python {minor}: 2.0 the release does not support this Python; 1.0 installs and imports" in progress
    assert f"broken: Python {minor}: 1.0 import fails; no older release to try" in progress


def test_a_missing_interpreter_is_reported_in_one_line_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    only_the_running_python(tmp_path, monkeypatch)
    progress: list[str] = []
    running = RUNNING.rsplit(".", 1)[0]
    found = find_interpreters([running, "3.99"], progress.append)
    assert found == {RUNNING: Path(sys.executable)}
    assert progress == ["Python 3.99: not found (neither the running Python nor pyenv has it); nothing is recorded for it"]
