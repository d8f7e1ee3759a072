"""An analyst corrects an event's type, date, place, fatalities, actor and target; the
corrections apply to every listing and export and survive re-analysis
(crossbearing/event_corrections.py, `crossbearing correct event`)."""

import io
import shutil

import pytest
from click.testing import CliRunner

from crossbearing.cli import cli
from crossbearing.corpus.run import run_corpus
from crossbearing.errors import UsageError
from crossbearing.event_corrections import event_value
from crossbearing.export import EXPORTERS
from crossbearing.store import open_store


@pytest.fixture
def seeds_copy(analysed_seeds, tmp_path):
    copy = tmp_path / "seeds.db"
    shutil.copy(analysed_seeds, copy)
    return copy


def jordan_attack(store):
    return next(e for e in store.events.all() if e.event_type == "air_drone_strike"
                and e.date_start == "2024-01-28")


def test_corrected_fields_show_everywhere_and_survive_reanalysis(seeds_copy):
    with open_store(seeds_copy) as store:
        event_id = jordan_attack(store).event_id
    result = CliRunner().invoke(cli, [
        "correct", "event", event_id[:9], "--db", str(seeds_copy), "--place", "Tower 22",
        "--actor", "Islamic Resistance in Iraq", "--target", "us-armed-forces",
        "--fatalities", "3", "--date", "2024-01-28", "--note", "the Tower 22 attack"])
    assert result.exit_code == 0, result.output
    for rerun in (False, True):
        with open_store(seeds_copy) as store:
            if rerun:
                run_corpus(store)  # the events are computed again: the corrections hold
            event = next(e for e in store.events.all() if e.event_id == event_id)
            assert event.place_id == "site:tower-22" and event.fatalities == 3
            roles = {(p["role"], p["actor_id"]) for p in event.detail["participants"]}
            assert ("actor", "islamic-resistance-in-iraq") in roles
            assert ("target", "us-armed-forces") in roles
            assert not [r for r, a in roles if r in ("target", "victim") and a != "us-armed-forces"]
            assert event.detail["corrected"] == ["actor", "date", "fatalities", "place",
                                                    "target"]
            acled = io.StringIO()
            EXPORTERS["acled-csv"](store, acled)
            row = next(line for line in acled.getvalue().splitlines() if event_id in line)
            assert "Islamic Resistance in Iraq" in row and "Tower 22" in row


def test_a_corrected_type_brings_its_codes(seeds_copy):
    with open_store(seeds_copy) as store:
        event_id = jordan_attack(store).event_id
        store.corrections.add_override("event-type", event_id, "shelling")
        event = next(e for e in store.events.all() if e.event_id == event_id)
    assert event.event_type == "shelling" and event.family == "violent"
    assert event.detail["acled_sub_event_type"] == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("kind, value", [
    ("event-type", "picnic"), ("event-date", "2024-02-30"), ("event-date", "Feb 7"),
    ("event-place", "Atlantis of the North"), ("event-fatalities", "-3"),
    ("event-actor", "Nobody Known Group"),
])
def test_a_correction_that_cannot_be_right_is_refused_with_its_reason(kind, value):
    with pytest.raises(UsageError):
        event_value(kind, value)


def test_an_unknown_event_id_is_a_usage_error_and_changes_nothing(seeds_copy):
    result = CliRunner().invoke(cli, ["correct", "event", "ev-ffffffff", "--db",
                                      str(seeds_copy), "--fatalities", "2"])
    # (the command line's main says so and exits 2: tests/test_cli.py)
    assert result.exit_code != 0 and "no event" in result.output + str(result.exception)
    with open_store(seeds_copy) as store:
        assert store.corrections.event_corrections() == []
