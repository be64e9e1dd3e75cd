from enum import StrEnum

class Preset(StrEnum):
    GOOGLE_CONTACTS = "google_contacts"
    HUBSPOT = "hubspot"
    ICAL = "ical"
    LINKEDIN = "linkedin"
    MAPPING = "mapping"
    OUTLOOK = "outlook"
    RAPPORT = "rapport"
    VCARD = "vcard"

    def __str__(self) -> str:
        return str(self.value)
