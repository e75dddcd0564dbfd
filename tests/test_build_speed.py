"""hooks/build_speed.py: the same search entries and templates, for less work."""

from __future__ import annotations

import importlib.util
import random
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from conftest import ROOT
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

spec = importlib.util.spec_from_file_location("build_speed", ROOT / "hooks" / "build_speed.py")
assert spec is not None and spec.loader is not None
build_speed = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_speed)


def entries(seed: int) -> list[dict[str, Any]]:
    """Japanese entries, then English ones: some repeat a Japanese entry, none follows another repeat."""
    rng = random.Random(seed)
    japanese = [{"location": f"clauses/p{i}/#s{i % 3}", "title": f"t{i % 7}", "text": f"x{i % 5}"} for i in range(60)]
    english = []
    for i, entry in enumerate(japanese):
        if rng.random() < 0.4:
            english.append({**entry, "location": f"en/{entry['location']}"})
        english.append({"location": f"en/clauses/p{i}/#e", "title": f"English {i}", "text": entry["text"]})
    return japanese + english


def test_same_entries_as_the_plugin_itself() -> None:
    plugin = SimpleNamespace(build_languages=["en"])
    for seed in range(5):
        theirs, ours = entries(seed), entries(seed)
        ExtendedPlugin.reconfigure_search_duplicates(plugin, theirs)  # type: ignore[arg-type]
        build_speed.deduplicate(plugin, ours)
        assert ours == theirs
        assert len(ours) < len(entries(seed))


def test_installed_on_the_plugin() -> None:
    plugin = SimpleNamespace(reconfigure_search_duplicates=None, build_languages=["en"])
    build_speed.on_config(SimpleNamespace(plugins={"i18n": plugin}))
    found, expected = entries(1), entries(1)
    plugin.reconfigure_search_duplicates(found)
    ExtendedPlugin.reconfigure_search_duplicates(plugin, expected)  # type: ignore[arg-type]
    assert found == expected and len(found) < len(entries(1))


def test_templates_compiled_once(tmp_path: Path) -> None:
    token = uuid.uuid4().hex  # a template no earlier run has cached
    (tmp_path / "page.html").write_text(f"{token}{{% for i in range(3) %}}{{{{ i }}}}{{% endfor %}}", encoding="utf-8")
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str) -> Any:
            compiled.append(filename)
            return super()._compile(source, filename)

    for _ in range(2):  # two languages, or two builds under `mkdocs serve`: a new environment each time
        env = build_speed.on_env(
            Counting(loader=jinja2.FileSystemLoader(tmp_path)), SimpleNamespace(), SimpleNamespace()
        )
        assert env.get_template("page.html").render() == f"{token}012"
    assert len(compiled) == 1


def test_real_config_lists_the_hook() -> None:
    assert "hooks/build_speed.py" in Path(ROOT / "mkdocs.yml").read_text(encoding="utf-8")
