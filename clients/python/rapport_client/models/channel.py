from enum import StrEnum

class Channel(StrEnum):
    EMAIL = "email"
    EVENT = "event"
    IN_PERSON = "in_person"
    LETTER = "letter"
    PHONE = "phone"
    SOCIAL = "social"
    TEXT = "text"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
