from enum import StrEnum

class IntroductionStatus(StrEnum):
    CONNECTED = "connected"
    LOST = "lost"
    MEETING_SCHEDULED = "meeting_scheduled"
    MET = "met"
    NO_RESPONSE = "no_response"
    PENDING = "pending"
    WON = "won"

    def __str__(self) -> str:
        return str(self.value)
