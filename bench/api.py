"""Benchmark: the partner API under gunicorn at scale, against baselines in the same run.

Run from the checkout: ``.venv/bin/python bench/api.py`` (``make bench``). It builds the scale
dataset (PostgreSQL when DATABASE_URL is set, else SQLite under var/; reused when present),
serves it with gunicorn (2 workers, cms.settings.bench: DEBUG off), loads every path with wrk
cold (cache bypassed), warm and with a matching If-None-Match, repeats the listings and search
on a 1 % dataset, measures recovery after a publish and the workers' memory, prints a table and,
last, one JSON line of ratios. ``BENCH_QUICK=1``: a 10 % dataset and shorter runs.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.support.load import COLD, fetch, wrk  # noqa: E402
from bench.support.server import ROOT, Server, prepare  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
FULL_SCALE, SMALL_SCALE = (0.1 if QUICK else 1.0), 0.01
SECONDS = 2 if QUICK else 5
API = "/api/partner/v1"
# Recovery: throughput back to this share of the warm mix's.
RECOVERED = 0.8
REDIS_DB = "redis://127.0.0.1:6379/7"


def _json(base: str, path: str) -> dict:
    status, _, body = fetch(base + path)
    assert status == 200, (path, status, body[:300])
    return json.loads(body)


def targets(base: str) -> dict:
    """name → path, found through the API itself (ids differ between databases)."""
    video = _json(base, f"{API}/videos/?locale=en&limit=1")["items"][0]["id"]
    pages = _json(base, f"{API}/pages/?locale=ar&type=protect.AwarenessPage&limit=2")["items"]
    english = _json(base, f"{API}/pages/?locale=en&type=protect.AwarenessPage&limit=1")
    deep = max(0, english["count"] - 20)
    return {
        "bare": "/bench/bare/",
        "stock_v2_listing": "/bench/v2/pages/?locale=en&fields=*&limit=20",
        "stock_v2_detail": f"/bench/v2/pages/{video}/",
        "pages_listing": f"{API}/pages/?locale=en&limit=20",
        "pages_listing_deep": f"{API}/pages/?locale=en&limit=20&offset={deep}",
        "pages_fallback_100": f"{API}/pages/?locale=ar&fallback=en&limit=100",
        # The 1 % dataset has ~11 pages: limit=100 answers 100 items at full scale and ~11 at
        # 1 %. Ten items at both scales shows whether the work per answer grows with the data.
        "pages_fallback_10": f"{API}/pages/?locale=ar&fallback=en&limit=10",
        "page_detail": f"{API}/pages/{pages[0]['id']}/?locale=ar",
        "page_by_path": f"{API}/pages/by-path/?path={urlparse(pages[1]['url']).path}",
        "video_detail": f"{API}/videos/{video}/?locale=ar",
        "vtt": f"{API}/videos/{video}/tracks/ar.vtt",
        "materials": f"{API}/materials/?locale=en&kind=information&country=BE",
        "search": f"{API}/pages/?locale=ar&search=violence",
        "changes": f"{API}/changes/?limit=100",
    }


def _queries(base: str, path: str, headers: dict) -> str:
    return fetch(base + path, headers)[1].get("X-Queries", "?")


def measure(base: str, name: str, path: str, mode: str) -> dict:
    headers = {}
    if mode == "cold":
        headers = COLD
    elif mode in ("warm", "304"):
        status, response_headers, _ = fetch(base + path)  # prime the cache
        if mode == "304":
            headers = {"If-None-Match": response_headers.get("ETag", "")}
    row = wrk(base + path, SECONDS, headers)
    print(f"  {name} {mode}: {row['rps']:,.0f} req/s", file=sys.stderr, flush=True)
    return {"name": name, "mode": mode, "queries": _queries(base, path, headers), **row}


def run_full(server: Server) -> tuple[list[dict], dict]:
    base = server.base
    paths = targets(base)
    rows = [measure(base, name, paths[name], "plain") for name in ("bare",)]
    rows += [measure(base, name, paths[name], "plain") for name in paths if "stock" in name]
    partner = [
        name for name in paths if name.startswith(("page", "video", "vtt", "mat", "se", "ch"))
    ]
    for name in partner:
        for mode in ("cold", "warm", "304"):
            if mode != "cold" and name.startswith(("pages_listing_deep", "pages_fallback")):
                continue
            rows.append(measure(base, name, paths[name], mode))
    return rows, paths


def recovery(server: Server, env: dict, paths: dict) -> dict:
    """Warm a realistic mix, publish a page in another process, then watch throughput per
    second until it is back to RECOVERED × warm."""
    base = server.base
    ids = [item["id"] for item in _json(base, f"{API}/pages/?locale=en&limit=100")["items"]]
    locales = [loc["code"] for loc in _json(base, f"{API}/locales/")["items"]]
    mix = [f"{API}/pages/{pk}/?locale={locales[n % len(locales)]}" for n, pk in enumerate(ids)]
    mix += [f"{API}/pages/?locale={code}&limit=20" for code in locales]
    mix += [f"{API}/videos/?locale={code}" for code in locales]
    mix += [paths["video_detail"], paths["vtt"], paths["materials"], paths["changes"]]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(mix))
    for path in mix:
        fetch(base + path)
    warm = wrk(base + "/", SECONDS, paths_file=handle.name)["rps"]
    subprocess.run(
        [sys.executable, "manage.py", "bench_publish"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    started, windows = time.monotonic(), []
    while time.monotonic() - started < (10 if QUICK else 20):
        windows.append(wrk(base + "/", 1, paths_file=handle.name)["rps"])
        if windows[-1] >= RECOVERED * warm:
            break
    os.unlink(handle.name)
    recovered = windows[-1] >= RECOVERED * warm
    return {
        "warm_mix_rps": round(warm),
        "windows_rps": [round(rps) for rps in windows],
        "recovery_seconds": round(time.monotonic() - started, 1) if recovered else None,
        "mix_urls": len(mix),
    }


def run_small(env: dict) -> dict:
    with Server(env) as server:
        paths = targets(server.base)
        return {
            name: wrk(server.base + paths[name], SECONDS, COLD)["p95"]
            for name in ("pages_listing", "pages_fallback_100", "pages_fallback_10", "search")
        }


def _row(rows, name, mode):
    return next(row for row in rows if row["name"] == name and row["mode"] == mode)


def ratios(rows: list[dict], small: dict, recovered: dict, rss: list[float]) -> dict:
    rps = {(row["name"], row["mode"]): row["rps"] for row in rows}
    bare = rps[("bare", "plain")]
    warm = [row for row in rows if row["mode"] in ("warm", "304")]
    worst = min(warm, key=lambda row: row["rps"])
    out = {
        "cold_listing_vs_stock_listing": rps[("pages_listing", "cold")]
        / rps[("stock_v2_listing", "plain")],
        "cold_video_vs_stock_detail": rps[("video_detail", "cold")]
        / rps[("stock_v2_detail", "plain")],
        "worst_warm_or_304_vs_bare": worst["rps"] / bare,
        "worst_warm_or_304": f"{worst['name']} {worst['mode']}",
        "deep_offset_vs_first_page": rps[("pages_listing_deep", "cold")]
        / rps[("pages_listing", "cold")],
        "vtt_cold_vs_bare": rps[("vtt", "cold")] / bare,
        "recovery_seconds": recovered["recovery_seconds"],
        "max_worker_rss_mb": max(rss) if rss else None,
    }
    for name in small:
        full = _row(rows, name, "cold")["p95"]
        out[f"{name}_p95_full_vs_1pct"] = full / small[name] if small[name] else None
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


def table(rows: list[dict]) -> str:
    lines = ["| path | mode | req/s | p50 ms | p95 ms | p99 ms | queries | errors |"]
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['mode']} | {row['rps']:,.0f} | {row['p50']:.1f} | "
            f"{row['p95']:.1f} | {row['p99']:.1f} | {row['queries']} | {row['errors']} |"
        )
    return "\n".join(lines)


def main() -> None:
    small_env = prepare(SMALL_SCALE)
    full_env = prepare(FULL_SCALE)
    if subprocess.run(["redis-cli", "-n", "7", "ping"], capture_output=True).returncode == 0:
        for env in (small_env, full_env):  # one cache for both workers, as in production
            env["REDIS_URL"] = REDIS_DB
    subprocess.run(["redis-cli", "-n", "7", "flushdb"], capture_output=True)
    with Server(full_env) as server:
        rows, paths = run_full(server)
        recovered = recovery(server, full_env, paths)
        rss = server.worker_rss_mb()
    small = run_small(small_env)
    print(f"dataset scale {FULL_SCALE} vs {SMALL_SCALE}; wrk -t1 -c8, {SECONDS}s per row")
    print(table(rows))
    print(f"recovery after a publish: {json.dumps(recovered)}")
    print(f"1 % dataset cold p95 (ms): {json.dumps({k: round(v, 1) for k, v in small.items()})}")
    print(f"worker RSS (MB): {[round(value) for value in rss]}")
    print(json.dumps(ratios(rows, small, recovered, rss)))


if __name__ == "__main__":
    main()
