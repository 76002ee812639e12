"""Translation memory and glossary: approved segment translations kept for re-use (exact and
fuzzy matches), per-locale terminology with QA, TMX/CSV exchange and leverage counts.

A Django app of its own (label ``translation_memory``) inside the translation platform: it
reads the queue's tasks and wagtail-localize's segments; the queue calls it when work is
approved or published and when QA runs."""
