"""The GitHub Actions workflows: actionlint passes them (and would fail a broken one), and the publish
workflow keeps its safeguards: started by hand, on the intranet runner, behind the approved environment."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

ACTIONLINT = str(Path(sys.executable).parent / "actionlint")
WORKFLOWS = ROOT / ".github" / "workflows"


def actionlint(github: Path) -> subprocess.CompletedProcess[str]:
    """actionlint on the workflows in ``github`` (a .github folder), with its configuration."""
    files = sorted(str(path) for path in (github / "workflows").glob("*.yml"))
    command = [ACTIONLINT, "-no-color", "-config-file", str(github / "actionlint.yaml"), *files]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_actionlint_passes_the_workflows_and_fails_a_broken_one(tmp_path: Path) -> None:
    result = actionlint(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    publish = tmp_path / ".github" / "workflows" / "publish.yml"
    publish.write_text(
        publish.read_text(encoding="utf-8").replace("inputs.action ==", "input.action =="), encoding="utf-8"
    )
    result = actionlint(tmp_path / ".github")
    assert result.returncode == 1 and 'undefined variable "input"' in result.stdout, result.stdout + result.stderr


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def test_ci_runs_make_test_on_every_push() -> None:
    ci = load("ci.yml")
    assert "push" in ci["on"]
    assert any(step.get("run") == "make test" for job in ci["jobs"].values() for step in job["steps"])


@pytest.mark.parametrize("job", [load("publish.yml")["jobs"]["publish"]])
def test_publishing_is_manual_on_the_intranet_runner_and_approved(job: dict[str, Any]) -> None:
    assert "workflow_dispatch" in load("publish.yml")["on"]
    assert job["if"] == "github.event_name == 'workflow_dispatch'"  # the daily schedule never publishes new content
    assert job["runs-on"] == ["self-hosted", "intranet"]
    assert job["environment"]["name"] == "intranet"  # its required reviewers are the approval step
    runs = [step.get("run", "") for step in job["steps"]]
    publish = next(i for i, run in enumerate(runs) if run.startswith("make publish"))
    smoke = next(i for i, run in enumerate(runs) if run.startswith("make smoke"))
    assert publish < smoke
