from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Query, Router, Schema
from pydantic import Field

from ..errors import ApiError
from ..models import ChangeEvent
from ..params import Limit, LocaleParam, locale_chain
from ..schemas.common import ERRORS

router = Router(tags=["Changes"])


class ChangeOut(Schema):
    event: Literal["published", "unpublished", "deleted"]
    type: str = Field(description='Object type, e.g. "protect.AwarenessPage".')
    id: int
    translation_key: UUID = Field(description="Shared by all translations of the object.")
    locale: str
    occurred_at: datetime
    event_id: str = Field(description="Unique id of this event (the same id webhooks carry).")


class ChangeList(Schema):
    count: int = Field(description="Items in this answer.")
    items: list[ChangeOut]
    next_cursor: str = Field(description="Pass as `since` to get what happened after.")
    has_more: bool


def _cursor(value: str | None) -> int:
    if value is None or value == "":
        return 0
    if not value.isdigit() or len(value) > 18:
        raise ApiError(
            400,
            "invalid_cursor",
            f"since: {value!r} is not a cursor. Use the next_cursor of an earlier answer, "
            "or leave since out to start from the beginning.",
        )
    return int(value)


@router.get("/changes/", response={200: ChangeList, **ERRORS}, operation_id="list_changes")
def list_changes(
    request,
    since: Annotated[
        str | None, Query(None, max_length=40, description="A next_cursor; omit to start.")
    ] = None,
    locale: LocaleParam = None,
    limit: Limit = 100,
):
    """Published, unpublished and deleted content since a cursor, oldest first. Unpublished and
    deleted items are tombstones: only their identifiers remain. Without `locale`, events of
    every locale are listed."""
    start = _cursor(since)
    events = ChangeEvent.objects.filter(id__gt=start).order_by("id")
    if locale:
        events = events.filter(locale=locale_chain(request, locale).requested)
    batch = list(events[: limit + 1])
    has_more = len(batch) > limit
    batch = batch[:limit]
    return {
        "count": len(batch),
        "items": [
            {
                "event": event.event,
                "type": event.object_type,
                "id": event.object_id,
                "translation_key": event.translation_key,
                "locale": event.locale,
                "occurred_at": event.occurred_at,
                "event_id": event.event_id,
            }
            for event in batch
        ],
        "next_cursor": str(batch[-1].id if batch else start),
        "has_more": has_more,
    }
