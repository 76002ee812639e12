from .awareness import AwarenessPage
from .project import ProjectCountry, ProjectPage, ProjectPartner
from .video import SubtitleImport, TrackFile, VideoPage

__all__ = [
    "AwarenessPage",
    "ProjectCountry",
    "ProjectPage",
    "ProjectPartner",
    "SubtitleImport",
    "TrackFile",
    "VideoPage",
]
