"""Lets bulk writers (machine translation, imports) switch off per-segment task bookkeeping and
recount once at the end instead of once per segment."""

import threading
from contextlib import contextmanager

_state = threading.local()


def is_batched() -> bool:
    return getattr(_state, "depth", 0) > 0


@contextmanager
def batched():
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1
