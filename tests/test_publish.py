"""tools/publish.py: a release is built, checked, copied and switched in atomically; anything that fails
on the way (the build, a check, the copy) leaves the live site as it was. Real builds of the project."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PUBLISH_URL as SITE_URL
from conftest import ROOT, copying

from tools import publish, sitecheck

IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "build", "site", "tests", "bench", "*cache*", "*.egg-info"
)


def quiet(message: str) -> None:
    pass


def project_copy(target: Path) -> Path:
    """The project's sources (no tests, no virtualenv) in ``target``, to break them without touching the real ones."""
    shutil.copytree(ROOT, target, ignore=IGNORE)
    return target


def live_state(dest: publish.Dest) -> tuple[str | None, list[str], list[str]]:
    """What readers could see: the live release, the releases, and everything else in releases/."""
    return dest.current(), dest.releases(), sorted(p.name for p in dest.releases_dir.iterdir())


def fake_release(dest: publish.Dest, release: str, live: bool = True) -> None:
    """A release as an earlier publication left it, without spending a build on it."""
    folder = dest.releases_dir / release
    folder.mkdir(parents=True)
    for name in publish.REQUIRED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("<p>the live site</p>", encoding="utf-8")
    (folder / publish.RELEASE_FILE).write_text(json.dumps({"release": release, "site_url": SITE_URL}), encoding="utf-8")
    publish.write_manifest(folder, release, publish._files(folder))
    if live:
        publish.switch(dest, release)


@pytest.fixture
def dest(tmp_path: Path) -> publish.Dest:
    return publish.Dest(tmp_path / "dest")


@pytest.fixture
def live(dest: publish.Dest) -> publish.Dest:
    """DEST with one live release."""
    fake_release(dest, "20260101T000000Z")
    return dest


def test_publish_switches_over_and_rollback_returns(
    dest: publish.Dest, prebuilt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = publish.publish(ROOT, dest, SITE_URL, log=quiet)  # built, checked, copied and switched, for real
    # The second publication copies the same build: what is tested from here is the switch.
    monkeypatch.setattr(publish, "build", copying(prebuilt))
    second = publish.publish(ROOT, dest, SITE_URL, log=quiet)
    assert first < second and dest.releases() == [first, second]
    assert os.readlink(dest.current_link) == f"releases/{second}"  # relative: DEST can move as a whole
    served = dest.current_link / publish.RELEASE_FILE
    assert json.loads(served.read_text(encoding="utf-8"))["release"] == second
    assert json.loads(served.read_text(encoding="utf-8"))["site_url"] == SITE_URL
    assert (dest.current_link / "index.html").is_file() and (dest.current_link / "404.html").is_file()
    assert sitecheck.check(dest.current_link, SITE_URL).ok

    assert publish.rollback(dest, log=quiet) == first
    assert dest.current() == first
    with pytest.raises(publish.PublishError, match=f"no release before {first}"):
        publish.rollback(dest, log=quiet)
    assert dest.current() == first
    assert publish.rollback(dest, to=second, log=quiet) == second


def test_the_last_releases_are_kept_and_the_live_one_always(dest: publish.Dest) -> None:
    for day in range(1, 8):
        fake_release(dest, f"202601{day:02d}T000000Z", live=day == 3)
    removed = publish.prune(dest, keep=3)  # no journal: rollback would return to the one before the live one
    assert removed == ["20260101T000000Z", "20260104T000000Z", "20260105T000000Z", "20260106T000000Z"]
    assert dest.releases() == ["20260102T000000Z", "20260103T000000Z", "20260107T000000Z"]


def test_a_second_publication_in_the_same_second_gets_its_own_folder(live: publish.Dest) -> None:
    taken = publish._new_release_id(live)
    fake_release(live, taken, live=False)
    assert publish._new_release_id(live) == f"{taken}-01"


def test_a_failing_build_leaves_the_live_site_untouched(live: publish.Dest, tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    rumors = (project / "docs" / "clauses" / "rumors.md").read_text(encoding="utf-8")
    (project / "docs" / "clauses" / "rumours.md").write_text(
        rumors.replace("clause: rumors", "clause: rumours"), encoding="utf-8"
    )
    before = live_state(live)
    with pytest.raises(
        publish.PublishError, match=r"the build failed(.|\n)*「clause: rumours」という条項はどの版にもありません"
    ):
        publish.publish(project, live, SITE_URL, log=quiet)
    assert live_state(live) == before


def test_a_failing_check_leaves_the_live_site_untouched(live: publish.Dest, tmp_path: Path) -> None:
    """The build passes --strict, but the stylesheet pulls a web font from the internet."""
    project = project_copy(tmp_path / "project")
    css = project / "docs" / "assets" / "guideline.css"
    css.write_text(
        '@import url("https://fonts.googleapis.com/css2?family=Noto+Sans+JP");\n' + css.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    before = live_state(live)
    with pytest.raises(
        publish.PublishError, match=r"assets/guideline.css:1: error: loads https://fonts.googleapis.com/"
    ):
        publish.publish(project, live, SITE_URL, log=quiet)
    assert live_state(live) == before


def test_the_csp_of_the_installed_nginx_configuration_is_checked(live: publish.Dest, tmp_path: Path) -> None:
    """A new theme bootstrap the server's CSP does not allow yet would break in readers' browsers: update the CSP.
    A script on a content page only is not the site's own: it is refused, and allowing it is never suggested."""
    site = tmp_path / "site"
    fake_release(publish.Dest(tmp_path), "x", live=False)
    shutil.copytree(tmp_path / "releases" / "x", site)
    for page in ("index.html", "404.html", "en/404.html"):
        (site / page).write_text("<script>newBootstrap()</script>", encoding="utf-8")
    live.nginx_conf.parent.mkdir(parents=True)
    allowed = sitecheck.csp_hash("oldBootstrap()")
    live.nginx_conf.write_text(
        f"add_header Content-Security-Policy \"script-src 'self' '{allowed}'\" always;\n", encoding="utf-8"
    )
    problems = [p for p in publish.check(site, SITE_URL, live) if "script" in p]
    assert (
        len(problems) == 1 and sitecheck.csp_hash("newBootstrap()") in problems[0] and "make nginx-conf" in problems[0]
    )

    (site / "index.html").write_text("<script>newBootstrap()</script><script>alert(1)</script>", encoding="utf-8")
    problems = [p for p in publish.check(site, SITE_URL, live) if sitecheck.csp_hash("alert(1)") in p]
    assert problems == [
        f"index.html:1: error: サイト自身のものではないインラインスクリプト '{sitecheck.csp_hash('alert(1)')}' があります"
        "（1 ページ）。内容からスクリプトは実行させません。元の Markdown から取り除いてください。"
    ]


def test_an_interrupted_copy_leaves_the_live_site_untouched(
    live: publish.Dest, fast: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []

    def interrupted(src: str, dst: str) -> object:
        if len(copied) == 10:
            raise KeyboardInterrupt  # Ctrl-C, or a SIGINT from the runner
        copied.append(src)
        return shutil.copy2(src, dst)

    monkeypatch.setattr(publish, "_copy", interrupted)
    before = live_state(live)
    with pytest.raises(KeyboardInterrupt):
        publish.publish(ROOT, live, SITE_URL, log=quiet)
    assert len(copied) == 10
    assert live_state(live) == before  # and the partial copy is gone


KILLED_MID_COPY = textwrap.dedent(
    """
    import os, shutil, signal, sys
    from pathlib import Path
    from tools import publish

    prebuilt = Path(sys.argv[4])  # the copy is what is tested: the build is the prebuilt site's
    publish.build = lambda project, site_url, out: shutil.copytree(prebuilt, out)
    publish.check = lambda site, site_url, dest=None: []
    copied = []
    def copy(src, dst):
        if len(copied) == 10:
            os.kill(os.getpid(), signal.SIGKILL)  # no finally, no cleanup: a power cut or kill -9
        copied.append(src)
        return shutil.copy2(src, dst)

    publish._copy = copy
    publish.publish(Path(sys.argv[1]), publish.Dest(Path(sys.argv[2])), sys.argv[3])
    """
)


def test_a_killed_copy_leaves_the_live_site_untouched_and_the_next_run_cleans_up(
    live: publish.Dest, fast: Path
) -> None:
    before = live_state(live)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_MID_COPY, str(ROOT), str(live.root), SITE_URL, str(fast)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    current, releases, entries = live_state(live)
    assert (current, releases) == before[:2]
    leftovers = [e for e in entries if e.startswith(".partial-")]
    copied = [p for p in (live.releases_dir / leftovers[0]).rglob("*") if p.is_file()]
    assert len(leftovers) == 1 and len(copied) == 10

    release = publish.publish(ROOT, live, SITE_URL, log=quiet)
    assert live_state(live) == (release, [*before[1], release], [*before[1], release])


def test_publishing_needs_the_sites_full_address(dest: publish.Dest, capsys: pytest.CaptureFixture[str]) -> None:
    assert publish.main(["publish", "--dest", str(dest.root), "--site-url", "/guidelines/hanibon/"]) == 1
    assert "SITE_URL must be the site's full address" in capsys.readouterr().err
    assert not dest.root.exists()


def test_a_publication_waits_for_no_other(live: publish.Dest) -> None:
    with publish._locked(live), pytest.raises(publish.PublishError, match="another publication or rollback is running"):
        publish.rollback(live, log=quiet)
