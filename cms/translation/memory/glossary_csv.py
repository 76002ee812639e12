"""Glossary as CSV (UTF-8, header row): locale, term, translation, status, part_of_speech,
notes. Export then import gives the same terms back; import is all or nothing and names the
line of the first problem."""

import csv
import io

from django.db import transaction
from wagtail.models import Locale

from ..exchange.xliff import ExchangeError
from .models import GlossaryTerm, TermStatus

COLUMNS = ["locale", "term", "translation", "status", "part_of_speech", "notes"]
MAX_BYTES = 5 * 1024 * 1024


def export(terms) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for term in terms.select_related("locale").order_by("locale__language_code", "term", "pk"):
        writer.writerow(
            [
                term.locale.language_code,
                term.term,
                term.translation,
                term.status,
                term.part_of_speech,
                term.notes,
            ]
        )
    return out.getvalue().encode("utf-8")


def read(data: bytes, name="file", allowed_locale_ids=None) -> list[GlossaryTerm]:
    """Checked, unsaved terms; ExchangeError names the line of the first problem."""
    if not data.strip():
        raise ExchangeError(f"{name}: the file is empty.")
    if len(data) > MAX_BYTES:
        raise ExchangeError(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB.")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeError(f"{name}: not UTF-8 text (byte {error.start}).") from error
    reader = csv.DictReader(io.StringIO(content, newline=""))
    missing = [c for c in ("locale", "term", "status") if c not in (reader.fieldnames or [])]
    if missing:
        raise ExchangeError(f"{name}, line 1: missing column(s) {', '.join(missing)}.")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    statuses = set(TermStatus.values)
    terms = []
    for row in reader:
        where = f"{name}, line {reader.line_num}"
        code, status = (row.get("locale") or "").strip(), (row.get("status") or "").strip()
        term, translation = (row.get("term") or "").strip(), (row.get("translation") or "").strip()
        if code not in locales:
            raise ExchangeError(f"{where}: “{code}” is not a language of this site.")
        if allowed_locale_ids is not None and locales[code].pk not in allowed_locale_ids:
            raise ExchangeError(f"{where}: you may not change the “{code}” glossary.")
        if status not in statuses:
            raise ExchangeError(f"{where}: status must be one of {', '.join(sorted(statuses))}.")
        if not term and status != TermStatus.FORBIDDEN:
            raise ExchangeError(f"{where}: the term is empty.")
        if status == TermStatus.FORBIDDEN and not translation:
            raise ExchangeError(f"{where}: a forbidden term needs the forbidden translation.")
        if len(term) > 200 or len(translation) > 200:
            raise ExchangeError(f"{where}: term and translation hold at most 200 characters.")
        terms.append(
            GlossaryTerm(
                locale=locales[code],
                term=term,
                translation=translation,
                status=status,
                part_of_speech=(row.get("part_of_speech") or "").strip()[:40],
                notes=(row.get("notes") or "").strip(),
            )
        )
    return terms


@transaction.atomic
def save(terms) -> tuple[int, int]:
    """(created, updated): a term with the same locale, term, status and translation is
    updated (part of speech, notes)."""
    created = updated = 0
    for term in terms:
        _, made = GlossaryTerm.objects.update_or_create(
            locale=term.locale,
            term=term.term,
            status=term.status,
            translation=term.translation,
            defaults={"part_of_speech": term.part_of_speech, "notes": term.notes},
        )
        created, updated = created + made, updated + (not made)
    return created, updated
