"""A 1 GB video is validated and hashed as a stream: it never sits in memory."""

import hashlib
import tracemalloc

from django.core.files import File

from cms.uploads import Purpose, validate_upload
from tests.support.uploads import MP4

GIB = 1024 * 1024 * 1024
MEMORY_BOUND = 8 * 1024 * 1024  # bytes of Python allocations at the peak; the file is 128× that


def test_one_gigabyte_video_is_checked_in_bounded_memory(tmp_path, settings):
    settings.PROTECT_UPLOAD_MAX_BYTES_BY_PURPOSE = {"video": 2 * GIB}
    path = tmp_path / "awareness.mp4"
    with path.open("wb") as out:  # sparse: real bytes at the start, zeros up to 1 GiB
        out.write(MP4)
        out.truncate(GIB)
    with path.open("rb") as handle:
        expected = hashlib.file_digest(handle, "sha256").hexdigest()

    with path.open("rb") as handle:
        upload = File(handle, name="Awareness video.mp4")
        tracemalloc.start()
        try:
            checked = validate_upload(upload, Purpose.VIDEO)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert upload.tell() == 0  # rewound for the storage that saves it next

    assert checked.size == GIB
    assert checked.sha256 == expected
    assert checked.content_type == "video/mp4"
    print(f"validate_upload peak: {peak / 1e6:.2f} MB for {GIB / 1e9:.2f} GB")
    assert peak < MEMORY_BOUND, f"peak {peak / 1e6:.1f} MB"
