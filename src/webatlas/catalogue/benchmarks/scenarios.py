"""What is timed: the cookbook tasks whose snippets the benchmark runs, each with the path it requests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    task: str
    """The cookbook task, whose snippet in each framework is the code timed."""
    path: str


SCENARIOS = (Scenario("hello_text", "/"), Scenario("json_response", "/"), Scenario("path_parameter", "/items/42"))
HEADLINE = SCENARIOS[0]
"""The scenario the raw servers answer too, against which framework cost is measured."""
