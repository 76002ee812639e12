"""Cue text markup: WebVTT tags and character references, checked, escaped and stripped.

A cue text line in canonical form has only allowed tags, "&lt;" and "&gt;" for the brackets
and "&amp;" for a lone ampersand, so it can never end a cue, start a tag or hide text. Parsing
and rendering both produce that form, and producing it twice changes nothing.
"""

import html
import re

from .timing import TimestampError, parse_timestamp

ALLOWED_TAGS = frozenset({"c", "i", "b", "u", "v", "lang", "ruby", "rt"})
SRT_TAGS = frozenset({"i", "b", "u"})

# C0 except tab and line feed, DEL and C1; carriage returns are gone by the time this runs.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_SPECIAL = re.compile(r"[<>&{]")
# Lines already in canonical form with the common tags and references, matched in one go so
# that typical cue text skips the token-by-token check. Possessive quantifiers keep a line that
# does not match from backtracking.
_SIMPLE_REFERENCE = r"&(?:amp|lt|gt|nbsp|lrm|rlm|quot|apos);"
_COMMON_REFERENCES = (
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&nbsp;", "\xa0"),
    ("&lrm;", "\u200e"),
    ("&rlm;", "\u200f"),
    ("&amp;", "&"),
)
_RARE_REFERENCE = re.compile(r"&(?!(?:lt|gt|nbsp|lrm|rlm|amp);)")
_CANONICAL_VTT = re.compile(
    r"(?:[^<>&{]++"
    r"|<(?:c|i|b|u|ruby|rt)(?:\.[\w-]+)*+>"
    r"|</(?:c|i|b|u|ruby|rt|v|lang)>"
    r"|<v(?:\.[\w-]+)*+(?:[ \t][^<>=&]*+)?>"
    rf"|{_SIMPLE_REFERENCE})*+"
)
_CANONICAL_SRT = re.compile(rf"(?:[^<>&{{]++|</?[ibu]>|{_SIMPLE_REFERENCE})*+")
# A "<" with its ">" and no other "<" in between; a "<" left over has no end.
_TAG = re.compile(r"<([^<>]*)>")
_NAMED_TAG = re.compile(r"/?[A-Za-z]")
_START_TAG = re.compile(r"([A-Za-z][A-Za-z0-9]*)((?:\.[\w-]+)*)(?:[ \t\f]+(.*))?")
_END_TAG = re.compile(r"/([A-Za-z][A-Za-z0-9]*)[ \t\f]*")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_ATTRIBUTE = re.compile(r"[\w-]+\s*=")
_AMPERSAND = re.compile(r"&(?:(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)?")
# {\an8}, {\i1}: SSA/ASS override codes that SRT players honour and WebVTT would show as text.
_STYLE_CODE = re.compile(r"\{\\[^{}]*\}")
_FONT_TAG = re.compile(r"</?font(?:[ \t][^<>]*)?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z0-9]*)[^<>]*>")
_ARROW = "-->"

_ALLOWED_LIST = "c, i, b, u, v, lang, ruby and rt"


class LineCheck:
    """The outcome of checking one line of uploaded cue text."""

    __slots__ = ("text", "problems", "stripped_style_codes", "stripped_font_tags")

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[tuple[str, str]] = []
        self.stripped_style_codes = False
        self.stripped_font_tags = False


def check_line(line: str, *, srt: bool) -> LineCheck | None:
    """Validate a line of cue text and bring it to canonical form; None for a line that is
    canonical already (most lines, so they cost no object).

    SRT has no escaping, so a stray "<" there is text; in WebVTT it would swallow the rest of
    the line in a player, so it is an error.
    """
    if not _SPECIAL.search(line) or (_CANONICAL_SRT if srt else _CANONICAL_VTT).fullmatch(line):
        return None
    result = LineCheck(line)
    if "{" in line:
        line, count = _STYLE_CODE.subn("", line)
        result.stripped_style_codes = count > 0
    if "<" in line:
        line, count = _FONT_TAG.subn("", line)
        result.stripped_font_tags = count > 0

    parts = []
    position = 0
    for match in _TAG.finditer(line):
        tag = match.group(1)
        if srt and not _NAMED_TAG.match(tag):
            continue  # "<3 you>" is text in SRT, escaped with the text around it
        parts.append(_check_text(line[position : match.start()], srt, result))
        if srt and tag.lower().lstrip("/") in SRT_TAGS:
            tag = tag.lower()  # SRT players take <I> as <i>.
        problem = _tag_problem(tag, srt=srt)
        if problem:
            result.problems.append(problem)
        parts.append(f"<{tag}>")
        position = match.end()
    parts.append(_check_text(line[position:], srt, result))
    result.text = "".join(parts)
    return result


def escape_line(line: str) -> str:
    """Canonical form of any text: allowed tags kept, everything else made literal."""
    line = CONTROL.sub("", line)
    if not _SPECIAL.search(line) or (_CANONICAL_VTT.fullmatch(line) and _ARROW not in line):
        return line
    # Removed as when reading, so that both sides agree on the canonical form.
    line = _FONT_TAG.sub("", _STYLE_CODE.sub("", line))
    parts = []
    position = 0
    for match in _TAG.finditer(line):
        parts.append(_escape_text(line[position : match.start()]))
        valid = _tag_problem(match.group(1), srt=False) is None
        parts.append(match.group(0) if valid else _escape_text(match.group(0)))
        position = match.end()
    parts.append(_escape_text(line[position:]))
    escaped = "".join(parts)
    if _ARROW in escaped:
        # Only a tag can still hold "-->" (a speaker named "a--"): make it all text.
        escaped = _escape_text(line)
    return escaped


def plain_text(line: str) -> str:
    """What a viewer reads: tags removed, character references decoded."""
    if "<" in line:
        line = _ANY_TAG.sub("", line)
    if "&" not in line:
        return line
    if _RARE_REFERENCE.search(line):
        return html.unescape(line)
    # "&amp;" last, so that "&amp;lt;" stays "&lt;".
    for reference, char in _COMMON_REFERENCES:
        line = line.replace(reference, char)
    return line


def srt_text(line: str) -> str:
    """A canonical line for SRT players: <i>, <b> and <u> kept, other tags removed."""
    line = _TAG_NAME.sub(_srt_tag, line)
    return (html.unescape(line) if "&" in line else line).replace(_ARROW, "-- >")


def _srt_tag(match: re.Match[str]) -> str:
    closing, name = match.groups()
    return f"<{closing}{name}>" if name in SRT_TAGS else ""


def _check_text(text: str, srt: bool, result: LineCheck) -> str:
    if "<" in text:
        if not srt:
            result.problems.append(
                ("unclosed_tag", "'<' starts a tag that never ends; write '&lt;' for a literal '<'")
            )
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "&" in text:
        text = _AMPERSAND.sub(lambda match: _check_reference(match, result), text)
    return text


def _check_reference(match: re.Match[str], result: LineCheck) -> str:
    if match.group(1) is None:
        return "&amp;"
    if not _reference_allowed(match.group(1)):
        result.problems.append(
            ("control_character", f"'{match.group(0)}' stands for a control character")
        )
    return match.group(0)


def _escape_text(text: str) -> str:
    text = _AMPERSAND.sub(_escape_reference, text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _escape_reference(match: re.Match[str]) -> str:
    reference = match.group(1)
    if reference is None or not _reference_allowed(reference):
        return "&amp;" + match.group(0)[1:]
    return match.group(0)


def _reference_allowed(reference: str) -> bool:
    if not reference.startswith("#"):
        return True
    number = int(reference[2:], 16) if reference[1] in "xX" else int(reference[1:])
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return False
    return number in (9, 10) or not CONTROL.match(chr(number))


def _tag_problem(tag: str, *, srt: bool) -> tuple[str, str] | None:
    """Why a tag (the text between "<" and ">") is not allowed, as (code, sentence)."""
    shown = f"<{tag}>"
    if srt:
        if tag.lstrip("/") in SRT_TAGS:
            return None
        return "disallowed_tag", f"'{shown}' is not allowed in SRT; only <i>, <b> and <u> are"
    if tag[:1].isdigit():
        try:
            _, comma = parse_timestamp(tag)
        except TimestampError as error:
            return "bad_timestamp", f"timestamp tag {shown}: {error}"
        if comma:
            return "bad_timestamp", f"timestamp tag {shown} must use '.' before the milliseconds"
        return None

    end = _END_TAG.fullmatch(tag)
    start = None if end else _START_TAG.fullmatch(tag)
    if start is None and end is None:
        return "disallowed_tag", _not_allowed(shown, "")
    name, _, annotation = (end.group(1), "", "") if end else start.groups()
    annotation = (annotation or "").strip()
    if name not in ALLOWED_TAGS:
        return "disallowed_tag", _not_allowed(shown, name)
    if _ATTRIBUTE.search(annotation):
        return "disallowed_tag", f"'{shown}' has an HTML attribute; WebVTT tags take none"
    if name == "lang" and not end and not _LANGUAGE_TAG.fullmatch(annotation):
        return "disallowed_tag", f"'{shown}' needs a language code, e.g. <lang en>"
    if annotation and name not in ("v", "lang"):
        return (
            "disallowed_tag",
            f"'{shown}' has text after the tag name; only <v Speaker> and <lang code> take it",
        )
    return None


def _not_allowed(shown: str, name: str) -> str:
    if name.lower() in ALLOWED_TAGS:
        return f"'{shown}' must be written in lower case"
    return (
        f"'{shown}' is not an allowed tag; WebVTT allows {_ALLOWED_LIST} "
        "(write '&lt;' for a literal '<')"
    )
