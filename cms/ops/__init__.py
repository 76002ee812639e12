"""Running the system: health checks, worker heartbeats, reclaiming abandoned jobs, the
scheduler of periodic work. Knows no content app: periodic jobs are management commands."""
