"""OpenAPI schemas for StreamField blocks, generated from the block definitions themselves.

Each block of a stream becomes ``{"type": "<name>", "id": "<uuid>", "value": <typed value>}``;
the union over ``type`` is discriminated, so generated clients get one class per block. A block
class without a mapping below fails at start-up rather than silently becoming ``Any``.
"""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Literal, Union

from django import forms
from pydantic import Field, create_model
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .media import DocumentOut, ImageOut, PageLinkOut

_registry: dict[str, tuple[type, object]] = {}


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _unique_name(base: str, block) -> str:
    """Schema names must be unique; reuse one when the same block class comes back."""
    key = type(block)
    name = base
    while name in _registry and _registry[name][0] is not key:
        name = name + _camel(type(block).__name__)
    return name


def value_type(block, name: str):
    if isinstance(block, blocks.StreamBlock):
        return list[stream_item_union(block, name)]
    if isinstance(block, blocks.StructBlock):
        model_name = _unique_name(_camel(name) + "Value", block)
        if model_name in _registry:
            return _registry[model_name][1]
        fields = {
            child_name: (
                _optional(child, value_type(child, child_name)),
                Field(
                    description=str(
                        getattr(child.meta, "help_text", None) or child.label or child_name
                    )
                ),
            )
            for child_name, child in block.child_blocks.items()
        }
        model = create_model(model_name, **fields)
        _registry[model_name] = (type(block), model)
        return model
    if isinstance(block, blocks.ListBlock):
        return list[value_type(block.child_block, name + "_item")]
    if isinstance(block, ImageChooserBlock):
        return ImageOut | None
    if isinstance(block, DocumentChooserBlock):
        return DocumentOut | None
    if isinstance(block, blocks.PageChooserBlock):
        return PageLinkOut | None
    if isinstance(block, blocks.RichTextBlock):
        return Annotated[str, Field(description="Sanitised HTML.")]
    if isinstance(block, (blocks.ChoiceBlock,)):
        values = tuple(str(value) for value, _ in block.field.choices if value != "")
        return Literal[values] if values else str
    if isinstance(block, blocks.BooleanBlock):
        return bool
    if isinstance(block, blocks.IntegerBlock):
        return int
    if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
        return float if isinstance(block, blocks.FloatBlock) else Decimal
    if isinstance(block, blocks.DateTimeBlock):
        return datetime
    if isinstance(block, blocks.DateBlock):
        return date
    if isinstance(block, blocks.TimeBlock):
        return time
    if isinstance(
        block,
        (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.EmailBlock, blocks.RegexBlock),
    ):
        return str
    if isinstance(block, blocks.FieldBlock) and isinstance(
        getattr(block, "field", None), forms.CharField
    ):
        return str
    raise TypeError(f"Partner API: no schema for block {type(block).__name__} ({name!r})")


def _optional(block, annotation):
    """Values of optional blocks may be null (choosers, dates, numbers, choices)."""
    if getattr(block, "required", True) or annotation in (str, bool):
        return annotation
    return annotation | None


def stream_item(name: str, block):
    model_name = _unique_name(_camel(name) + "Block", block)
    if model_name in _registry:
        return _registry[model_name][1]
    model = create_model(
        model_name,
        type=(Literal[name], ...),
        id=(str, ...),
        value=(value_type(block, name), ...),
    )
    _registry[model_name] = (type(block), model)
    return model


def stream_item_union(stream_block, name: str = "body"):
    items = tuple(
        stream_item(child_name, child) for child_name, child in stream_block.child_blocks.items()
    )
    if len(items) == 1:
        return items[0]
    return Annotated[Union[items], Field(discriminator="type")]  # noqa: UP007


def body_union(stream_blocks) -> object:
    """The union of the block types of several streams (one entry per distinct block)."""
    items = {}
    for stream_block in stream_blocks:
        for child_name, child in stream_block.child_blocks.items():
            model = stream_item(child_name, child)
            items[model.__name__] = model
    models = tuple(items.values())
    if len(models) == 1:
        return models[0]
    return Annotated[Union[models], Field(discriminator="type")]  # noqa: UP007
