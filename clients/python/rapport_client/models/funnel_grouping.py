from enum import StrEnum

class FunnelGrouping(StrEnum):
    REFERRER = "referrer"
    RELATIONSHIP_KIND = "relationship_kind"

    def __str__(self) -> str:
        return str(self.value)
