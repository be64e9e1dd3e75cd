from enum import StrEnum

class ResourceType(StrEnum):
    CONNECTION = "connection"
    CONTACT = "contact"
    INTERACTION = "interaction"
    INTRODUCTION = "introduction"
    MEMBER = "member"
    REFERRAL_REQUEST = "referral_request"
    SETTINGS = "settings"
    SNOOZE = "snooze"

    def __str__(self) -> str:
        return str(self.value)
