"""axe-core (npm) for the browser tests: installed into var/npm by `make test` and .ci/run
(``npm install --prefix var/npm axe-core@<AXE_VERSION>``). Missing under CI=1 is a failure."""

import os
from pathlib import Path

import pytest

AXE_VERSION = "4.14.1"
AXE = (
    Path(__file__).resolve().parents[2] / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
)


def axe_path() -> Path:
    if not AXE.is_file():
        message = f"{AXE} is missing: npm install --prefix var/npm axe-core@{AXE_VERSION}"
        if os.environ.get("CI"):
            pytest.fail(message)  # .ci/run installs it: missing there is a defect
        pytest.skip(message)
    return AXE


def violations(page) -> list[dict]:
    """axe's violations on the page as ``{id, impact, nodes: [selectors]}``."""
    page.add_script_tag(path=str(axe_path()))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")),
            }));
        }"""
    )
