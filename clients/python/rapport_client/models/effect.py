from enum import StrEnum

class Effect(StrEnum):
    AGAINST = "against"
    BLOCKS = "blocks"
    FOR = "for"

    def __str__(self) -> str:
        return str(self.value)
