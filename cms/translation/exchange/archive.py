"""Reading an uploaded zip of XLIFF/PO files without trusting it.

The compressed size says nothing about what a zip holds (a 0.6 MB zip can expand to 600 MB), so
the caps are on the entry count and the *uncompressed* bytes. The sizes in the zip's directory
can lie too, so every entry is streamed through a counter that stops at the cap.
"""

import io
import zipfile

from .xliff import ExchangeError

MAX_ENTRIES = 500
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024
EXTENSIONS = (".xlf", ".xliff", ".po")


def is_zip(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))


def _limit_mb() -> int:
    return MAX_UNCOMPRESSED_BYTES // 1024 // 1024


def read_members(upload_name: str, data: bytes) -> list[tuple[str, bytes]]:
    """``[(name, bytes)]`` of the zip's .xlf/.po members (a PO beside its XLIFF twin is the same
    content: the XLIFF wins). Raises ExchangeError on an oversized or broken archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ExchangeError(f"{upload_name}: not a readable zip ({error}).") from error
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ExchangeError(
                f"{upload_name}: the zip holds {len(infos)} entries; at most {MAX_ENTRIES} "
                "are accepted. Split it into several uploads."
            )
        wanted = [i for i in infos if not i.is_dir() and i.filename.endswith(EXTENSIONS)]
        declared = sum(info.file_size for info in wanted)
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise ExchangeError(
                f"{upload_name}: the files in the zip add up to {declared // 1024 // 1024} MB "
                f"uncompressed; at most {_limit_mb()} MB are accepted."
            )
        stems = {i.filename.rsplit(".", 1)[0] for i in wanted if not i.filename.endswith(".po")}
        wanted = [
            i for i in wanted if not (i.filename.endswith(".po") and i.filename[:-3] in stems)
        ]
        if not wanted:
            raise ExchangeError(f"{upload_name}: the zip holds no .xlf or .po files.")
        budget = [MAX_UNCOMPRESSED_BYTES]
        return [
            (info.filename, _read_capped(archive, info, upload_name, budget)) for info in wanted
        ]


def _read_capped(archive, info, upload_name: str, budget: list[int]) -> bytes:
    """One member, streamed; ``budget`` holds the bytes left for the whole archive."""
    parts = []
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise ExchangeError(
                        f"{upload_name}: {info.filename} expands beyond the {_limit_mb()} MB "
                        "accepted for the whole zip."
                    )
                parts.append(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise ExchangeError(f"{upload_name}: {info.filename} cannot be read ({error}).") from error
    return b"".join(parts)
