from .countries import Country
from .materials import Material, MaterialFile
from .support_services import SupportService

__all__ = ["Country", "Material", "MaterialFile", "SupportService"]
