"""The integration check: does each registry package install beside each framework's pinned release, import its
integration module there and, where a probe app exists, answer a request through it?

Each pair is tried in a scratch copy of the framework's own environment (`.venvs/<slug>`, made by `make setup`), with
the framework's pins as constraints, so the package meets exactly the release the cookbook is tested with. The command
writes the outcome to `data/integration_check.json`; nobody types it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sysconfig
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from webatlas.catalogue.integration_results import (
    INTEGRATION_CHECK_FILE,
    PROBES_DIR,
    FailureKind,
    IntegrationCheck,
    IntegrationFailure,
    IntegrationResult,
    PackageIntegrations,
    to_json,
)
from webatlas.catalogue.integrations import INTEGRATIONS_FILE, Integration, IntegrationPackage, load_integrations
from webatlas.catalogue.loading import ENTRIES_DIR, FEATURES_FILE, SNAPSHOT_FILE, SNIPPETS_DIR, load_entries, load_features
from webatlas.catalogue.reading import validate
from webatlas.catalogue.snapshot import load_snapshot
from webatlas.catalogue.snippets import REQUIREMENTS, pinned_version
from webatlas.maintenance.install_check import INSTALL_TIMEOUT, STEP_TIMEOUT, run_captured
from webatlas.processes import MissingEnvironment, environment_bin
from webatlas.writing import write_atomically

EXCERPT_LINES = 4
"""pip and Python end with the lines that say what went wrong."""


def _failure(kind: FailureKind, output: str, scratch: Path | None = None) -> IntegrationFailure:
    """The last lines of `output`, with the scratch folder's changing name taken out so that reruns write the same file."""
    if scratch is not None:
        output = output.replace(str(scratch), "<scratch>")
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    return IntegrationFailure(kind=kind, excerpt=" | ".join(lines[-EXCERPT_LINES:]) or "no output")


def check_one(
    root: Path, package: IntegrationPackage, version: str, integration: Integration, framework: str | None, pip_args: Sequence[str] = ()
) -> IntegrationResult:
    """Install `package==version` into a scratch copy of the environment of the framework, whose PyPI name is `framework`,
    import the integration module there and run the probe app when there is one."""
    requirements = root / SNIPPETS_DIR / integration.entry / REQUIREMENTS
    try:
        environment = environment_bin(root, integration.entry).parent
    except MissingEnvironment as error:
        missing = _failure("no pinned environment of the framework", str(error))
        return IntegrationResult(framework_version=None, python=None, module=integration.module, probed=False, failure=missing)
    if framework is None or not requirements.is_file():
        raise ValueError(f"{integration.entry} has an environment but no pinned snippets/{integration.entry}/{REQUIREMENTS}")
    probe = root / PROBES_DIR / package.package / f"{integration.entry}.py"
    with tempfile.TemporaryDirectory(prefix="webatlas-integration-") as name:
        scratch = Path(name)
        # symlinks=True keeps bin/python pointing at the base interpreter; pyvenv.cfg beside it makes the copy its own venv.
        shutil.copytree(environment, scratch / "venv", symlinks=True)
        python = scratch / "venv" / "bin" / "python"
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        env |= {"NO_COLOR": "1", "PIP_NO_INPUT": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        which: list[str | Path] = [python, "-c", "import platform; print(platform.python_version())"]
        status, output = run_captured(which, timeout=STEP_TIMEOUT, cwd=scratch, env=env)
        python_version = output.strip() if status == 0 else None
        steps: list[tuple[FailureKind, list[str | Path], float]] = [
            (
                "cannot be installed beside the framework's pins",
                [python, "-m", "pip", "install", "--progress-bar", "off", f"{package.package}=={version}", "-c", requirements, *pip_args],
                INSTALL_TIMEOUT,
            ),
            ("import fails", [python, "-I", "-c", f"import {integration.module}"], STEP_TIMEOUT),
        ]
        if probe.is_file():
            steps.append(("the probe app fails", [python, "-I", probe], STEP_TIMEOUT))
        failure: IntegrationFailure | None = None
        for kind, command, timeout in steps:
            status, output = run_captured(command, timeout=timeout, cwd=scratch, env=env)
            if status != 0:
                failure = _failure(kind, output or f"exit status {status}", scratch)
                break
    return IntegrationResult(
        framework_version=pinned_version(requirements, framework),
        python=python_version,
        module=integration.module,
        probed=probe.is_file() and failure is None,
        failure=failure,
    )


def describe(package: str, entry: str, result: IntegrationResult) -> str:
    if result.failure is None:
        return f"{package} with {entry} {result.framework_version}: {'answers through its probe' if result.probed else 'imports'}"
    return f"{package} with {entry}: {result.failure.kind}: {result.failure.excerpt}"


def run(root: Path, progress: Callable[[str], None], pip_args: Sequence[str] = ()) -> bool:
    """Check every registry package with every framework it names, and write the results; return whether they changed."""
    features = load_features(root / FEATURES_FILE)
    entries = load_entries(root / ENTRIES_DIR, features)
    registry = load_integrations(root / INTEGRATIONS_FILE, entries, features)
    snapshot = load_snapshot(root / SNAPSHOT_FILE)
    results: dict[str, PackageIntegrations] = {}
    for name, package in sorted(registry.items()):
        found = snapshot.packages.get(name)
        if found is None:
            raise ValueError(f"{SNAPSHOT_FILE} has no {name}: run `make refresh` first")
        checked = {}
        for integration in package.integrations:
            progress(f"{name} {found.latest_version} with {integration.entry}: checking")
            framework = entries[integration.entry].package
            checked[integration.entry] = check_one(
                root, package, found.latest_version, integration, framework.pypi if framework else None, pip_args
            )
            progress(describe(name, integration.entry, checked[integration.entry]))
        results[name] = PackageIntegrations(version=found.latest_version, entries=checked)
    check = IntegrationCheck(checked_on=dt.date.today(), platform=sysconfig.get_platform(), results=results)
    text = to_json(check)
    path = root / INTEGRATION_CHECK_FILE
    validate(IntegrationCheck, json.loads(text), file=path, entry="(integration check)")
    return write_atomically(path, text)
