"""Build sites and serve them on 127.0.0.1 for tests (the same policy as each page's CSP meta, as a header)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)"')


def build_site(
    config: Path, out: Path, cache: Path | None = None, site_url: str | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    if site_url:  # Material's instant navigation only works on the origin the site was built for
        env["SITE_URL"] = env["SITE_URL_ZH"] = site_url  # the address of this edition (mkdocs.zh.yml reads the second)
    if cache:
        env["MW_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


def build_editions(out: Path, cache: Path | None = None, site_url: str | None = None) -> Path:
    """Both editions of the real site, as `make build` makes them: English into `out`, Chinese into `out/zh`."""
    for config, dest, url in (
        (ROOT / "mkdocs.yml", out, site_url),
        (ROOT / "mkdocs.zh.yml", out / "zh", site_url and site_url + "zh/"),
    ):
        r = build_site(config, dest, cache, url)
        assert r.returncode == 0, f"{config.name}:\n{r.stderr[-3000:]}"
    return out


PROJECT_PARTS = (
    "mkdocs.yml",
    "mkdocs.zh.yml",
    "search-words.zh.txt",
    "docs",
    "docs-zh",
    "data",
    "build_charts",
    "build_pages",
    "overrides",
)


def copy_project(dest: Path) -> Path:
    """A copy of the real project's site sources (not its built site or caches), to build elsewhere."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", ".chart-cache", ".cache", "site")
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy(src, dest / part)
    return dest


def build_site_zensical(project: Path, cache: Path | None = None, site_url: str | None = None) -> Path:
    """Build a project's two editions with Zensical as `make build-zensical` does (prepare, then build and
    finish each edition, the Chinese one into site/zh); return the built folder. Zensical writes to the
    config's `site_dir`, so `project` should be a copy."""
    env = dict(os.environ, PYTHONPATH=str(project))
    if site_url:
        env["SITE_URL"], env["SITE_URL_ZH"] = site_url, site_url + "zh/"
    if cache:
        env["MW_CACHE_DIR"] = str(cache)
    bin_dir = Path(sys.executable).parent
    steps = [
        [sys.executable, "-m", "build_pages", "prepare"],
        [str(bin_dir / "zensical"), "build", "--clean", "--strict"],
        [sys.executable, "-m", "build_pages", "finish", "site", "--lang", "en"],
        [str(bin_dir / "zensical"), "build", "--strict", "-f", "mkdocs.zh.yml"],
        [sys.executable, "-m", "build_pages", "finish", "site/zh", "--lang", "zh"],
    ]
    for cmd in steps:
        r = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=project)
        assert r.returncode == 0, f"{' '.join(cmd)}:\n{r.stdout}\n{r.stderr}"
    return project / "site"


def page_urls(site: Path, charts_only: bool = False) -> list[str]:
    """Site-relative URLs of a built site's pages ("" for the home page), optionally only those with charts."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if not charts_only or 'class="mw-chart"' in p.read_text(encoding="utf-8")
    )


class CSPHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host such as GitHub Pages does (gzip for text, a short cache lifetime);
    an HTML page also gets its own CSP as a response header."""

    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".csv", ".xml", ".txt")

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slashed URL
            path = path / "index.html"
        if (
            path.suffix not in self.COMPRESS
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.exists():
            m = CSP_META.search(path.read_bytes())
            if m:
                self.send_header("Content-Security-Policy", m[1].decode())
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()


class Server:
    """A static server in a thread; `url` ends with a slash."""

    def __init__(self, root: Path):
        root.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(CSPHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.handle_error = lambda request, address: None  # a browser closing a socket early is fine
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium_args() -> list[str]:
    # Debian's chromium on a closed network: no background services, no sandbox as root.
    return [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
