from tests.support.s3 import s3_down, s3_server  # noqa: F401
