from enum import StrEnum

class ChangeOp(StrEnum):
    CREATED = "created"
    DELETED = "deleted"
    MERGED = "merged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
