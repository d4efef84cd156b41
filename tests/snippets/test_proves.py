"""A recipe says in its catalogue file (`snippets.proves`) that it proves a feature beyond its task's exactly when its
code uses that feature, so a cell backed by a recipe is backed by code that does the thing."""

import pytest

from tests.snippets.cases import CATALOGUE
from webatlas.catalogue.snippets import Snippet

USES = {
    # What each framework's own dependency injection looks like in a recipe: the handler declares what it needs and the
    # framework resolves it, from a dependency, a directive, a registered service or a request component.
    "dependency_injection": {
        "blacksheep": ("(user: Identity)", "services.register(", "use_sqlalchemy("),
        "fastapi": ("Depends(",),
        "hug": ("hug.directive",),
        "klein": ("RequestComponent(",),
        "litestar": ("Provide(", "NamedDependency["),
        "responder": ("@api.dependency(",),
        "robyn": (".inject(",),
        "sanic": ("add_dependency(",),
    },
}


@pytest.mark.parametrize("feature", USES)
@pytest.mark.parametrize("snippet", CATALOGUE.snippets, ids=lambda snippet: f"{snippet.entry.slug}-{snippet.task.slug}")
def test_a_recipe_says_it_proves_a_feature_exactly_when_it_uses_it(snippet: Snippet, feature: str) -> None:
    markers = USES[feature].get(snippet.entry.slug, ())
    source = snippet.path.read_text(encoding="utf-8")
    used = [marker for marker in markers if marker in source]
    claimed = feature in snippet.features
    claim = "claims" if claimed else "does not claim"
    assert bool(used) == claimed, f"{snippet.path.name} uses {used or 'none'} of {markers} and {claim} {feature}"
