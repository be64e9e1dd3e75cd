from enum import StrEnum

class EvidenceSource(StrEnum):
    INTRODUCTION_GIVEN = "introduction_given"
    INTRODUCTION_RECEIVED = "introduction_received"
    MET_THROUGH = "met_through"
    SAME_COMPANY = "same_company"

    def __str__(self) -> str:
        return str(self.value)
