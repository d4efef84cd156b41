"""Each performance claim of the seed articles set against the newest benchmark set, in words, with the figures behind
the verdict. Absolute figures from other hardware cannot be compared, so ratios are compared where a claim is relative."""

from __future__ import annotations

from dataclasses import dataclass

from webatlas.catalogue.benchmarks.figures import figures_of
from webatlas.catalogue.benchmarks.results import BenchmarkSet, Measurement
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.claims import Claim
from webatlas.site.benchmarks import rows


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    measured: str
    """What we measured that bears on the claim."""
    judgement: str
    """Whether the measurement supports it, contradicts it, or cannot say."""


def _timed(result: BenchmarkSet, slug: str, task: str) -> list[Measurement]:
    """The entry's timed measurements of `task` at the headline concurrency, its own server last."""
    return sorted(result.headline_of(slug, task), key=lambda item: item.server == "own")


def _why_untimed(catalogue: Catalogue, slug: str) -> str:
    entry = catalogue.entries[slug]
    if entry.snippets is None:
        installable = catalogue.installability_of(entry)
        if installable is not None and not installable.works_on:
            checked = ", ".join(installable.checked_on)
            return f"{entry.name}'s latest release installs on none of Python {checked} (the install check), so nothing here can run it"
        return f"{entry.name} has no cookbook snippets to time"
    return f"{entry.name}'s snippet was not timed in this set"


def _throughput(catalogue: Catalogue, result: BenchmarkSet, claim: Claim) -> Verdict:
    timed = _timed(result, claim.subject, claim.task)
    name = catalogue.entries[claim.subject].name
    if not timed:
        return Verdict(claim, _why_untimed(catalogue, claim.subject) + ".", "Cannot be checked here.")
    parts = [
        f"{figures_of(item).throughput.median:,.0f} requests a second on {'its own server' if item.server == 'own' else item.server}"
        for item in timed
    ]
    measured = f"{name}'s {claim.task} snippet, one process on one core: {' and '.join(parts)}."
    judgement = (
        "Absolute figures from other hardware cannot be compared with ours, and the several-process figure is outside "
        "this benchmark, which runs one process per configuration on a 2-core machine: the claim can be neither confirmed "
        "nor refuted here, only set beside these figures."
    )
    return Verdict(claim, measured, judgement)


def _rank(catalogue: Catalogue, result: BenchmarkSet, claim: Claim) -> Verdict:
    name = catalogue.entries[claim.subject].name
    ranked = [
        row
        for row in rows(result)
        if not row.raw and row.measurement.task == claim.task and row.measurement.concurrency == result.method.headline_concurrency
    ]
    places = [index + 1 for index, row in enumerate(ranked) if row.measurement.subject == claim.subject]
    if not places:
        return Verdict(claim, _why_untimed(catalogue, claim.subject) + ".", "Cannot be checked here.")
    setups = ", ".join(
        f"{index + 1} ({row.measurement.server})" for index, row in enumerate(ranked) if row.measurement.subject == claim.subject
    )
    first = ranked[0].measurement
    measured = (
        f"By server CPU time per request on {claim.task}, {name}'s setups rank {setups} of {len(ranked)} framework setups; "
        f"first is {catalogue.entries[first.subject].name} on {first.server}."
    )
    best = min(places)
    if best == 1:
        judgement = "Supported for this scenario: it comes first."
    elif best <= max(3, len(ranked) // 4):
        judgement = f"Partly supported: among the fastest (best place {best}), but not first."
    else:
        judgement = f"Not supported in this run: its best place is {best} of {len(ranked)}."
    return Verdict(claim, measured, judgement)


def _latency(catalogue: Catalogue, result: BenchmarkSet, claim: Claim) -> Verdict:
    assert claim.versus is not None and claim.limit_ms is not None  # load_claims requires both for latency claims
    ours, theirs = _timed(result, claim.subject, claim.task), _timed(result, claim.versus, claim.task)
    if not ours or not theirs:
        missing = claim.subject if not ours else claim.versus
        return Verdict(claim, _why_untimed(catalogue, missing) + ".", "Cannot be checked here.")
    mine, other = figures_of(ours[0]), figures_of(theirs[0])
    names = catalogue.entries[claim.subject].name, catalogue.entries[claim.versus].name
    concurrency = result.method.headline_concurrency
    measured = (
        f"At {concurrency} connections on {claim.task}: {names[0]} on {ours[0].server} p50 {mine.p50_ms:.1f} ms, p99 "
        f"{mine.p99_ms:.1f} ms; {names[1]} on {theirs[0].server} p50 {other.p50_ms:.1f} ms, p99 {other.p99_ms:.1f} ms."
    )
    under = mine.p99_ms < claim.limit_ms
    faster = mine.p99_ms < other.p99_ms
    judgement = (
        f"{'Supported' if under and faster else 'Partly supported' if under or faster else 'Not supported'} for this "
        f"scenario: {names[0]}'s 99th percentile is {'under' if under else 'over'} {claim.limit_ms:.0f} ms and "
        f"{'below' if faster else 'above'} {names[1]}'s. The article speaks of endpoints that query a database, which "
        "this benchmark does not time yet."
    )
    return Verdict(claim, measured, judgement)


def _relative(catalogue: Catalogue, result: BenchmarkSet, claim: Claim) -> Verdict:
    assert claim.versus is not None  # load_claims requires it for relative claims
    ours, theirs = _timed(result, claim.subject, claim.task), _timed(result, claim.versus, claim.task)
    if not ours or not theirs:
        missing = claim.subject if not ours else claim.versus
        return Verdict(claim, _why_untimed(catalogue, missing) + ".", "Cannot be checked here.")
    ratio = figures_of(ours[-1]).throughput.median / figures_of(theirs[-1]).throughput.median
    names = catalogue.entries[claim.subject].name, catalogue.entries[claim.versus].name
    return Verdict(claim, f"{names[0]} answered {ratio:.1f} times as many requests a second as {names[1]}.", "Compare the ratios.")


CHECKS = {"throughput": _throughput, "rank": _rank, "latency": _latency, "relative": _relative}


def verdicts(catalogue: Catalogue) -> list[Verdict]:
    result = catalogue.benchmarks
    if result is None:
        return []
    return [CHECKS[claim.check](catalogue, result, claim) for claim in catalogue.claims]

