from .awareness import AwarenessPage
from .project import ProjectCountry, ProjectPage, ProjectPartner

__all__ = ["AwarenessPage", "ProjectCountry", "ProjectPage", "ProjectPartner"]
