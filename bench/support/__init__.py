"""Helpers of the HTTP benchmark (bench/api.py): databases and gunicorn, wrk runs."""
