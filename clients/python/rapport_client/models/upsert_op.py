from enum import StrEnum

class UpsertOp(StrEnum):
    UPSERT = "upsert"

    def __str__(self) -> str:
        return str(self.value)
