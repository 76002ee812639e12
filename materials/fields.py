"""ChoiceListField: several codes from a fixed vocabulary in one column, filterable everywhere."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.TextField):
    """A list of choice codes stored as ``,a,b,``.

    The delimiters at both ends make ``field__contains=",a,"`` an exact membership test on
    SQLite and PostgreSQL alike (use ``contains_code``). Python sees a list of codes in the
    order of the vocabulary.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        kwargs.pop("default", None)
        return name, path, args, kwargs

    @property
    def codes(self) -> list[str]:
        return [code for code, _label in self.item_choices]

    def _ordered(self, values) -> list[str]:
        values = set(values)
        return [code for code in self.codes if code in values] + sorted(values - set(self.codes))

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return self._ordered(part for part in value.split(",") if part)
        return self._ordered(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        if isinstance(value, str):  # a lookup value such as ",children,"
            return value
        codes = self.to_python(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        unknown = [code for code in value or [] if code not in self.codes]
        if unknown:
            raise ValidationError(
                "Unknown value(s): %(unknown)s.", params={"unknown": ", ".join(unknown)}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name.capitalize()),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def contains_code(field_name: str, code: str) -> models.Q:
    """Q matching rows whose ChoiceListField ``field_name`` holds ``code``."""
    return models.Q(**{f"{field_name}__contains": f",{code},"})
