"""What is timed: the cookbook tasks whose snippets the benchmark runs, each with the request it sends and the answer it
verifies first, the same contracts the snippet tests check."""

from __future__ import annotations

from dataclasses import dataclass

from webatlas.bench.load.verify import Expected

GREETING = "Hello, world!"


@dataclass(frozen=True)
class Scenario:
    task: str
    """The cookbook task, whose snippet in each framework is the code timed."""
    path: str

    def expected(self, subject: str) -> Expected:
        """The answer a correct app gives; `subject` is the entry slug the JSON task names."""
        if self.task == "json_response":
            return Expected(200, "application/json", json={"message": GREETING, "framework": subject})
        if self.task == "path_parameter":
            return Expected(200, "application/json", json={"item_id": 42})
        return Expected(200, "text/plain", body=GREETING.encode())


SCENARIOS = (Scenario("hello_text", "/"), Scenario("json_response", "/"), Scenario("path_parameter", "/items/42"))
HEADLINE = SCENARIOS[0]
"""The scenario the raw servers answer too, against which framework cost is measured."""
