from .jobs import EXCHANGE_KINDS, JobKind, QueueJob, private_file_path
from .notifications import Notification
from .tasks import SegmentSuggestion, TaskState, TaskTransition, TranslationTask
from .teams import LocalePolicy, LocaleTeam

__all__ = [
    "EXCHANGE_KINDS",
    "JobKind",
    "LocalePolicy",
    "LocaleTeam",
    "Notification",
    "QueueJob",
    "SegmentSuggestion",
    "TaskState",
    "TaskTransition",
    "TranslationTask",
    "private_file_path",
]
