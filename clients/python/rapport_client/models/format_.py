from enum import StrEnum

class Format(StrEnum):
    CSV = "csv"
    ICAL = "ical"
    VCARD = "vcard"

    def __str__(self) -> str:
        return str(self.value)
