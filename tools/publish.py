"""Publish the site to the intranet: build, check, copy beside the live release, switch over atomically.

Readers must never see a half-written or broken site, so nothing under DEST changes until the new
build has passed every check, and the switch itself is one rename(2) of a symlink:

    DEST/current -> releases/<id>      the live site; nginx serves this path
    DEST/releases/<id>/                one complete build per publication; <id> is its UTC time
    DEST/releases/.partial-<id>/       a copy in progress; never served, removed by the next run
    DEST/nginx/hanibon.conf            the nginx configuration rendered for DEST (`nginx-conf`)

Commands: publish, rollback, status, nginx-conf, smoke. Plain Python; MkDocs is only run as a command.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import shutil
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
KEEP = 5


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


def check(site: Path, site_url: str, dest: Dest | None = None) -> list[str]:
    """Every problem that keeps ``site`` from being published, as ``file:line: error: …`` lines."""
    report = sitecheck.check(site, site_url)
    problems = [str(p) for p in report.problems]
    problems += [
        f"{name}:0: error: missing; the site is incomplete" for name in REQUIRED if not (site / name).is_file()
    ]
    csp = installed_csp(dest) if dest else None
    if dest and csp is not None:
        blocked = sitecheck.check_csp(report, csp)
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


def copy_release(site: Path, dest: Dest, release: str) -> Path:
    """Copy the checked build into ``releases/<release>``: into a hidden partial folder first, renamed when complete."""
    dest.releases_dir.mkdir(parents=True, exist_ok=True)
    partial = dest.releases_dir / f".partial-{release}"
    try:
        shutil.copytree(site, partial, copy_function=_copy)
        if _files(partial) != _files(site):
            raise PublishError(f"the copy in {partial} differs from the build; nothing was switched")
    except BaseException:  # an interrupted copy is never renamed into a release; a killed one is cleaned next run
        shutil.rmtree(partial, ignore_errors=True)
        raise
    os.sync()  # the release is on disk before anything points at it
    final = dest.releases_dir / release
    os.rename(partial, final)
    return final


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
        for leftover in dest.releases_dir.glob(".partial-*"):
            shutil.rmtree(leftover, ignore_errors=True)
    for link in dest.root.glob(".current.tmp-*"):
        link.unlink()


def prune(dest: Dest, keep: int) -> list[str]:
    """Remove all but the newest ``keep`` releases; the live one always stays."""
    live = dest.current()
    old = [r for r in dest.releases()[:-keep] if r != live] if keep > 0 else []
    for release in old:
        shutil.rmtree(dest.releases_dir / release)
    return old


def publish(project: Path, dest: Dest, site_url: str, keep: int = KEEP, log: Log = print) -> str:
    """Build, check, copy and switch; returns the new release's id. Raises PublishError with the live site untouched."""
    _site_path(site_url)
    if keep < 1:
        raise PublishError("--keep must be at least 1")
    with _locked(dest), tempfile.TemporaryDirectory(prefix="hanibon-build-") as work:
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
        copy_release(site, dest, release)
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
        releases, live = dest.releases(), dest.current()
        if to is not None:
            if to not in releases:
                raise PublishError(
                    f"no release {to!r} in {dest.releases_dir}; there are: {', '.join(releases) or 'none'}"
                )
            target = to
        else:
            earlier = [r for r in releases if live is None or r < live]
            if not earlier:
                raise PublishError(
                    f"no release before {live} to roll back to; releases: {', '.join(releases) or 'none'}"
                )
            target = earlier[-1]
        csp = installed_csp(dest)
        if csp is not None:
            site = dest.releases_dir / target
            blocked = sitecheck.check_csp(sitecheck.check(site, _release_url(site)), csp)
            if blocked:
                log(
                    f"Warning: the installed CSP blocks {len(blocked)} inline script(s) of {target}; run `make nginx-conf`."
                )
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
    sources = " ".join(f"'{h}'" for h in sorted(script_hashes))
    lines = []
    for line in template.read_text(encoding="utf-8").splitlines():
        if path == "/" and line.rstrip().endswith("# sub-path only"):
            continue
        lines.append(
            line.replace("@PATH_REGEX@", re.escape(path))
            .replace("@BARE_PATH@", path.rstrip("/"))
            .replace("@PATH@", path)
            .replace("@ROOT@", str(root).rstrip("/"))
            .replace("@SCRIPT_HASHES@", sources)
        )
    return "\n".join(lines) + "\n"


def nginx_conf(project: Path, dest: Dest, site_url: str, log: Log = print) -> Path:
    """Render DEST/nginx/hanibon.conf; its CSP allows the inline scripts of a fresh build and of every kept release."""
    hashes: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="hanibon-build-") as work:
        build(project, site_url, Path(work) / "site")
        hashes |= set(sitecheck.check(Path(work) / "site", site_url).inline_scripts)
    for release in dest.releases():
        site = dest.releases_dir / release
        hashes |= set(sitecheck.check(site, _release_url(site)).inline_scripts)
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


def smoke(dest: Dest, site_url: str, log: Log = print) -> list[str]:
    """Ask the real server: is the live release the one DEST points at, with its headers and its 404 page?"""
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
        log(f"{'*' if release == live else ' '} {release}")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
