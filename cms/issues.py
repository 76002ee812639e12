"""``Issue``: one problem found in content someone supplied (a subtitle file, a translation),
said so that a person can fix it: where (``line``, when the content has lines), what
(``code``, stable for programs), the sentence to show (``message``) and how bad (``level``:
``BLOCKING`` stops the upload or the approval, ``WARNING`` is shown and let through)."""

from dataclasses import dataclass

BLOCKING, WARNING = "blocking", "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    line: int | None
    code: str
    message: str
    level: str = BLOCKING

    def __str__(self) -> str:
        return self.message
