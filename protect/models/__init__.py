from .awareness import AwarenessPage
from .project import ProjectCountry, ProjectPage, ProjectPartner
from .video import SubtitleImport, VideoPage

__all__ = [
    "AwarenessPage",
    "ProjectCountry",
    "ProjectPage",
    "ProjectPartner",
    "SubtitleImport",
    "VideoPage",
]
