from enum import StrEnum

class ConnectionKind(StrEnum):
    CLIENT_OF = "client_of"
    FAMILY = "family"
    FORMER_COLLEAGUE = "former_colleague"
    FRIEND = "friend"
    INTRODUCED_BY = "introduced_by"
    KNOWS = "knows"
    NEIGHBOR = "neighbor"
    REPORTS_TO = "reports_to"
    WORKS_WITH = "works_with"

    def __str__(self) -> str:
        return str(self.value)
