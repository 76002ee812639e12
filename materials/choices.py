"""The fixed vocabularies of the material library (codes are API values; keep them stable).
Countries are the shared vocabulary of ``cms.countries``."""

from django.db import models

from cms import languages


class Kind(models.TextChoices):
    TRAINING = "training", "Training material"
    INFORMATION = "information", "Information material"
    REPORT = "report", "Report"


class Audience(models.TextChoices):
    ADULTS = "adults", "Adults"
    CHILDREN = "children", "Children"
    PROFESSIONALS = "professionals", "Professionals"
    # Roles the training tools name; each implies "professionals".
    SOCIAL_WORKERS = "social-workers", "Professionals: social workers"
    POLICE_OFFICERS = "police-officers", "Professionals: police officers"
    INTERPRETERS = "interpreters", "Professionals: interpreters"
    TEACHERS = "teachers", "Professionals: teachers"
    HEALTH_PROFESSIONALS = "health-professionals", "Professionals: health care professionals"


PROFESSIONAL_ROLES = {
    Audience.SOCIAL_WORKERS,
    Audience.POLICE_OFFICERS,
    Audience.INTERPRETERS,
    Audience.TEACHERS,
    Audience.HEALTH_PROFESSIONALS,
}


class FileFormat(models.TextChoices):
    SCREEN = "screen", "Screen PDF"
    PRINT = "print", "Print PDF"
    ACCESSIBLE = "accessible", "Accessible PDF"


class ServiceAudience(models.TextChoices):
    WOMEN = "women", "Women"
    MEN = "men", "Men"
    CHILDREN = "children", "Children"
    LGBTI = "lgbti", "LGBTI people"


LANGUAGE_CHOICES = languages.django_languages()
