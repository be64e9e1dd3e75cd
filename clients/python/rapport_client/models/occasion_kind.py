from enum import StrEnum

class OccasionKind(StrEnum):
    BIRTHDAY = "birthday"
    IMPORTANT_DATE = "important_date"

    def __str__(self) -> str:
        return str(self.value)
