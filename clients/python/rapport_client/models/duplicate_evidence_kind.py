from enum import StrEnum

class DuplicateEvidenceKind(StrEnum):
    EMAIL = "email"
    NAME_AND_COMPANY = "name_and_company"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
