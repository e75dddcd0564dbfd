"""hooks/build_speed.py: the same search entries and templates, for less work."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from conftest import BUILD_DATE, ROOT
from mkdocs.livereload import LiveReloadServer
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
    theme = SimpleNamespace(get_env=jinja2.Environment, custom_dir=None, dirs=[], static_templates=[])
    build_speed.on_config(SimpleNamespace(plugins={"i18n": plugin}, theme=theme))
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


# Builds the real site three times in one process, as `mkdocs serve` does on each save, and prints
# each build's search indexes; between the second and the third, a commentary page gets a sentence.
REBUILDS = textwrap.dedent(
    """
    import json, pathlib, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    page = pathlib.Path("docs/clauses/accuracy.md")
    out = []
    for save in range(3):
        if save == 2:
            page.write_text(page.read_text(encoding="utf-8").replace("## 趣旨\\n\\n", "## 趣旨\\n\\n再構築の目印です。\\n\\n", 1), encoding="utf-8")
        config = load_config("mkdocs.yml", site_dir=sys.argv[1])
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        folder = pathlib.Path(sys.argv[1], "search")
        built = {name: (folder / name).read_text(encoding="utf-8") for name in ("index.ja.json", "index.en.json")}
        # hooks/build_speed.py is among the project's hooks and did its work on this build's plugins.
        dedupe = getattr(config.plugins["i18n"].reconfigure_search_duplicates, "__func__", None)
        entries = vars(config.plugins["material/search"].search_index).get("add_entry_from_context")
        built["hooked"] = [getattr(dedupe, "__module__", None), getattr(entries, "__name__", None)]
        out.append(built)
    print(json.dumps(out, ensure_ascii=False))
    """
)


def test_rebuilds_index_as_a_fresh_build_does(tmp_path: Path) -> None:
    """Under `mkdocs serve`, a rebuild's search index is the fresh build's, and shows what was just saved."""
    project = tmp_path / "project"
    for folder in ("docs", "editions", "glossary", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDELINE_BUILD_DATE": BUILD_DATE}
    result = subprocess.run(
        [sys.executable, "-c", REBUILDS, str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fresh, rebuilt, saved = json.loads(result.stdout.splitlines()[-1])
    assert [index["hooked"] for index in (fresh, rebuilt, saved)] == [["hooks/build_speed.py", "<lambda>"]] * 3
    assert rebuilt == fresh
    assert "再構築の目印です。" not in fresh["index.ja.json"]
    assert "再構築の目印です。" in saved["index.ja.json"]
    for lang, page in (("ja", "clauses/accuracy/"), ("en", "en/clauses/accuracy/")):  # en: its translation is now stale
        before, after = (json.loads(index[f"index.{lang}.json"])["docs"] for index in (fresh, saved))
        others = [entry for entry in before if not entry["location"].startswith(page)]
        assert others and others == [entry for entry in after if not entry["location"].startswith(page)]


def test_theme_listed_once_until_the_project_theme_changes(tmp_path: Path) -> None:
    package, own = tmp_path / "package", tmp_path / "overrides"
    for folder, name in ((package, "assets/app.js"), (package, "base.html"), (own, "assets/extra.css")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    walked: list[str] = []

    class Counting(jinja2.FileSystemLoader):
        def list_templates(self) -> list[str]:
            walked.append("walk")
            return super().list_templates()

    theme = SimpleNamespace(custom_dir=str(own), dirs=[str(own), str(package)], static_templates=[])
    config = SimpleNamespace(theme=theme)

    def listing() -> list[str]:
        env = build_speed.listed_once(jinja2.Environment(loader=Counting(theme.dirs)), config)
        return env.list_templates(filter_func=lambda name: not name.endswith(".html"))

    assert listing() == listing() == ["assets/app.js", "assets/extra.css"]
    assert len(walked) == 1
    (own / "assets/new.css").write_text("x", encoding="utf-8")
    assert listing() == ["assets/app.js", "assets/extra.css", "assets/new.css"]
    assert len(walked) == 2


def test_serve_polls_often(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    build_speed.on_serve(server, SimpleNamespace(), lambda: None)
    server.watch(str(tmp_path / ".."))  # a folder watched after the hook, as `watch:` in mkdocs.yml is
    emitters = list(server.observer.emitters)
    assert len(emitters) == 2 and {emitter.timeout for emitter in emitters} == {build_speed.POLL_SECONDS}
    server.server_close()
