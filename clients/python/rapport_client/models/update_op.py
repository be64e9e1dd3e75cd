from enum import StrEnum

class UpdateOp(StrEnum):
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
