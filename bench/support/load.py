"""Load generation with wrk (Debian's package) and one-off requests for headers."""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

LUA = Path(__file__).with_name("report.lua")
COLD = {"X-Bench-Cold": "1"}


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One request (generous timeout: after a wrk run the workers may still be busy)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=180) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk(url: str, seconds: float, headers: dict | None = None, paths_file=None) -> dict:
    """req/s and latency percentiles (ms) of ``seconds`` of load, 8 connections, one thread."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    command = ["wrk", "-t1", "-c8", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA)]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    if paths_file is not None:
        command += ["--", str(paths_file)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    seconds_run = result["duration_us"] / 1e6
    return {
        "rps": result["requests"] / seconds_run if seconds_run else 0.0,
        "p50": result["p50"] / 1000,
        "p95": result["p95"] / 1000,
        "p99": result["p99"] / 1000,
        "errors": result["socket_errors"] + result["bad_status"],
    }
