from .jobs import QueueJob
from .notifications import Notification
from .tasks import SegmentSuggestion, TaskState, TaskTransition, TranslationTask
from .teams import LocalePolicy, LocaleTeam

__all__ = [
    "LocalePolicy",
    "LocaleTeam",
    "Notification",
    "QueueJob",
    "SegmentSuggestion",
    "TaskState",
    "TaskTransition",
    "TranslationTask",
]
