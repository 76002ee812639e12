from tests.support.s3 import s3_down, s3_server, s3_stoppable  # noqa: F401
