"""File-name hygiene: what an uploaded file may be called once it is ours."""

import re
import unicodedata

# Characters that reorder or hide text (bidi overrides, zero-width marks…) are Unicode format
# characters (category Cf). ZWNJ and ZWJ are kept: Persian and Kurdish words need them.
_KEEP_FORMAT = {"\u200c", "\u200d"}
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
_UNSAFE = re.compile(r'[<>:"|?*\s]+')
# Names Windows refuses whatever the extension (CON.pdf is still CON).
WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
# Extensions that make a file dangerous when they hide inside a name ("leaflet.html.pdf").
RISKY_EXTENSIONS = {
    "app", "asp", "aspx", "bat", "cgi", "cmd", "com", "cpl", "dll", "exe", "hta", "htm", "html",
    "jar", "js", "jse", "jsp", "lnk", "mht", "msi", "php", "phtml", "pl", "ps1", "py", "rb",
    "reg", "scr", "sh", "shtml", "svg", "svgz", "swf", "vbe", "vbs", "wsf", "xht", "xhtml", "xml",
    "pdf", "vtt", "srt", "jpg", "jpeg", "png", "gif", "webp", "mp4", "webm", "zip", "doc",
    "docx",
}  # fmt: skip
MAX_STEM_LENGTH = 100


def sanitize_filename(raw: str) -> str:
    """A safe, storable version of an uploaded file's name.

    Drops any directory part (``../../x``, ``C:\\x``), control and bidi characters and NUL,
    replaces characters that file systems or shells treat specially, trims leading and trailing
    dots and spaces, defuses Windows reserved names and shortens long names. The extension is
    lower-cased. Never returns an empty name.
    """
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        ch for ch in name if ch in _KEEP_FORMAT or unicodedata.category(ch) not in _DROP_CATEGORIES
    )
    name = _UNSAFE.sub("-", name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = stem.strip(" .-") or "file"
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = f"_{stem}"
    stem = stem[:MAX_STEM_LENGTH].rstrip(" .-")
    extension = extension.strip(" .-").lower()[:10]
    return f"{stem}.{extension}" if extension else stem


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def hidden_extensions(name: str) -> list[str]:
    """Extensions before the last one that could change how the file is treated."""
    parts = name.split(".")[1:-1]
    return [part for part in parts if part.lower() in RISKY_EXTENSIONS]
