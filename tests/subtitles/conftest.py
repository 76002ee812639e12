"""pytest-django puts the checkout on sys.path; this keeps ``-p no:django`` runs importable."""

import sys
from pathlib import Path

_CHECKOUT = str(Path(__file__).resolve().parents[2])
if _CHECKOUT not in sys.path:
    sys.path.insert(0, _CHECKOUT)
