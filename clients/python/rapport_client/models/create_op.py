from enum import StrEnum

class CreateOp(StrEnum):
    CREATE = "create"

    def __str__(self) -> str:
        return str(self.value)
