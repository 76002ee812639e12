"""The Django project (settings, urls, wsgi), the platform apps that are not content
(``api``, ``translation``, ``webhooks``, ``uploads``) and the shared primitives every app reads
(``languages``, ``countries``, ``visibility``, ``fallback``, ``issues``, ``subtitles``).
See docs/architecture.md."""
