"""Benchmark-only app (installed by ``cms.settings.bench`` alone): the scale dataset and its
``build_bench_data`` command, the stock Wagtail v2 API and a bare JSON view as baselines, and a
middleware that reports queries per request. ``bench/api.py`` drives it; see bench/README.md."""
