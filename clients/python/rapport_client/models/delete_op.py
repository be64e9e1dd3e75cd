from enum import StrEnum

class DeleteOp(StrEnum):
    DELETE = "delete"

    def __str__(self) -> str:
        return str(self.value)
