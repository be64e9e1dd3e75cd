from enum import StrEnum

class RelationshipKind(StrEnum):
    CLIENT = "client"
    COLLEAGUE = "colleague"
    FAMILY = "family"
    FORMER_CLIENT = "former_client"
    FRIEND = "friend"
    NEIGHBOR = "neighbor"
    OTHER = "other"
    PROSPECT = "prospect"
    REFERRAL_PARTNER = "referral_partner"

    def __str__(self) -> str:
        return str(self.value)
