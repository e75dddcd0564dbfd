"""Publish the site to the intranet: build, check, copy beside the live release, switch over atomically.

Readers must never see a half-written or broken site, so nothing under DEST changes until the new
build has passed every check, and the switch itself is one rename(2) of a symlink:

    DEST/current -> releases/<id>      the live site; nginx serves this path
    DEST/releases/<id>/                one complete build per publication; <id> is its UTC time
    DEST/releases/.partial-<id>/       a copy in progress; never served, removed by the next run
    DEST/releases/.pruned-<id>/        a release being deleted; renamed out of the way first, so a kill
                                       mid-delete never leaves half a release under a valid name
    DEST/journal.jsonl                 what was live and when: one line per switch, appended before it
    DEST/nginx/hanibon.conf            the nginx configuration rendered for DEST (`nginx-conf`)

Each release ends with MANIFEST (its files and sizes), written last: a folder without it, or missing
a file it lists, is incomplete and is never put live. Rollback follows the journal, not the names: it
returns to the release that was live before the current one, and pruning keeps that one and the live one.

Commands: publish, rollback, status, nginx-conf, smoke. Plain Python; MkDocs is only run as a command.

Longer than other modules on purpose: every step that touches DEST is here, so that the argument that
a crash at any point leaves a servable site can be read, and reviewed, in one file.
"""

from __future__ import annotations

import argparse
import errno
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from tools import sitecheck

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "hanibon.conf"
Log = Callable[[str], object]
RELEASE_ID = re.compile(r"^\d{8}T\d{6}Z(-\d{2})?$")
RELEASE_FILE = "release.json"  # served with the site, so a smoke check can tell which release is live
REQUIRED = ("index.html", "404.html", "en/404.html", "search/search_index.json", RELEASE_FILE)
MANIFEST = "MANIFEST.json"  # written last into a release: its presence and contents prove the copy complete
JOURNAL = "journal.jsonl"
THEME_PAGES = ("404.html", "en/404.html")  # pages with no content: their inline scripts are the site's own
WORK_PREFIX = "hanibon-build-"
KEEP = 5
MIN_KEEP = 2  # the live release and the one rollback returns to


class PublishError(Exception):
    """A publication or rollback that stopped; the live site is as it was."""


@dataclass(frozen=True)
class Dest:
    """The folder that holds the releases and the ``current`` symlink."""

    root: Path

    @property
    def releases_dir(self) -> Path:
        return self.root / "releases"

    @property
    def current_link(self) -> Path:
        return self.root / "current"

    @property
    def nginx_conf(self) -> Path:
        return self.root / "nginx" / "hanibon.conf"

    @property
    def journal(self) -> Path:
        return self.root / JOURNAL

    def releases(self) -> list[str]:
        if not self.releases_dir.is_dir():
            return []
        return sorted(p.name for p in self.releases_dir.iterdir() if p.is_dir() and RELEASE_ID.match(p.name))

    def current(self) -> str | None:
        if not self.current_link.is_symlink():
            return None
        return Path(os.readlink(self.current_link)).name


def _site_path(site_url: str) -> str:
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublishError(
            f"SITE_URL must be the site's full address, like http://intranet.example/guidelines/hanibon/ (got {site_url!r})"
        )
    return parts.path if parts.path.endswith("/") else parts.path + "/"


@contextmanager
def _locked(dest: Dest) -> Iterator[None]:
    """One publication or rollback at a time per DEST."""
    dest.root.mkdir(parents=True, exist_ok=True)
    with open(dest.root / ".publish.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(f"another publication or rollback is running on {dest.root}") from None
        yield


@contextmanager
def _work_folder() -> Iterator[Path]:
    """A temporary build folder, removed on any exit: normal, an error, Ctrl-C, SIGTERM or SIGHUP.

    Only SIGKILL (or a power cut) skips the removal; the folder's name carries the process id, and the
    next run removes the folders of processes that no longer exist.
    """
    _remove_dead_work_folders()
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        for sig in previous:
            signal.signal(sig, interrupted)
    except ValueError:  # not the main thread: the caller owns the signals
        previous = {}
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _remove_dead_work_folders() -> None:
    for folder in Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*-*"):
        pid = folder.name.removeprefix(WORK_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:  # alive, another user's
            continue


def build(project: Path, site_url: str, out: Path) -> None:
    """``mkdocs build --strict`` of ``project`` into ``out``, addressed as ``site_url``, drafts left out."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GUIDELINE_DRAFTS", None)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs if mkdocs.exists() else "mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PublishError(f"the build failed (mkdocs build --strict):\n{result.stderr.strip()}")


def _commit(project: Path) -> str | None:
    result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=False)
    return (result.stdout.strip() or None) if result.returncode == 0 else None


def installed_csp(dest: Dest) -> str | None:
    """The Content-Security-Policy of the nginx configuration rendered for DEST, if there is one."""
    if not dest.nginx_conf.is_file():
        return None
    match = re.search(r'add_header\s+Content-Security-Policy\s+"([^"]*)"', dest.nginx_conf.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def theme_scripts(site: Path, site_url: str) -> set[str]:
    """The hashes of the site's own inline scripts: those of the pages that carry no content (the 404 pages).

    Material's bootstraps run on every page, the 404 page included; a script found only on other pages
    came from their content, and the CSP never allows it.
    """
    return _own_scripts(sitecheck.check(site, site_url))


def _own_scripts(report: sitecheck.Report) -> set[str]:
    return {d for d, places in report.inline_scripts.items() if any(place.path in THEME_PAGES for place in places)}


def check(site: Path, site_url: str, dest: Dest | None = None) -> list[str]:
    """Every problem that keeps ``site`` from being published, as ``file:line: error: …`` lines."""
    report = sitecheck.check(site, site_url)
    problems = [str(p) for p in report.problems]
    problems += [
        f"{name}:0: error: missing; the site is incomplete" for name in REQUIRED if not (site / name).is_file()
    ]
    own = _own_scripts(report)
    for digest, places in sorted(report.inline_scripts.items()):
        if digest not in own:
            first = places[0]
            problems.append(
                f"{first.path}:{first.line}: error: サイト自身のものではないインラインスクリプト '{digest}' があります"
                f"（{len(places)} ページ）。内容からスクリプトは実行させません。元の Markdown から取り除いてください。"
            )
    csp = installed_csp(dest) if dest else None
    if dest and csp is not None:
        foreign = set(report.inline_scripts) - own  # reported above; allowing them is never the fix
        blocked = [p for p in sitecheck.check_csp(report, csp) if not any(d in p.message for d in foreign)]
        problems += [f"{p} (in {dest.nginx_conf}; run `make nginx-conf`, then reload nginx)" for p in blocked]
    return problems


def _new_release_id(dest: Dest) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    taken = set(dest.releases())
    candidates = [stamp, *(f"{stamp}-{n:02d}" for n in range(1, 100))]
    return next(c for c in candidates if c not in taken and not (dest.releases_dir / c).exists())


def _files(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _copy(src: str, dst: str) -> object:
    return shutil.copy2(src, dst)


class _CopyStopped(BaseException):
    """Carries a failed file copy out of shutil.copytree, which would note it and copy on (on a full disk, every file)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def _copy_or_stop(src: str, dst: str) -> object:
    try:
        return _copy(src, dst)
    except OSError as error:  # named by the file on DEST that could not be written, not the build's
        raise _CopyStopped(OSError(error.errno, error.strerror, dst)) from error


def copy_release(site: Path, dest: Dest, release: str) -> Path:
    """Copy the checked build into ``releases/<release>``: into a hidden partial folder first, renamed when complete."""
    dest.releases_dir.mkdir(parents=True, exist_ok=True)
    partial = dest.releases_dir / f".partial-{release}"
    try:
        try:
            shutil.copytree(site, partial, copy_function=_copy_or_stop)
        except _CopyStopped as stopped:
            raise stopped.error from None
        files = _files(site)
        if _files(partial) != files:
            raise PublishError(f"the copy in {partial} differs from the build; nothing was switched")
        write_manifest(partial, release, files)
    except BaseException:  # an interrupted copy is never renamed into a release; a killed one is cleaned next run
        shutil.rmtree(partial, ignore_errors=True)
        raise
    os.sync()  # the release is on disk before anything points at it
    final = dest.releases_dir / release
    os.rename(partial, final)
    return final


def write_manifest(folder: Path, release: str, files: dict[str, int]) -> None:
    """The list of a release's files and sizes, written last and flushed: its presence marks the copy complete."""
    temporary = folder / f".{MANIFEST}.tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump({"release": release, "files": files}, out, indent=0, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    os.rename(temporary, folder / MANIFEST)


def incomplete(dest: Dest, release: str) -> str | None:
    """Why ``release`` may not be put live (no manifest, a file missing or cut short), or None when complete."""
    folder = dest.releases_dir / release
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return f"{MANIFEST} がありません（コピーか削除が途中で止まったリリースです）"
    for name in (*REQUIRED, *sorted(listed)):
        path = folder / name
        if not path.is_file():
            return f"{name} がありません"
        if name in listed and path.stat().st_size != listed[name]:
            return f"{name} の大きさが記録（{listed[name]} バイト）と違います"
    return None


def _journal(dest: Dest) -> list[dict[str, str]]:
    """The journal's entries, oldest first; a line cut short by a crash is skipped."""
    try:
        lines = dest.journal.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("live"), str):
            entries.append(entry)
    return entries


def _record(dest: Dest, action: str, live: str, was: str | None) -> None:
    """Append one switch to the journal and flush it, before the switch itself."""
    entry = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "action": action, "live": live, "was": was}
    size = dest.journal.stat().st_size if dest.journal.exists() else None
    try:
        with open(dest.journal, "a+", encoding="utf-8") as out:
            out.seek(max(0, out.tell() - 1))
            cut = bool(size) and out.read(1) != "\n"  # a line a crash cut short: end it, so this one stands alone
            out.write(("\n" if cut else "") + json.dumps(entry) + "\n")
            out.flush()
            os.fsync(out.fileno())
    except BaseException:  # a line that did not fit is taken back: the journal is as it was
        if size is None:
            dest.journal.unlink(missing_ok=True)
        else:
            os.truncate(dest.journal, size)
        raise


def live_history(dest: Dest) -> list[str]:
    """The releases that were live, as a stack: the current one last, the one rollback returns to before it.

    A publication pushes its release. A rollback goes back down the stack, so the releases rolled away
    from leave it: the next rollback never returns to them. The ``current`` link has the last word when
    the journal disagrees with it (a run killed between its journal line and its switch).
    """
    stack: list[str] = []
    for entry in _journal(dest):
        live = entry["live"]
        if entry.get("action") == "rollback" and live in stack:
            del stack[stack.index(live) + 1 :]
        else:
            stack.append(live)
    current = dest.current()
    if current is not None and (not stack or stack[-1] != current):
        if current in stack:
            del stack[stack.index(current) + 1 :]
        else:
            stack.append(current)
    return stack


def rollback_target(dest: Dest) -> str | None:
    """The release that was live before the current one (by name when there is no journal), if it is still there.

    Rollback refuses it when it is incomplete rather than go further back on its own: the operator chooses.
    """
    releases = set(dest.releases())
    history = live_history(dest)
    candidates = [r for r in reversed(history[:-1]) if r != dest.current()]
    if not dest.journal.exists():  # a DEST published before the journal: the releases before the live one
        live = dest.current()
        candidates = [r for r in sorted(releases, reverse=True) if live is None or r < live]
    return next((r for r in candidates if r in releases), None)


def switch(dest: Dest, release: str) -> None:
    """Point ``current`` at ``release`` in one atomic rename: readers see the old site or the new, never a mix."""
    if dest.current_link.exists() and not dest.current_link.is_symlink():
        raise PublishError(f"{dest.current_link} is not a symlink; move it away before publishing")
    temporary = dest.root / f".current.tmp-{os.getpid()}"
    if temporary.is_symlink():
        temporary.unlink()
    os.symlink(Path("releases") / release, temporary)
    os.replace(temporary, dest.current_link)


def _clean_leftovers(dest: Dest) -> None:
    """Remove what an interrupted run left behind: partial copies and temporary links (never served)."""
    if dest.releases_dir.is_dir():
        for pattern in (".partial-*", ".pruned-*"):
            for leftover in dest.releases_dir.glob(pattern):
                shutil.rmtree(leftover, ignore_errors=True)
    for link in dest.root.glob(".current.tmp-*"):
        link.unlink()


def _check_keep(keep: int) -> None:
    if keep < MIN_KEEP:
        raise PublishError(
            f"KEEP={keep} は少なすぎます。公開中とロールバック先を残すため {MIN_KEEP} 以上にしてください。"
        )


def prune(dest: Dest, keep: int) -> list[str]:
    """Keep ``keep`` releases: the live one and the one rollback returns to, then the newest; remove the rest.

    Each is first renamed out of the way (one rename: it stops being a release at once), then deleted,
    so a kill mid-delete leaves a ``.pruned-`` folder the next run removes, never half a release.
    """
    _check_keep(keep)
    releases = dest.releases()
    kept = {r for r in (dest.current(), rollback_target(dest)) if r in releases}
    for release in reversed(releases):  # then the newest, up to KEEP in all
        if len(kept) >= keep:
            break
        kept.add(release)
    old = [r for r in releases if r not in kept]
    for release in old:
        doomed = dest.releases_dir / f".pruned-{release}"
        os.rename(dest.releases_dir / release, doomed)
        shutil.rmtree(doomed)
    return old


def publish(project: Path, dest: Dest, site_url: str, keep: int = KEEP, log: Log = print) -> str:
    """Build, check, copy and switch; returns the new release's id. Raises PublishError with the live site untouched."""
    _site_path(site_url)
    _check_keep(keep)
    with _locked(dest), _work_folder() as work:
        _clean_leftovers(dest)
        release = _new_release_id(dest)
        site = Path(work) / "site"
        log(f"Building {project} for {site_url} ...")
        build(project, site_url, site)
        metadata = {
            "release": release,
            "commit": _commit(project),
            "built": datetime.now(UTC).isoformat(timespec="seconds"),
            "site_url": site_url,
        }
        (site / RELEASE_FILE).write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
        log("Checking links, anchors, external references and the CSP ...")
        problems = check(site, site_url, dest)
        if problems:
            raise PublishError("the checks failed; the live site is unchanged:\n" + "\n".join(problems))
        log(f"Copying to {dest.releases_dir / release} ...")
        final = copy_release(site, dest, release)
        try:
            _record(dest, "publish", release, dest.current())
        except BaseException:  # not recorded, so never switched: the copy goes too, and the disk is as it was
            shutil.rmtree(final, ignore_errors=True)
            raise
        switch(dest, release)
        log(f"Live: {release}")
        removed = prune(dest, keep)
        if removed:
            log(f"Removed old releases: {', '.join(removed)}")
        if installed_csp(dest) is None:
            log(
                f"Note: no nginx configuration in {dest.nginx_conf} yet; run `make nginx-conf` (see the operator's page)."
            )
        return release


def rollback(dest: Dest, to: str | None = None, log: Log = print) -> str:
    """Point ``current`` back at the release before it (or at ``to``); returns the release now live."""
    with _locked(dest):
        _clean_leftovers(dest)
        releases, live = dest.releases(), dest.current()
        if to is not None:
            if to not in releases:
                raise PublishError(
                    f"no release {to!r} in {dest.releases_dir}; there are: {', '.join(releases) or 'none'}"
                )
            target = to
        else:
            found = rollback_target(dest)
            if found is None:
                raise PublishError(
                    f"no release before {live} to roll back to; releases: {', '.join(releases) or 'none'}"
                )
            target = found
        why = incomplete(dest, target)
        if why is not None:
            raise PublishError(
                f"{dest.releases_dir / target}: 不完全なリリースなので公開できません（{why}）。"
                f"公開中の {live} のままです。完全なリリースを TO= で選ぶか、make publish で公開し直してください。"
            )
        csp = installed_csp(dest)
        if csp is not None:
            site = dest.releases_dir / target
            report = sitecheck.check(site, _release_url(site))
            blocked, own = sitecheck.check_csp(report, csp), _own_scripts(report)
            ours = [b for b in blocked if any(digest in b.message for digest in own)]
            if ours:
                log(
                    f"Warning: the installed CSP blocks {len(ours)} of {target}'s own inline script(s); run `make nginx-conf`."
                )
            if len(blocked) > len(ours):
                log(
                    f"Warning: {target} has {len(blocked) - len(ours)} inline script(s) that are not the site's own; "
                    "the CSP blocks them, as it must."
                )
        if live is not None:
            _record(dest, "rollback", target, live)
        switch(dest, target)
        log(f"Live: {target} (was {live})")
        return target


def _release_url(site: Path) -> str:
    try:
        return str(json.loads((site / RELEASE_FILE).read_text(encoding="utf-8"))["site_url"])
    except (OSError, ValueError, KeyError):
        return "http://localhost/"


def render_nginx_conf(site_url: str, root: Path, script_hashes: set[str], template: Path = TEMPLATE) -> str:
    """The nginx configuration for the site at ``site_url``'s path, served from ``root``, allowing these inline scripts."""
    path = _site_path(site_url)
    https = urlsplit(site_url).scheme == "https"
    sources = " ".join(f"'{h}'" for h in sorted(script_hashes))
    kept = [
        line
        for line in template.read_text(encoding="utf-8").splitlines()
        if not (path == "/" and line.rstrip().endswith("# sub-path only")) and (https or "# https only" not in line)
    ]
    begin = next(i for i, line in enumerate(kept) if line.strip() == "# headers begin")
    end = next(i for i, line in enumerate(kept) if line.strip() == "# headers end")
    headers = [line.strip() for line in kept[begin + 1 : end]]
    lines: list[str] = []
    for line in kept:
        if "@SECURITY_HEADERS@" in line:
            indent = line[: len(line) - len(line.lstrip())]
            lines += [indent + header for header in headers]
        else:
            lines.append(line)
    return (
        "\n".join(lines)
        .replace("@PATH_REGEX@", re.escape(path))
        .replace("@BARE_PATH@", path.rstrip("/"))
        .replace("@PATH@", path)
        .replace("@ROOT@", str(root).rstrip("/"))
        .replace("@SCRIPT_HASHES@", sources)
        + "\n"
    )


def nginx_conf(project: Path, dest: Dest, site_url: str, log: Log = print) -> Path:
    """Render DEST/nginx/hanibon.conf; its CSP allows the inline scripts of a fresh build and of every kept release."""
    hashes: set[str] = set()
    with _work_folder() as work:
        build(project, site_url, work / "site")
        hashes |= theme_scripts(work / "site", site_url)
    for release in dest.releases():
        site = dest.releases_dir / release
        hashes |= theme_scripts(site, _release_url(site))
    dest.nginx_conf.parent.mkdir(parents=True, exist_ok=True)
    text = render_nginx_conf(site_url, dest.current_link.absolute(), hashes)
    temporary = dest.nginx_conf.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, dest.nginx_conf)
    log(f"Wrote {dest.nginx_conf}; include it in the server block, check with `nginx -t`, then reload nginx.")
    return dest.nginx_conf


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PublishError(
            f"{url}: サーバーに接続できません（{reason}）。nginx が動いているか、SITE_URL が正しいかを確かめてください。"
        ) from None


def smoke(dest: Dest, site_url: str, log: Log = print) -> list[str]:
    """Ask the real server: is the live release the one DEST points at, with its headers and its 404 page?"""
    _site_path(site_url)
    base = site_url if site_url.endswith("/") else site_url + "/"
    failures: list[str] = []
    live = dest.current()
    if live is None:
        failures.append(f"{dest.current_link} is not a symlink to a release: nothing is published")
    status, headers, body = _get(base + RELEASE_FILE)
    try:
        served = json.loads(body).get("release") if status == 200 else None
    except (ValueError, AttributeError):  # not the release file: some other page answered
        served = None
    if served != live:
        failures.append(
            f"{base}{RELEASE_FILE}: the server has release {served!r} (status {status}), DEST/current is {live!r}"
        )
    status, headers, body = _get(base)
    if status != 200 or not headers.get("content-type", "").startswith("text/html"):
        failures.append(f"{base}: status {status}, type {headers.get('content-type')!r}; expected the home page")
    if "content-security-policy" not in headers:
        failures.append(f"{base}: no Content-Security-Policy header; is the nginx configuration included?")
    status, headers, body = _get(base + "smoke-check-missing-page/")
    if status != 404 or "ページが見つかりません" not in body.decode("utf-8", "replace"):
        failures.append(f"{base}smoke-check-missing-page/: status {status}; expected the Japanese 404 page")
    log("Smoke check: " + ("failed" if failures else f"release {live} is live at {base}"))
    return failures


def status(dest: Dest, log: Log = print) -> None:
    live = dest.current()
    for release in dest.releases():
        why = incomplete(dest, release)
        log(f"{'*' if release == live else ' '} {release}" + (f"  （不完全: {why}）" if why else ""))
    if live is None:
        log(f"No live release in {dest.root}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.publish", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("publish", "rollback", "status", "nginx-conf", "smoke"):
        sub = commands.add_parser(name)
        sub.add_argument("--dest", type=Path, required=True, help="the folder that holds releases/ and current")
        if name in ("publish", "nginx-conf", "smoke"):
            sub.add_argument(
                "--site-url", default=os.environ.get("SITE_URL", ""), help="the published address (default: $SITE_URL)"
            )
        if name in ("publish", "nginx-conf"):
            sub.add_argument("--project", type=Path, default=ROOT, help="the project to build (default: this one)")
        if name == "publish":
            sub.add_argument("--keep", type=int, default=KEEP, help=f"releases to keep (default {KEEP})")
        if name == "rollback":
            sub.add_argument("--to", help="a release id (default: the one before the live one)")
    args = parser.parse_args(argv)
    dest = Dest(args.dest.absolute())
    try:
        if args.command == "publish":
            publish(args.project, dest, args.site_url, args.keep)
        elif args.command == "rollback":
            rollback(dest, args.to)
        elif args.command == "status":
            status(dest)
        elif args.command == "nginx-conf":
            nginx_conf(args.project, dest, args.site_url)
        elif args.command == "smoke":
            failures = smoke(dest, args.site_url)
            for failure in failures:
                print(failure, file=sys.stderr)
            return 1 if failures else 0
    except PublishError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.command}: {disk_message(error, dest)}", file=sys.stderr)
        return 1
    return 0


def disk_message(error: OSError, dest: Dest) -> str:
    """A failed write to DEST in the operator's words: which path, why, what to do; the live site as it was."""
    where = error.filename or dest.root
    live = dest.current()
    state = f"公開中のリリース {live} はそのままです。" if live else "公開中のリリースはありません。"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        cause, fix = (
            "ディスクの空き（またはクォータ）が足りません",
            "古いリリースを make releases で確かめて空きを作るか、KEEP を減らしてから",
        )
    elif error.errno == errno.EROFS:
        cause, fix = "読み取り専用でマウントされています", "書き込めるようにマウントし直してから"
    elif error.errno in (errno.EACCES, errno.EPERM):
        cause, fix = "書き込む権限がありません", "DEST の所有者か権限を直してから"
    else:
        cause, fix = f"書き込めません（{error.strerror}）", "原因を取り除いてから"
    return f"{where}: {cause}。{state}{fix}もう一度実行してください。"


if __name__ == "__main__":
    sys.exit(main())
