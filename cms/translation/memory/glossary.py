"""Glossary terms in a segment: where they occur in the source (for highlighting) and what
QA says about the translation (see ``models.GlossaryTerm`` for each status's rule).

Terms match as whole words, ignoring case, in the normalised text; a do-not-translate term must
reappear exactly as written in the glossary (``PROTECT``, ``116 000``)."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.issues import BLOCKING, WARNING, Issue

from .models import GlossaryTerm, TermStatus
from .text import normalise


def terms_for(locale_id) -> list[GlossaryTerm]:
    return list(GlossaryTerm.objects.filter(locale_id=locale_id).order_by("-term"))


@lru_cache(maxsize=4096)
def _pattern(word: str, case=False) -> re.Pattern:
    # Whole words: not inside a longer word or number ("112" is not in "1120").
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", 0 if case else re.IGNORECASE)


def occurs(word: str, text: str, *, case=False) -> bool:
    return bool(word) and _pattern(word, case).search(text) is not None


def in_source(source: str, terms) -> list[GlossaryTerm]:
    plain = normalise(source)
    return [t for t in terms if t.status != TermStatus.FORBIDDEN and occurs(t.term, plain)]


def check(source: str, target: str, terms) -> list[Issue]:
    """Glossary issues of one translated segment."""
    plain_source, plain_target = normalise(source), normalise(target)
    issues = []
    for term in terms:
        if term.status == TermStatus.FORBIDDEN:
            if occurs(term.translation, plain_target):
                issues.append(
                    Issue(
                        None,
                        "glossary_forbidden",
                        f"“{term.translation}” must not be used ({term.notes or 'forbidden term'}"
                        f"{'; use “' + term.term + '”' if term.term else ''}).",
                        BLOCKING,
                    )
                )
        elif not occurs(term.term, plain_source):
            continue
        elif term.status == TermStatus.DO_NOT_TRANSLATE:
            if not occurs(term.term, plain_target, case=True):
                issues.append(
                    Issue(
                        None,
                        "glossary_keep",
                        f"“{term.term}” must stay as it is (do not translate).",
                        BLOCKING,
                    )
                )
        elif term.translation and not occurs(term.translation, plain_target):
            issues.append(
                Issue(
                    None,
                    "glossary_term",
                    f"The glossary translates “{term.term}” as “{term.translation}”.",
                    WARNING,
                )
            )
    return issues


def highlight(source: str, terms) -> str:
    """The source as safe HTML with its glossary terms marked, the approved rendering in the
    title (longest terms first, so "116 006" wins over "116")."""
    html = escape(normalise(source))
    found = sorted(in_source(source, terms), key=lambda t: -len(t.term))
    if not found:
        return mark_safe(html)  # noqa: S308 - escaped above
    by_word = {t.term.lower(): t for t in reversed(found)}
    alternatives = "|".join(re.escape(escape(t.term)) for t in found)
    pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)

    def mark(match):
        term = by_word.get(match.group(1).lower())
        if term is None:
            return match.group(0)
        hint = (
            "do not translate"
            if term.status == TermStatus.DO_NOT_TRANSLATE
            else f"→ {term.translation}"
        )
        note = f" ({term.notes})" if term.notes else ""
        return (
            f'<mark class="glossary-term glossary-{term.status}" '
            f'title="{escape(hint + note)}" data-translation="{escape(term.translation)}">'
            f"{match.group(1)}</mark>"
        )

    return mark_safe(pattern.sub(mark, html))  # noqa: S308 - parts escaped above
