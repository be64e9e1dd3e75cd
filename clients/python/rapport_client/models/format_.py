from enum import StrEnum

class Format(StrEnum):
    CSV = "csv"
    VCARD = "vcard"

    def __str__(self) -> str:
        return str(self.value)
