"""How Partnerwerk's vocabularies map onto IATI 2.03 code lists (decision 0011).

Sectors: each theme maps to one OECD DAC CRS purpose code (5 digits, sector vocabulary 1);
the theme codes themselves travel as the reporting organisation's own sector vocabulary
(99), so an import restores the themes exactly.
"""

NAMESPACE = "urn:partnerwerk:iati:1"
THEME_VOCABULARY_URI = "urn:partnerwerk:themes"
IATI_VERSION = "2.03"

# ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled,
# 6 suspended.
ACTIVITY_STATUS = {
    "planned": "1",
    "ongoing": "2",
    "completed": "4",
    "cancelled": "5",
    "suspended": "6",
}
ACTIVITY_STATUS_READ = {code: status for status, code in ACTIVITY_STATUS.items()} | {
    "3": "completed"
}

# ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end.
STARTED = ("ongoing", "completed", "suspended", "cancelled")
ENDED = ("completed", "cancelled")

# TransactionType: 1 incoming funds, 2 outgoing commitment, 3 disbursement, 4 expenditure.
# A cash donation and an in-kind contribution are disbursements; the Partnerwerk kind
# travels in the `partnerwerk:kind` attribute so an import restores it.
TRANSACTION_TYPE = {
    "incoming_funds": "1",
    "commitment": "2",
    "disbursement": "3",
    "expenditure": "4",
    "donation": "3",
    "in_kind": "3",
}
TRANSACTION_TYPE_READ = {
    "1": "incoming_funds",
    "2": "commitment",
    "3": "disbursement",
    "4": "expenditure",
    "11": "incoming_funds",
}

BUDGET_TYPE = {"original": "1", "revised": "2"}
BUDGET_STATUS = {"indicative": "1", "committed": "2"}

# OrganisationType: 10 government, 11 local government, 15 other public sector, 22 national
# NGO, 70 private sector, 80 academic, training and research, 90 other.
ORGANISATION_TYPE = {
    "city_office": "11",
    "partner_administration": "11",
    "municipal_company": "15",
    "public_body": "15",
    "programme_operator": "15",
    "funder": "10",
    "university": "80",
    "school": "80",
    "association": "22",
    "religious_community": "22",
    "company": "70",
    "chamber": "90",
}
# The kind an imported organisation gets for each type (the first kind listed above).
ORGANISATION_KIND_READ = {}
for _kind, _code in ORGANISATION_TYPE.items():
    ORGANISATION_KIND_READ.setdefault(_code, _kind)

# Involvement roles that say which IATI role an organisation plays (decision 0011).
INVOLVEMENT_ROLE = {
    "funder": "funding",
    "donor": "funding",
    "lead": "accountable",
    "coordinator": "extending",
    "implementer": "implementing",
    "partner": "implementing",
    "participant": "implementing",
}

# Theme → OECD DAC CRS purpose code (sector vocabulary 1).
THEME_SECTOR = {
    "climate-adaptation": "41010",  # Environmental policy and administrative management
    "climate-protection": "41010",
    "sustainability": "41010",
    "environmental-education": "41081",  # Environmental education/training
    "waste-management": "14050",  # Waste management/disposal
    "water": "14010",  # Water sector policy and administrative management
    "energy": "23110",  # Energy policy and administrative management
    "technology-digitalisation": "22040",  # Information and communication technology
    "digital-administration": "15110",  # Public sector policy and administrative management
    "innovation-ecosystems": "32182",  # Technological research and development
    "health-care": "12220",  # Basic health care
    "gender-equality": "15170",  # Women's rights organisations and government institutions
    "youth-employment": "16020",  # Employment creation
    "employment-promotion": "16020",
    "start-up-promotion": "32130",  # Small and medium-sized enterprises (SME) development
    "economic-promotion": "25010",  # Business policy and administration
    "sustainable-urban-development": "43030",  # Urban development and management
    "youth-exchange": "16061",  # Culture and recreation
    "culture": "16061",
    "humanitarian-aid": "72010",  # Material relief assistance and services
}

RESULT_TYPE = {"output": "1", "outcome": "2", "impact": "3", "other": "9"}
MEASURE = {"unit": "1", "percentage": "2", "nominal": "3", "ordinal": "4", "qualitative": "5"}
PARTICIPANT_ROLE = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}


def reverse(mapping: dict[str, str]) -> dict[str, str]:
    return {code: name for name, code in mapping.items()}
