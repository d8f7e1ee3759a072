"""ACLED's regions: the `region` column of its data, by country (ISO 3166-1 alpha-2 codes).

ACLED groups countries into seventeen regions, mostly the United Nations' geographic subregions
(M49) with its own cuts: the Middle East (Western Asia without the Caucasus, with Iran), Caucasus
and Central Asia together, Mexico in Central America, Sudan in Northern Africa, Cyprus in Europe.
A territory ACLED codes under its sovereign (Western Sahara, Greenland) takes the region of where
it lies.
"""

from __future__ import annotations

_REGIONS = {
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Eastern Africa": "BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW",
    "Southern Africa": "BW LS NA SZ ZA",
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Caucasus and Central Asia": "AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Europe": "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS "
              "IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK",
    "North America": "BM CA GL PM US",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT "
                 "VC VG VI",
    "South America": "AR BO BR CL CO EC FK GF GS GY PE PY SR UY VE",
    "Oceania": "AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM "
               "VU WF WS",
    "Antarctica": "AQ BV",
}
#: ACLED's region of each country code.
REGION = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def region(country: str | None) -> str | None:
    """ACLED's region of a country (alpha-2 code); None for an unknown code."""
    return REGION.get(country or "")
