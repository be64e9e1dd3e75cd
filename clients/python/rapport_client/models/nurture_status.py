from enum import StrEnum

class NurtureStatus(StrEnum):
    DORMANT = "dormant"
    DUE = "due"
    NEVER_CONTACTED = "never_contacted"
    OK = "ok"
    OVERDUE = "overdue"

    def __str__(self) -> str:
        return str(self.value)
