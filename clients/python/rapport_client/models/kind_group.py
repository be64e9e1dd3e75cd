from enum import StrEnum

class KindGroup(StrEnum):
    ASK = "ask"
    GIVE = "give"
    NEUTRAL = "neutral"

    def __str__(self) -> str:
        return str(self.value)
