"""Every task has a contract test module, so no published snippet goes untested."""

from tests.helpers import ROOT
from tests.snippets.cases import CATALOGUE


def test_every_task_has_a_contract_test() -> None:
    for task in CATALOGUE.tasks:
        assert (ROOT / "tests" / "snippets" / f"test_{task}.py").is_file(), f"task {task} has no tests/snippets/test_{task}.py"
