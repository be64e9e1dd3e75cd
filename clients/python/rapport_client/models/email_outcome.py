from enum import StrEnum

class EmailOutcome(StrEnum):
    ALREADY_LOGGED = "already_logged"
    LOGGED = "logged"
    NO_CONTACT = "no_contact"

    def __str__(self) -> str:
        return str(self.value)
