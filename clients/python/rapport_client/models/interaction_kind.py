from enum import StrEnum

class InteractionKind(StrEnum):
    BIRTHDAY_WISH = "birthday_wish"
    CATCH_UP = "catch_up"
    EVENT = "event"
    FAVOR_ASK = "favor_ask"
    GIFT = "gift"
    HANDWRITTEN_NOTE = "handwritten_note"
    HOLIDAY_WISH = "holiday_wish"
    INTRODUCTION_MADE = "introduction_made"
    MEETING = "meeting"
    OFFERED_HELP = "offered_help"
    OTHER = "other"
    OUTCOME_SHARED = "outcome_shared"
    REFERRAL_ASK = "referral_ask"
    REFERRAL_GIVEN = "referral_given"
    SHARED_CONTENT = "shared_content"
    THANKS_RECEIVED = "thanks_received"
    THANKS_SENT = "thanks_sent"

    def __str__(self) -> str:
        return str(self.value)
