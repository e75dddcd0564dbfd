"""Build and reader benchmark: this project's build against plain Material, at growing sizes, in one run.

    make bench                    # or: .venv/bin/python bench/perf.py [--quick] [--out FILE]

1. Build: synthetic guidelines (bench/synthetic.py) built by this project and by a control (the same
   pages as plain MkDocs + Material, no hooks), runs interleaved; the median ratio of CPU times.
2. Growth: build time, peak memory and output size as provisions and editions double.
3. Navigation: a commentary page's HTML with and without Material's navigation.prune.
4. Diffs: every 新旧対照表 and every provision's history of the largest guideline, via the domain package.
5. Editing: `mkdocs serve` on a copy of the real site; from saving a commentary file, and a draft edition's
   file, to the page served.
6. Readers: bytes a browser fetches per page type (gzip level 5, as deploy/nginx), against plain Material.

Prints a table and writes it, with the machine and the date, to BENCHMARK.md; updates README's figures.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html.parser
import itertools
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import synthetic
from guideline import editing
from guideline.model.edition import edition_sort_key
from guideline.model.project import load
from guideline.site import commentary, compare_page

ROOT = synthetic.ROOT
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
GZIP_LEVEL = 5  # deploy/nginx/hanibon.conf: gzip_comp_level 5, gzip_min_length 256
GZIP_MIN = 256
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


Size = tuple[int, int]  # (provisions in the first edition, editions)


@dataclass(frozen=True)
class Plan:
    compare: dict[Size, int]  # built by this project and by the control, interleaved: how many pairs
    largest: Size | None  # built by this project only: plain Material takes several times longer
    provisions_series: list[Size]  # provisions doubling
    editions_series: list[Size]  # editions doubling
    growth_runs: int  # builds per size in the growth series; the fastest counts
    prune_size: Size
    diffs_size: Size
    serve_trials: int  # 0: no `mkdocs serve`
    readers_on_real_site: bool  # else on the smallest synthetic guideline


FULL = Plan(
    compare={(20, 1): 5, (200, 5): 3, (500, 5): 3},
    largest=(2000, 20),
    provisions_series=[(250, 5), (500, 5), (1000, 5), (2000, 5)],
    editions_series=[(500, 5), (500, 10), (500, 20)],
    growth_runs=2,
    prune_size=(500, 5),
    diffs_size=(2000, 20),
    serve_trials=5,
    readers_on_real_site=True,
)
QUICK = Plan(
    compare={(20, 1): 1},
    largest=None,
    provisions_series=[],
    editions_series=[],
    growth_runs=1,
    prune_size=(20, 1),
    diffs_size=(20, 2),
    serve_trials=0,
    readers_on_real_site=False,
)


# --- running builds --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    peak_mb: float  # its peak resident memory


def run_measured(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; its wall time, CPU time and peak memory (from wait4's rusage)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            cmd,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{errors.read().decode(errors='replace')[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def build(site: Path, out: Path, strict: bool = True, env: dict[str, str] | None = None) -> Run:
    if out.exists():
        shutil.rmtree(out)
    return run_measured([MKDOCS, "build", "-q", *(["--strict"] if strict else []), "--site-dir", str(out)], site, env)


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def nav_links(page: Path) -> int:
    """How many links the page's primary navigation holds."""
    text = page.read_text(encoding="utf-8")
    start = text.find('<nav class="md-nav md-nav--primary"')
    end = text.find('<div class="md-sidebar md-sidebar--secondary"', start)
    return text[start:end].count('class="md-nav__link') if start >= 0 else 0


def first_clause_page(out: Path) -> Path:
    return sorted((out / "clauses").glob("*/index.html"))[0]


# --- 1 and 2. builds: against plain Material, and growth ------------------------------------------------


@dataclass(frozen=True)
class Observed:
    """One build of this project at one size: its cost and what it wrote."""

    size: Size
    generated: synthetic.Generated
    run: Run
    output_mb: float
    clause_kb: float  # one commentary page's HTML
    nav_links: int  # links in that page's navigation
    search_mb: float  # the search index


def observe(size: Size, generated: synthetic.Generated, run: Run, out: Path) -> Observed:
    page = first_clause_page(out)
    index = search_index(out)
    return Observed(
        size,
        generated,
        run,
        tree_bytes(out) / 1e6,
        page.stat().st_size / 1024,
        nav_links(page),
        index.stat().st_size / 1e6 if index.exists() else 0.0,
    )


@dataclass
class Comparison:
    size: Size
    generated: synthetic.Generated
    ours: list[Run] = field(default_factory=list)
    control: list[Run] = field(default_factory=list)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(o.cpu / c.cpu for o, c in zip(self.ours, self.control, strict=False))

    @property
    def wall_ratio(self) -> float:
        return statistics.median(o.wall / c.wall for o, c in zip(self.ours, self.control, strict=False))


def site_for(work: Path, size: Size) -> synthetic.Generated:
    """The synthetic guideline of that size, generated once per run of the benchmark."""
    root = work / f"src-{size[0]}x{size[1]}"
    marker = root / ".generated.json"
    if marker.exists():
        data = json.loads(marker.read_text())
        return synthetic.Generated(
            root, *(data[k] for k in ("provisions", "commentary_pages", "editions", "source_bytes"))
        )
    generated = synthetic.generate(root, *size)
    marker.write_text(json.dumps({k: v for k, v in vars(generated).items() if k != "root"}))
    return generated


def compare_builds(
    work: Path, size: Size, pairs: int, log: Callable[[str], None], seen: dict[Size, Observed]
) -> Comparison:
    """``pairs`` builds of each, interleaved and in alternating order, so a slow spell of the machine hits both."""
    generated = site_for(work, size)
    control = work / f"control-{size[0]}x{size[1]}"
    if pairs:
        synthetic.plain_control(generated.root, control)
    result = Comparison(size, generated)
    out = work / "out"
    for i in range(max(pairs, 1)):
        order = [("ours", generated.root), ("control", control)] if pairs else [("ours", generated.root)]
        for name, root in order if i % 2 == 0 else reversed(order):
            run = build(root, out, strict=name == "ours")
            if name == "ours":
                result.ours.append(run)
                remember(seen, observe(size, generated, run, out))
            else:
                result.control.append(run)
        against = f", control {result.control[-1].cpu:.1f}s cpu" if result.control else ""
        log(f"  {size[0]}x{size[1]} run {i + 1}: ours {result.ours[-1].cpu:.1f}s cpu{against}")
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(control, ignore_errors=True)
    return result


def remember(seen: dict[Size, Observed], observed: Observed) -> None:
    """Keep the fastest build of each size: other work on the machine only ever adds time."""
    known = seen.get(observed.size)
    if known is None or observed.run.cpu < known.run.cpu:
        seen[observed.size] = observed


def grow(work: Path, size: Size, runs: int, log: Callable[[str], None], seen: dict[Size, Observed]) -> Observed:
    """The fastest of ``runs`` builds of this project (builds already made at this size count)."""
    generated = site_for(work, size)
    out = work / "out"
    done = runs if size in seen else 0  # the pairs against plain Material were enough
    for _ in range(runs - done):
        remember(seen, observe(size, generated, build(generated.root, out), out))
        shutil.rmtree(out)
    o = seen[size]
    log(f"  {size[0]}x{size[1]}: {o.run.cpu:.1f}s cpu, {o.run.peak_mb:.0f} MB peak, {o.output_mb:.0f} MB output")
    return o


def doubling(
    series: list[Observed], value: Callable[[Observed], float], axis: Callable[[Observed], float]
) -> list[float]:
    """The factor per doubling between neighbours of a series: 2 ** (log ratio of value / log ratio of size)."""
    out = []
    for a, b in itertools.pairwise(series):
        steps = math.log2(axis(b) / axis(a))
        out.append(2 ** (math.log2(value(b) / value(a)) / steps) if steps else float("nan"))
    return out


# --- 3. navigation.prune ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prune:
    pruned: Observed
    unpruned: Observed


def measure_prune(work: Path, size: Size, log: Callable[[str], None], seen: dict[Size, Observed]) -> Prune:
    pruned = grow(work, size, 1, log, seen)
    unpruned = work / f"unpruned-{size[0]}x{size[1]}"
    if unpruned.exists():
        shutil.rmtree(unpruned)
    shutil.copytree(pruned.generated.root, unpruned)
    config = unpruned / "mkdocs.yml"
    text = re.sub(r"(?m)^\s*- navigation\.prune.*\n", "", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    out = work / "out"
    result = Prune(pruned, observe(size, pruned.generated, build(unpruned, out), out))
    shutil.rmtree(out)
    shutil.rmtree(unpruned)
    log(f"  without navigation.prune: {result.unpruned.run.cpu:.1f}s cpu, {result.unpruned.output_mb:.0f} MB output")
    return result


# --- 4. diffs --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Diffs:
    size: Size
    load_s: float
    comparisons: int
    compare_s: float  # every 新旧対照表 rendered, from cold
    histories: int
    history_s: float  # every provision's history rendered


def measure_diffs(work: Path, size: Size) -> Diffs:
    """CPU time of this process for each step, the fastest of three: the machine's other work only adds."""
    generated = site_for(work, size)
    best: Diffs | None = None
    for _ in range(3):
        start = time.process_time()
        guideline = load(generated.root, "ja", drafts=False)
        loaded = time.process_time()
        revised = [e for e in guideline.editions if guideline.previous(e) is not None]
        start_compare = time.process_time()
        for edition in revised:
            compare_page.render_compare(guideline, edition)
        compared = time.process_time()
        provisions = list(dict.fromkeys(pid for e in guideline.editions for pid in e.provisions))
        for pid in provisions:
            commentary._history(guideline, pid, f"clauses/{pid}.md")
        done = time.process_time()
        run = Diffs(size, loaded - start, len(revised), compared - start_compare, len(provisions), done - compared)
        if best is None or run.compare_s + run.history_s < best.compare_s + best.history_s:
            best = run
    assert best is not None
    return best


# --- 5. editing under `mkdocs serve` --------------------------------------------------------------------


@dataclass(frozen=True)
class Editing:
    page: str
    trials: list[float]
    startup_s: float
    source: str = "docs/clauses/accuracy.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, predicate: Callable[[str], bool], timeout: float, interval: float = 0.02) -> float:
    """Poll ``url`` until ``predicate`` holds for its body; the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate(fetch(url)):
            return time.perf_counter() - start
        time.sleep(interval)
    raise TimeoutError(f"{url} did not change within {timeout:.0f} s")


def served(text: str, present: bool = True) -> Callable[[str], bool]:
    """Whether a whole page was served with (or without) ``text``."""
    return lambda body: "</html>" in body and (text in body) == present


def copy_real_site(target: Path) -> None:
    """The real project's sources and configuration: what `make serve` reads."""
    for folder in ("docs", "editions", "glossary", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")


@contextlib.contextmanager
def serving(root: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDELINE_DRAFTS": "1"}  # as `make serve`
    process = subprocess.Popen(
        [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def edit_loop(root: Path, relative: str, url_path: str, edit: Callable[[str, str], str], trials: int) -> Editing:
    """Under `mkdocs serve`, save ``edit(original, marker)`` into a source; time until ``url_path`` serves the marker."""
    source = root / relative
    original = source.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}{url_path}"
    times: list[float] = []
    with serving(root, port):
        startup = wait_for(url, lambda body: "</html>" in body, timeout=180, interval=0.1)
        for trial in range(trials):
            marker = f"計測用の一文{trial}{time.time_ns()}です。"
            edited = edit(original, marker)
            start = time.perf_counter()
            source.write_text(edited, encoding="utf-8")
            wait_for(url, served(marker), timeout=120)
            times.append(time.perf_counter() - start)
            source.write_text(original, encoding="utf-8")
            wait_for(url, served(marker, present=False), timeout=120)
    return Editing(url_path, times, startup, relative)


def real_site_copy(work: Path) -> Path:
    root = work / "real-site"
    if root.exists():
        shutil.rmtree(root)
    copy_real_site(root)
    return root


def measure_editing(work: Path, trials: int, clause: str = "accuracy") -> Editing:
    """Save a commentary file with a new sentence in 趣旨; time until the served page shows it."""
    root = real_site_copy(work)
    return edit_loop(
        root,
        f"docs/clauses/{clause}.md",
        f"/clauses/{clause}/",
        lambda original, marker: original.replace("## 趣旨\n\n", f"## 趣旨\n\n{marker}\n\n", 1),
        trials,
    )


def measure_edition_editing(work: Path, trials: int) -> Editing:
    """Save the draft edition's file with a new sentence in its first item; time until the draft's page shows it.

    The draft is the edition a clerk edits (a published one is frozen); one is started when the site has none.
    """
    root = real_site_copy(work)
    guideline = load(root, "ja", drafts=True)
    if not guideline.drafts:
        editing.new_edition(root, str(edition_sort_key(guideline.current.name)[0] + 1))
        guideline = load(root, "ja", drafts=True)
    draft = guideline.drafts[-1]
    item = next(p for p in draft.provisions.values() if p.kind == "item")

    def edit(original: str, marker: str) -> str:
        lines = original.split("\n")
        lines[item.line - 1] = lines[item.line - 1].replace(" {#", f"{marker} {{#", 1)
        return "\n".join(lines)

    return edit_loop(root, draft.path, f"/editions/{draft.name}/", edit, trials)


# --- 6. readers ------------------------------------------------------------------------------------------


class _Resources(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel) and a.get("href"):
            self.urls.append(str(a["href"]))
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(str(a["src"]))


def gz(data: bytes) -> int:
    """Bytes on the wire: gzip at nginx's level, small files as they are."""
    return len(data) if len(data) < GZIP_MIN else len(gzip.compress(data, GZIP_LEVEL, mtime=0))


@dataclass(frozen=True)
class Weight:
    html_kb: float  # the page itself, compressed
    assets_kb: float  # its stylesheets, scripts and images, compressed
    raw_html_kb: float

    @property
    def total_kb(self) -> float:
        return self.html_kb + self.assets_kb


def page_weight(site: Path, url: str) -> Weight:
    page = site / url / "index.html"
    data = page.read_bytes()
    parser = _Resources()
    parser.feed(data.decode("utf-8"))
    assets = 0
    for ref in dict.fromkeys(parser.urls):
        if "://" in ref or ref.startswith("//"):
            continue
        target = (page.parent / ref.split("#")[0].split("?")[0]).resolve()
        if target.is_file():
            assets += gz(target.read_bytes())
    return Weight(gz(data) / 1024, assets / 1024, len(data) / 1024)


def search_weight(site: Path, url: str) -> tuple[float, float]:
    """The search worker the page starts and the index it loads, compressed (KB)."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    if "search-ja-setup.js" in page:
        worker = site / "assets" / "search-ja.js"
    else:
        match = re.search(r'"search": "([^"]+)"', page)
        worker = (site / url / match.group(1)).resolve() if match else site / "missing"
    index = search_index(site)
    worker_kb = gz(worker.read_bytes()) / 1024 if worker.is_file() else 0.0
    return worker_kb, (gz(index.read_bytes()) / 1024 if index.is_file() else 0.0)


def search_index(site: Path) -> Path:
    """The index a Japanese reader's first search loads: this site's own (hooks/search_index.py), or Material's."""
    own = site / "search" / "index.ja.json"
    return own if own.is_file() else site / "search" / "search_index.json"


PAGE_TYPES = [
    ("home", ""),
    ("full text", "text/"),
    ("commentary", "clauses/accuracy/"),
    ("checklist", "checklist/"),
    ("glossary", "glossary/"),
    ("revision history", "editions/"),
    ("edition", "editions/1/"),
    ("新旧対照表", "editions/2/compare/"),
]


@dataclass(frozen=True)
class Readers:
    site: str
    pages: list[tuple[str, str, Weight, Weight | None]]  # (type, url, ours, plain Material)
    search_ours: tuple[float, float]
    search_plain: tuple[float, float]


def measure_readers(work: Path, source: Path | None = None) -> Readers:
    """Bytes per page type of a site (the real one by default, drafts shown) and of the same pages as plain Material."""
    page_types = PAGE_TYPES
    name = "the real site (drafts shown, so that a 新旧対照表 exists)"
    if source is None:
        source = work / "real-readers"
        if source.exists():
            shutil.rmtree(source)
        copy_real_site(source)
    else:
        clause = sorted((source / "docs" / "clauses").glob("*.md"))[0].name.split(".")[0]
        page_types = [(n, f"clauses/{clause}/" if n == "commentary" else u) for n, u in PAGE_TYPES]
        name = f"the synthetic guideline {source.name}"
    ours, plain, control = work / "out-readers-ours", work / "out-readers-plain", work / "control-readers"
    build(source, ours, env={"GUIDELINE_DRAFTS": "1"})
    synthetic.plain_control(source, control)
    build(control, plain, strict=False)
    rows = []
    for kind, url in page_types:
        if (ours / url / "index.html").exists():
            theirs = page_weight(plain, url) if (plain / url / "index.html").exists() else None
            rows.append((kind, url, page_weight(ours, url), theirs))
    result = Readers(name, rows, search_weight(ours, ""), search_weight(plain, ""))
    for folder in (ours, plain, control):
        shutil.rmtree(folder, ignore_errors=True)
    return result


# --- the report ------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


def versions() -> str:
    from importlib.metadata import version

    names = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "Markdown")
    return ", ".join(f"{n} {version(n)}" for n in names)


def commit() -> str:
    """The commit measured (read only: rev-parse and status)."""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        git = ["git", "-C", str(ROOT)]
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True, check=True)
        return head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")
    return "unknown"


def ok(passed: bool) -> str:
    return "yes" if passed else "**no**"


@dataclass
class Results:
    plan: Plan
    comparisons: list[Comparison] = field(default_factory=list)
    provisions_series: list[Observed] = field(default_factory=list)
    editions_series: list[Observed] = field(default_factory=list)
    prune: Prune | None = None
    diffs: Diffs | None = None
    editing: Editing | None = None
    edition_editing: Editing | None = None
    readers: Readers | None = None
    seconds: float = 0.0
    command: str = "`make bench` (bench/perf.py)"


def size_label(size: Size) -> str:
    return f"{size[0]:,} provisions × {size[1]} edition{'s' if size[1] > 1 else ''}"


def _build_section(results: Results) -> list[str]:
    out = [
        "## 1. Build time: this project against plain Material",
        "",
        "Target: the hooks add at most 10% (ratio ≤ 1.10) at every size. Sizes are those of the first edition; "
        "the pages are the commentary pages (removed provisions keep theirs), an edition page and a 新旧対照表 "
        "per edition, and five more, in each of the two languages.",
        "",
        "| size | pages per language | pairs of runs | this project, cpu / wall | plain Material, cpu / wall | "
        "ratio, cpu | ratio, wall | peak memory, ours / plain | ≤ 1.10 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :-: |",
    ]
    for c in results.comparisons:
        pages = c.generated.commentary_pages + 2 * c.generated.editions + 4
        ours = f"{statistics.median(r.cpu for r in c.ours):.1f} s / {statistics.median(r.wall for r in c.ours):.1f} s"
        if not c.control:
            out.append(
                f"| {size_label(c.size)} | {pages:,} | — | {ours} | not run by default (see below) | — | — | "
                f"{max(r.peak_mb for r in c.ours):.0f} MB / — | — |"
            )
            continue
        plain = f"{statistics.median(r.cpu for r in c.control):.1f} s / {statistics.median(r.wall for r in c.control):.1f} s"
        peaks = f"{max(r.peak_mb for r in c.ours):.0f} / {max(r.peak_mb for r in c.control):.0f} MB"
        out.append(
            f"| {size_label(c.size)} | {pages:,} | {len(c.control)} | {ours} | {plain} | {c.cpu_ratio:.2f} | "
            f"{c.wall_ratio:.2f} | {peaks} | {ok(c.cpu_ratio <= 1.10)} |"
        )
    out.append("")
    if any(not c.control for c in results.comparisons):
        out += [
            "Plain Material is not built at the largest size by default: there every one of its pages carries a "
            "link to every commentary page, and mkdocs-static-i18n compares every search entry with every other "
            "to remove duplicates, so it takes several times longer than this project. "
            "`bench/perf.py --largest-control` adds one pair.",
            "",
        ]
    return out


def _growth_section(title: str, series: list[Observed], axis: Callable[[Observed], float]) -> list[str]:
    cpu = doubling(series, lambda g: g.run.cpu, axis)
    mem = doubling(series, lambda g: g.run.peak_mb, axis)
    size = doubling(series, lambda g: g.output_mb, axis)
    out = [
        f"## 2. Growth as {title}",
        "",
        "Target: linear, each doubling costs at most 2.2×. The factor is per doubling of the provisions now in "
        "force (or of the editions), between neighbouring rows; the fixed cost of a build makes it smaller at "
        "small sizes. Each row is the fastest of two builds (of three where it was built against plain Material).",
        "",
        "| size | provisions now | build cpu | × per doubling | peak memory | × per doubling | output | × per doubling | "
        "search index | commentary page | its nav links |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for i, g in enumerate(series):
        factors = [f"{f[i - 1]:.2f}" if i else "" for f in (cpu, mem, size)]
        out.append(
            f"| {size_label(g.size)} | {g.generated.provisions:,} | {g.run.cpu:.1f} s | {factors[0]} | "
            f"{g.run.peak_mb:.0f} MB | {factors[1]} | {g.output_mb:.0f} MB | {factors[2]} | {g.search_mb:.1f} MB | "
            f"{g.clause_kb:.0f} KB | {g.nav_links} |"
        )
    worst = max(cpu + size)
    out += ["", f"Worst factor per doubling, time or output: {worst:.2f}; linear: {ok(worst <= 2.2)}.", ""]
    return out


def _prune_section(p: Prune) -> list[str]:
    rows = []
    for label, o in (
        ("without navigation.prune", p.unpruned),
        ("with navigation.prune (the site's setting)", p.pruned),
    ):
        rows.append(f"| {label} | {o.run.cpu:.1f} s | {o.output_mb:.0f} MB | {o.clause_kb:.0f} KB | {o.nav_links} |")
    return [
        "## 3. Navigation: Material's `navigation.prune`",
        "",
        f"{size_label(p.pruned.size)}. Without pruning every page carries a link to every commentary page, so the "
        "site grows with the square of the provisions. With it, and the commentary grouped by chapter (runs of "
        "ten chapters beyond twelve), a page carries the chapters and the pages of its own chapter: Material "
        "never prunes a top-level section, so the grouping is what lets it prune.",
        "",
        "| | build cpu | output | commentary page | its nav links |",
        "| --- | ---: | ---: | ---: | ---: |",
        *rows,
        "",
    ]


def _diffs_section(d: Diffs) -> list[str]:
    total = d.compare_s + d.history_s
    return [
        "## 4. Diffs: every 新旧対照表 and every history",
        "",
        f"{size_label(d.size)}, through the domain package (guideline.model.project.load, guideline.site), "
        "each load comparing afresh; CPU time, the fastest of three. Target: under a second.",
        "",
        "| step | count | time |",
        "| --- | ---: | ---: |",
        f"| load and validate the Japanese sources | 1 | {d.load_s:.2f} s |",
        f"| render every 新旧対照表 | {d.comparisons} | {d.compare_s:.2f} s |",
        f"| render every provision's history | {d.histories:,} | {d.history_s:.2f} s |",
        f"| **comparisons and histories** | | **{total:.2f} s**; under 1 s: {ok(total < 1.0)} |",
        "",
    ]


def _editing_section(loops: list[Editing]) -> list[str]:
    out = [
        "## 5. Editing: from saving a file to the page served",
        "",
        "`mkdocs serve` (drafts shown, as `make serve`) on a copy of the real site; each save writes a new sentence "
        "into the file and is timed until the page serves it (polled every 20 ms). Target: under 2 s.",
        "",
        "| file saved | page | saves | server's first build | median | fastest | slowest | under 2 s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | :-: |",
    ]
    for e in loops:
        median = statistics.median(e.trials)
        out.append(
            f"| {e.source} | {e.page} | {len(e.trials)} | {e.startup_s:.1f} s | {median:.2f} s | "
            f"{min(e.trials):.2f} s | {max(e.trials):.2f} s | {ok(median < 2.0)} |"
        )
    return [*out, ""]


def _readers_section(r: Readers) -> list[str]:
    out = [
        "## 6. Readers: bytes per page, compressed",
        "",
        f"{r.site[0].upper()}{r.site[1:]}, and the same pages as plain Material. gzip level {GZIP_LEVEL}, as "
        "deploy/nginx serves them. A first visit fetches the page and its stylesheets, scripts and images; later "
        "pages come with those cached. Target: a commentary page at most 20 KB more than plain Material.",
        "",
        "| page | this project: page + assets | plain Material: page + assets | difference | page alone, raw |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, url, ours, plain in r.pages:
        theirs = f"{plain.html_kb:.1f} + {plain.assets_kb:.1f} = {plain.total_kb:.1f} KB" if plain else "—"
        diff = f"{ours.total_kb - plain.total_kb:+.1f} KB" if plain else "—"
        if plain and name == "commentary":
            diff += f"; ≤ 20 KB: {ok(ours.total_kb - plain.total_kb <= 20)}"
        out.append(
            f"| {name} `/{url}` | {ours.html_kb:.1f} + {ours.assets_kb:.1f} = {ours.total_kb:.1f} KB | {theirs} | "
            f"{diff} | {ours.raw_html_kb:.0f} KB |"
        )
    out += [
        "",
        f"Search, loaded once per visit: this project's worker {r.search_ours[0]:.1f} KB and index "
        f"{r.search_ours[1]:.1f} KB; plain Material's worker {r.search_plain[0]:.1f} KB and index "
        f"{r.search_plain[1]:.1f} KB (its language files not counted).",
        "",
    ]
    return out


def report(results: Results, when: datetime) -> str:
    out = [
        "# Benchmark: build and reader performance",
        "",
        f"Written by {results.command} on {when:%Y-%m-%d %H:%M} UTC at commit {commit()}; "
        f"the run took {results.seconds / 60:.1f} min.",
        "",
        f"- Machine: {machine()}.",
        f"- Stack: {versions()}.",
        "- Sites: synthetic guidelines from bench/synthetic.py: Japanese and English, every provision explained "
        "(three worked examples, two FAQs, cross-references), each edition after the first rewording about 3%, "
        "inserting 1.5% and deleting 1% of the provisions, built with `mkdocs build --strict`. The control is "
        "the same pages as plain MkDocs + Material with no hooks: commentary pasted in as Markdown with its "
        "provision's text, each edition's Markdown as its page, each 新旧対照表 a plain two-column table; same "
        "theme, features, extensions and plugins.",
        "- Times are CPU seconds (user + system) of the build process, which other work on the machine disturbs "
        "less than wall time; wall time is shown beside. Peak memory is the build's maximum resident set.",
        "- This project keeps Jinja's compiled templates between builds and languages (hooks/build_speed.py, "
        "about 0.2 s a build); plain Material compiles them in every build, as it does by default.",
        "",
    ]
    if results.comparisons:
        out += _build_section(results)
    for title, series, axis in (
        ("provisions double (editions fixed)", results.provisions_series, lambda g: g.generated.provisions),
        ("editions double (provisions fixed)", results.editions_series, lambda g: g.generated.editions),
    ):
        if len(series) >= 2:
            out += _growth_section(title, series, axis)
    if results.prune:
        out += _prune_section(results.prune)
    if results.diffs:
        out += _diffs_section(results.diffs)
    if results.editing:
        out += _editing_section([e for e in (results.editing, results.edition_editing) if e])
    if results.readers:
        out += _readers_section(results.readers)
    return "\n".join(out)


def readme_summary(results: Results, when: datetime) -> str:
    lines = [f"Latest run ({when:%Y-%m-%d}, {os.cpu_count()} cores; every figure in [BENCHMARK.md](BENCHMARK.md)):", ""]
    lines += [
        f"- Build time against plain Material, {size_label(c.size)}: {c.cpu_ratio:.2f}× (target ≤ 1.10)."
        for c in results.comparisons
        if c.control
    ]
    lines += [
        f"- Build of {size_label(c.size)}: {statistics.median(r.cpu for r in c.ours):.0f} s, "
        f"{max(r.peak_mb for r in c.ours):.0f} MB peak memory."
        for c in results.comparisons
        if not c.control
    ]
    if len(results.provisions_series) >= 2:
        series = results.provisions_series
        worst = max(doubling(series, lambda g: g.run.cpu, lambda g: g.generated.provisions))
        lines.append(f"- Growth: build time × {worst:.2f} at most per doubling of the provisions (target ≤ 2.2).")
    if results.diffs:
        d = results.diffs
        lines.append(
            f"- Every 新旧対照表 and history of {size_label(d.size)}: {d.compare_s + d.history_s:.2f} s (target < 1 s)."
        )
    if results.editing:
        median = statistics.median(results.editing.trials)
        lines.append(f"- Saving a commentary file to the page served by `make serve`: {median:.2f} s (target < 2 s).")
    if results.edition_editing:
        median = statistics.median(results.edition_editing.trials)
        lines.append(
            f"- Saving a draft edition's file to its page served by `make serve`: {median:.2f} s (target < 2 s)."
        )
    if results.readers:
        lines += [
            f"- A commentary page with its assets: {ours.total_kb:.0f} KB compressed, "
            f"{ours.total_kb - plain.total_kb:+.1f} KB against plain Material (target ≤ +20 KB)."
            for name, _, ours, plain in results.readers.pages
            if name == "commentary" and plain
        ]
    return "\n".join(lines)


def update_readme(summary: str) -> None:
    """Replace the figures between the README's benchmark markers, if it has them."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n{summary}\n{README_END}{tail}", encoding="utf-8")


def run(plan: Plan, work: Path, log: Callable[[str], None], largest_control: bool = False) -> Results:
    started = time.perf_counter()
    results = Results(plan)
    seen: dict[Size, Observed] = {}
    log("1. build against plain Material")
    for size, pairs in plan.compare.items():
        results.comparisons.append(compare_builds(work, size, pairs, log, seen))
    if plan.largest:
        results.comparisons.append(compare_builds(work, plan.largest, 1 if largest_control else 0, log, seen))
    if plan.provisions_series or plan.editions_series:
        log("2. growth")
        results.provisions_series = [grow(work, s, plan.growth_runs, log, seen) for s in plan.provisions_series]
        results.editions_series = [grow(work, s, plan.growth_runs, log, seen) for s in plan.editions_series]
    log("3. navigation.prune")
    results.prune = measure_prune(work, plan.prune_size, log, seen)
    log("4. diffs")
    results.diffs = measure_diffs(work, plan.diffs_size)
    log(f"  {results.diffs.compare_s + results.diffs.history_s:.2f} s")
    if plan.serve_trials:
        log("5. editing under mkdocs serve")
        results.editing = measure_editing(work, plan.serve_trials)
        log(f"  {', '.join(f'{t:.2f}' for t in results.editing.trials)} s")
        results.edition_editing = measure_edition_editing(work, plan.serve_trials)
        log(f"  edition: {', '.join(f'{t:.2f}' for t in results.edition_editing.trials)} s")
    log("6. readers")
    smallest = min(plan.compare)
    results.readers = measure_readers(work, None if plan.readers_on_real_site else site_for(work, smallest).root)
    results.seconds = time.perf_counter() - started
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the smallest sizes, no server, nothing else written")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARK.md", help="where to write the table")
    parser.add_argument("--work", type=Path, help="where the generated sites go (default: a temporary folder)")
    parser.add_argument(
        "--largest-control", action="store_true", help="also build plain Material at the largest size (adds minutes)"
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    when = datetime.now(UTC)
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        results = run(plan, args.work, log, args.largest_control)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            results = run(plan, Path(tmp), log, args.largest_control)
    if args.largest_control:
        results.command = "`bench/perf.py --largest-control` (`make bench` and one more pair at the largest size)"
    table = report(results, when)
    print(table)
    args.out.write_text(table + "\n", encoding="utf-8")
    if not args.quick:
        update_readme(readme_summary(results, when))
    return 0


if __name__ == "__main__":
    sys.exit(main())
