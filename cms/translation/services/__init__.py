"""Writes to the translation queue; everything else changes tasks through these modules.

``workflow``    the task state machine: the allowed moves and the one function that makes them
``progress``    tasks of wagtail-localize translations and their segment/word counts
``staleness``   what a changed source does to its translations' tasks
``review``      review and approval
``publishing`` the one review-gated publish of a translation (through its Wagtail workflow)
``assignment``  who works on a task and by when

Reads (``task_for_instance``, ``source_for_instance``, queue listings) are in ``selectors``.
"""
