"""The one home of PROTECT's content languages.

The list itself is data (``languages.json`` beside this file) so that a language can be added or
renamed without touching code. Settings, templates, the API and the subtitle checks all read it
through this module, and everything shown in several languages is ordered by ``sort_key``.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import locale as django_locale

DATA_FILE = Path(__file__).with_name("languages.json")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    native_name: str
    dir: str
    script: str
    default: bool = False

    @property
    def is_rtl(self) -> bool:
        return self.dir == "rtl"

    def lang_info(self) -> dict:
        """The entry Django's ``LANG_INFO`` expects (it lacks several of our codes)."""
        return {
            "bidi": self.is_rtl,
            "code": self.code,
            "name": self.name,
            "name_local": self.native_name,
        }


def _validate(languages: list[Language]) -> None:
    codes = [lang.code for lang in languages]
    if len(codes) != len(set(codes)):
        raise ValueError(f"{DATA_FILE}: duplicate language codes")
    bad_dir = [lang.code for lang in languages if lang.dir not in ("ltr", "rtl")]
    if bad_dir:
        raise ValueError(f"{DATA_FILE}: dir must be ltr or rtl for {', '.join(bad_dir)}")
    if sum(lang.default for lang in languages) != 1:
        raise ValueError(f"{DATA_FILE}: exactly one language must have default=true")


@cache
def all_languages() -> tuple[Language, ...]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))["languages"]
    languages = [Language(**entry) for entry in raw]
    _validate(languages)
    return tuple(languages)


def codes() -> list[str]:
    return [lang.code for lang in all_languages()]


def get(code: str) -> Language | None:
    return _by_code().get(code)


@cache
def _by_code() -> dict[str, Language]:
    return {lang.code: lang for lang in all_languages()}


def sort_key(code: str) -> int:
    """The place of ``code`` in the table, for showing languages in the table's order (unknown
    codes last): ``sorted(codes, key=languages.sort_key)``."""
    return _positions().get(code, len(_positions()))


@cache
def _positions() -> dict[str, int]:
    return {lang.code: index for index, lang in enumerate(all_languages())}


def default() -> Language:
    return next(lang for lang in all_languages() if lang.default)


def rtl_codes() -> list[str]:
    return [lang.code for lang in all_languages() if lang.is_rtl]


def django_languages() -> list[tuple[str, str]]:
    """``settings.LANGUAGES``: English names, as Django's own list uses."""
    return [(lang.code, lang.name) for lang in all_languages()]


def register_with_django() -> None:
    """Teach Django the codes it does not know (prs, ps, ti, so, kmr, mt).

    ``get_language_info`` (admin locale names, templates) raises KeyError for unknown codes, so
    the table's entries are written into ``django.conf.locale.LANG_INFO`` at settings load; the
    table wins over Django's own names so that every screen says the same thing.
    """
    for lang in all_languages():
        django_locale.LANG_INFO[lang.code] = lang.lang_info()
