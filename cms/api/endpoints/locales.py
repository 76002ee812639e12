from typing import Literal

from ninja import Router, Schema

from cms import languages

router = Router(tags=["Locales"])


class LocaleOut(Schema):
    code: str
    name: str
    native_name: str
    dir: Literal["ltr", "rtl"]
    is_default: bool


class LocaleList(Schema):
    count: int
    items: list[LocaleOut]


@router.get("/locales/", response=LocaleList, operation_id="list_locales")
def list_locales(request):
    """All configured languages, in the order shown to people (not paginated)."""
    items = [
        LocaleOut(
            code=lang.code,
            name=lang.name,
            native_name=lang.native_name,
            dir=lang.dir,
            is_default=lang.default,
        )
        for lang in languages.all_languages()
    ]
    return {"count": len(items), "items": items}
