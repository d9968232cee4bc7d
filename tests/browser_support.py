"""Helpers for the browser tests: find chromium, run Jupyter servers that always stop.

Servers run in their own process group, with their state (config, data, IPython,
matplotlib, briefkit's cache) in a scratch folder. They stop when the test's ``with`` block
ends, failed or not (SIGTERM to the group, then SIGKILL), and also when the test process
itself dies: each server asks the kernel to kill it when its parent goes
(``prctl(PR_SET_PDEATHSIG)``), and Jupyter kernels exit when their server does.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# Debian's chromium, headless, with everything that reaches out to the network turned off.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
BIN = Path(sys.executable).parent
PROJECT = Path(__file__).resolve().parents[1]
SCREENSHOTS = Path(os.environ.get("BRIEFKIT_SCREENSHOTS", PROJECT / "build" / "screenshots"))
PR_SET_PDEATHSIG = 1


def find_chromium() -> str | None:
    """The chromium to drive: ``$BRIEFKIT_CHROMIUM``, else Debian's, else one on PATH."""
    for name in (os.environ.get("BRIEFKIT_CHROMIUM"), *CHROMIUM_CANDIDATES):
        if not name:
            continue
        path = name if os.path.isabs(name) else shutil.which(name)
        if path and os.access(path, os.X_OK):
            return path
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child, before exec
    os.setsid()
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def scratch_env(folder: Path, *, cache: Path | None = None) -> dict[str, str]:
    """The environment for a server: every piece of state under ``folder`` (briefkit's cache
    in ``cache`` if given, so that several servers share what they computed)."""
    env = dict(os.environ)
    for name, sub in (("JUPYTER_CONFIG_DIR", "jupyter-config"),
                      ("JUPYTER_DATA_DIR", "jupyter-data"), ("IPYTHONDIR", "ipython"),
                      ("MPLCONFIGDIR", "mpl"), ("BRIEFKIT_CACHE", "cache"),
                      ("BRIEFKIT_BUILD", "build"), ("JUPYTER_RUNTIME_DIR", "runtime")):
        env[name] = str(folder / sub)
        (folder / sub).mkdir(parents=True, exist_ok=True)
    if cache is not None:
        env["BRIEFKIT_CACHE"] = str(cache)
    env["MPLBACKEND"] = "Agg"
    env.pop("JUPYTER_PATH", None)
    # JupyterLab: no news, no update checks (nothing may reach the network)
    labconfig = folder / "jupyter-config" / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    (labconfig / "page_config.json").write_text(json.dumps({"disabledExtensions": {
        "@jupyterlab/apputils-extension:announcements": True}}))
    return env


@dataclass
class Server:
    """A running Jupyter server: its address, token, process and log."""

    url: str
    token: str
    process: subprocess.Popen
    log: Path

    def address(self, path: str = "") -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def tail(self, n: int = 40) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        return ""


def _wait_until_up(server: Server, probe: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited ({server.process.returncode}):\n{server.tail()}")
        with contextlib.suppress(OSError), urllib.request.urlopen(server.address(probe),
                                                                  timeout=5) as reply:
            if reply.status == 200:
                return
        time.sleep(0.5)
    raise TimeoutError(f"server not up after {timeout:.0f} s:\n{server.tail()}")


def stop(process: subprocess.Popen, *, grace: float = 15) -> None:
    """SIGTERM to the server's process group (it shuts its kernels down), then SIGKILL."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


@contextlib.contextmanager
def jupyter_server(kind: str, target: Path, scratch: Path, *, cache: Path | None = None,
                   timeout: float = 120):
    """Run JupyterLab (``kind='lab'``, ``target`` a folder) or Voila (``target`` a notebook)
    on 127.0.0.1 with a free port and a random token; stop it when the block ends."""
    port, token = free_port(), secrets.token_hex(16)
    env = scratch_env(scratch, cache=cache)
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    if kind == "lab":
        command = [str(BIN / "jupyter"), "lab", f"--ServerApp.root_dir={target}",
                   "--ip=127.0.0.1", f"--port={port}", "--no-browser",
                   f"--ServerApp.token={token}", "--ServerApp.password=",
                   "--LabApp.news_url=",
                   "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", *root]
        probe = "/api/status"
    elif kind == "voila":
        command = [str(BIN / "voila"), str(target), "--Voila.ip=127.0.0.1", f"--port={port}",
                   "--no-browser", f"--Voila.token={token}"]
        probe = "/voila/static/favicon.ico"
    else:
        raise ValueError(kind)
    log = scratch / f"{kind}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=scratch, env=env, stdout=out,
                                   stderr=subprocess.STDOUT,
                                   preexec_fn=_die_with_parent)  # noqa: PLW1509 - only prctl
    server = Server(f"http://127.0.0.1:{port}", token, process, log)
    try:
        _wait_until_up(server, probe, timeout)
        yield server
    finally:
        stop(process)


@contextlib.contextmanager
def chromium_page(executable: str, user_data: Path, *, width: int = 1400, height: int = 1000):
    """A fresh headless chromium (its own profile) and one page; records what scripts do.

    ``page.events`` collects dialogs (dismissed at once), console messages and page errors.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(user_data), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height}, timeout=60_000)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(60_000)
            events: list[str] = []
            page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
            page.on("console", lambda m: events.append(f"console.{m.type}: {m.text}"))
            page.on("pageerror", lambda e: events.append(f"pageerror: {e}"))
            page.events = events
            yield page
        finally:
            context.close()


def notebook_copy(source: Path, folder: Path, *, parameters: dict | None = None,
                  dashboard: bool = False) -> Path:
    """A copy of a notebook with the kernel named and parameters set (the original is never
    opened by a server: JupyterLab saves what it runs)."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    if dashboard:  # what `make dashboard` serves: the notebook without its exercises
        from briefkit.exercises import dashboard_notebook

        nb = dashboard_notebook(nb)
    nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}
    if parameters:
        cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
        lines = "".join(cell["source"]).rstrip("\n") + "\n"
        lines += "".join(f"{k} = {v!r}\n" for k, v in parameters.items())
        cell["source"] = lines
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / source.name
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


def screenshot(page_or_locator, name: str) -> Path:
    """Save a PNG under build/screenshots/ (``BRIEFKIT_SCREENSHOTS`` moves it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page_or_locator.screenshot(path=str(path))
    return path
