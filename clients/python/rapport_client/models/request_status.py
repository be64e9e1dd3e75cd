from enum import StrEnum

class RequestStatus(StrEnum):
    AGREED = "agreed"
    ASKED = "asked"
    DECLINED = "declined"
    INTRODUCED = "introduced"
    LOST = "lost"
    MEETING_HELD = "meeting_held"
    PLANNED = "planned"
    WITHDRAWN = "withdrawn"
    WON = "won"

    def __str__(self) -> str:
        return str(self.value)
