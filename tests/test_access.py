"""Login and roles (issue 21, item 5): the roles file, who sees which saved scenario, whose
patient pseudonyms, the ``?werkmap=`` link only for its owner, and the login gate with a user set
as ``st.user`` (AppTest). The real sign-in through an OpenID provider is in the browser test."""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from calculator.validate import load_bytes
from dashboard import state
from dashboard.access import RolesError, User, mask_pseudonyms, read_roles
from dashboard.audit import entries
from dashboard.store import ScenarioStore, StoreError
from tests.conftest import ROOT, SAMPLE
from tests.test_app import all_text, goto, save, upload

APP = str(ROOT / "app.py")
PATIENT = "Patiënt (pseudoniem)"
ROLES = """
[[user]]
email = "anna@rsz.nl"
role = "hospital"
hospital_id = "RSZ"

[[user]]
email = "Bram@MOG.nl"
role = "hospital"
hospital_id = "MOG"

[[user]]
email = "carla@regio.nl"
role = "analyst"

[[user]]
email = "dirk@regio.nl"
role = "admin"
"""
ANNA = User("anna@rsz.nl", "hospital", "RSZ")
BRAM = User("Bram@MOG.nl", "hospital", "MOG")
CARLA = User("carla@regio.nl", "analyst")
DIRK = User("dirk@regio.nl", "admin")
# the settings st.login needs (no provider is contacted in these tests)
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-only-cookie-secret",
    "client_id": "spreiding",
    "client_secret": "test-only-client-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


# --------------------------------------------------------------------------- the roles file


def test_the_roles_file_in_toml_and_csv(tmp_path):
    toml = tmp_path / "rollen.toml"
    toml.write_text(ROLES, encoding="utf-8")
    users = read_roles(toml)
    assert users == {
        "anna@rsz.nl": ANNA,
        "bram@mog.nl": BRAM,  # e-mail addresses are compared without case
        "carla@regio.nl": CARLA,
        "dirk@regio.nl": DIRK,
    }
    csv = tmp_path / "rollen.csv"
    csv.write_text(
        "email,role,hospital_id\nanna@rsz.nl,hospital,RSZ\ncarla@regio.nl,Analyst,\n",
        encoding="utf-8",
    )
    assert read_roles(csv) == {"anna@rsz.nl": ANNA, "carla@regio.nl": CARLA}


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("email,role,hospital_id\nanna@rsz.nl,chef,\n", "2: role 'chef'"),
        ("email,role,hospital_id\nanna@rsz.nl,hospital,\n", "2: hospital_id is empty"),
        ("email,role\na@x.nl,admin\nA@X.nl,analyst\n", "3: A@X.nl twice"),
        ("email,role\nniemand,admin\n", "2: email 'niemand'"),
        ("mail,rol\na@x.nl,admin\n", "1: columns email, role"),
    ],
)
def test_a_roles_file_that_cannot_be_used_names_the_line(tmp_path, content, said):
    path = tmp_path / "rollen.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RolesError) as problem:
        read_roles(path)
    assert said in problem.value.render("en")
    assert "niemand kan inloggen" in problem.value.render("nl")


# --------------------------------------------------------------------------- the store


def summary(hospital: str) -> pd.DataFrame:
    """A scenario's summary of one hospital, as the Scenario page saves it."""
    return pd.DataFrame(
        [
            {
                "hospital_id": hospital,
                "or_utilisation": 0.8,
                "norms_met": 1,
                "norms_total": 2,
                "margin_cents_after": 100,
            }
        ]
    )


def test_who_sees_which_scenario(tmp_path):
    path = tmp_path / "s.sqlite3"
    anna, bram = (ScenarioStore(path, **u.store_scope()) for u in (ANNA, BRAM))
    carla, dirk = (ScenarioStore(path, **u.store_scope()) for u in (CARLA, DIRK))
    anna.save("RSZ eigen", 2025, "manual", "sha", summary("RSZ"))
    bram.save("MOG eigen", 2025, "manual", "sha", summary("MOG"))
    bram.save("MOG gedeeld", 2025, "manual", "sha", summary("MOG"), shared=True)
    carla.save("Analyse", 2025, "optimised", "sha", summary("ACR"))
    assert anna.list()["name"].tolist() == ["MOG gedeeld", "RSZ eigen"]
    assert bram.list()["name"].tolist() == ["MOG eigen", "MOG gedeeld"]
    everything = ["Analyse", "MOG eigen", "MOG gedeeld", "RSZ eigen"]
    assert sorted(carla.list()["name"]) == everything == sorted(dirk.list()["name"])
    listed = carla.list().set_index("name")
    assert (
        listed.loc["MOG gedeeld", "owner"] == "Bram@MOG.nl" and listed.loc["MOG gedeeld", "shared"]
    )
    # every read checks it: another hospital's own scenario is as good as absent
    with pytest.raises(KeyError):
        anna.load("MOG eigen")
    with pytest.raises(KeyError):
        anna.details("MOG eigen")
    assert anna.load("MOG gedeeld")["hospital_id"].tolist() == ["MOG"]
    assert carla.load("RSZ eigen")["hospital_id"].tolist() == ["RSZ"]
    # nobody replaces another's scenario, not even one they may read
    with pytest.raises(StoreError) as taken:
        anna.save("MOG gedeeld", 2025, "manual", "sha", summary("RSZ"))
    assert "van een andere gebruiker" in taken.value.render("nl")
    assert anna.load("MOG gedeeld")["hospital_id"].tolist() == ["MOG"]
    # deleting: the owner and the admin only
    for other in (anna, carla):
        with pytest.raises(StoreError):
            other.delete("MOG eigen")
    assert "MOG eigen" in set(dirk.list()["name"])
    bram.delete("MOG eigen")
    dirk.delete("RSZ eigen")
    assert sorted(dirk.list()["name"]) == ["Analyse", "MOG gedeeld"]


def test_an_older_store_gets_owner_and_shared_and_its_scenarios_stay_local(tmp_path):
    path = tmp_path / "oud.sqlite3"
    with closing(sqlite3.connect(path)) as con:
        con.execute(
            "CREATE TABLE scenario (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
            "saved_at TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, "
            "input_sha256 TEXT NOT NULL, per_hospital TEXT NOT NULL)"
        )
        con.execute(
            "INSERT INTO scenario (name, saved_at, year, kind, input_sha256, per_hospital) "
            "VALUES ('oud', '2025-01-01T00:00:00', 2025, 'manual', 'sha', '[]')"
        )
        con.commit()
    local = ScenarioStore(path)
    assert local.list()[["name", "owner", "shared"]].values.tolist() == [["oud", "lokaal", False]]
    assert ScenarioStore(path, **ANNA.store_scope()).list().empty


# --------------------------------------------------------------------------- pseudonyms


def pseudonyms(frame: pd.DataFrame) -> list[str | None]:
    return [p if isinstance(p, str) else None for p in frame["patient_id"]]


def test_pseudonyms_only_of_the_readers_own_hospital():
    exceptions = pd.DataFrame(
        {
            "hospital_id": ["RSZ", "MOG", "RSZ"],
            "patient_id": ["PS-1", "PS-2", None],
            "kind": ["a", "b", "c"],
        }
    )
    assert pseudonyms(mask_pseudonyms(exceptions, ANNA.pseudonyms)) == ["PS-1", None, None]
    assert pseudonyms(mask_pseudonyms(exceptions, BRAM.pseudonyms)) == [None, "PS-2", None]
    assert pseudonyms(mask_pseudonyms(exceptions, CARLA.pseudonyms)) == [None, None, None]
    assert pseudonyms(mask_pseudonyms(exceptions, DIRK.pseudonyms)) == ["PS-1", "PS-2", None]
    assert pseudonyms(exceptions) == ["PS-1", "PS-2", None]  # the settlement is untouched


# --------------------------------------------------------------------------- the dashboard


@pytest.fixture
def region(tmp_path, monkeypatch):
    """A deployment with a login: its roles file, store and audit log in tmp_path."""
    roles = tmp_path / "rollen.toml"
    roles.write_text(ROLES, encoding="utf-8")
    monkeypatch.setenv("SPREIDING_ROLES", str(roles))
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    monkeypatch.setenv("SPREIDING_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    return tmp_path


def session(email: str | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
    at.run()
    assert not at.exception, at.exception
    return at


def exceptions_frame(at: AppTest) -> pd.DataFrame:
    goto(at, "verrekening")
    return next(d.value for d in at.dataframe if PATIENT in d.value.columns)


def test_nothing_before_signing_in_and_nothing_without_a_role(region):
    visitor = session(None)
    assert [i.value for i in visitor.info] == [
        "Dit dashboard van de regio vraagt om in te loggen met het account van uw ziekenhuis."
    ]
    assert [b.label for b in visitor.button] == ["Inloggen"]
    assert not visitor.sidebar.radio and not visitor.dataframe and not visitor.markdown
    stranger = session("eve@elders.nl")
    assert "eve@elders.nl, maar dit account heeft geen rol" in stranger.error[0].value
    assert [b.label for b in stranger.button] == ["Uitloggen"]
    assert not stranger.sidebar.radio and not stranger.dataframe
    log = entries(region / "audit.sqlite3")
    assert log[["user", "action"]].values.tolist() == [["eve@elders.nl", "login_refused"]]


def test_a_damaged_roles_file_lets_nobody_in(region):
    (region / "rollen.toml").write_text('[[user]]\nemail = "anna@rsz.nl"\nrole = "baas"\n')
    anna = session("anna@rsz.nl")
    assert "rollenbestand" in anna.error[0].value and "niemand kan inloggen" in anna.error[0].value
    assert not anna.dataframe


def sheet_pseudonyms(book: bytes) -> pd.DataFrame:
    """The exceptions sheet's hospital and pseudonym per row."""
    sheet = load_workbook(io.BytesIO(book), read_only=True)["Uitzonderingen"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    top = next(i for i, r in enumerate(rows) if "patiënt (pseudoniem)" in r)
    frame = pd.DataFrame(rows[top + 1 :], columns=rows[top])
    return frame[["ziekenhuis", "patiënt (pseudoniem)"]].dropna(subset=["ziekenhuis"])


def test_pseudonyms_of_the_own_hospital_on_the_page_and_in_the_workbook(region):
    anna = session("ANNA@rsz.nl")
    assert "Ingelogd als anna@rsz.nl (ziekenhuis RSZ)" in all_text(anna)
    assert "Lokaal gebruik" not in all_text(anna)
    patients = exceptions_frame(anna).set_index("Ziekenhuis")[PATIENT]
    assert patients.loc["RSZ"].str.startswith("PS-").all()
    assert (patients.drop("RSZ") == "–").all()  # no other hospital's pseudonyms: a dash
    carla = session("carla@regio.nl")
    assert (exceptions_frame(carla)[PATIENT] == "–").all()  # an analyst sees none
    wb = load_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    # the download: 27 exceptions, 25 with a pseudonym, of which 4 of RSZ (rows of RSZ–ZDL)
    own = sheet_pseudonyms(state.settlement_workbook(wb, wb.sha256, 2025, "combined", "RSZ"))
    assert len(own) == 27 and (own["ziekenhuis"] == "RSZ").sum() == 4
    assert own.dropna()["ziekenhuis"].tolist() == ["RSZ"] * 4


def test_scenarios_and_the_upload_link_belong_to_their_owner(region):
    ScenarioStore(**ANNA.store_scope()).save("RSZ eigen", 2025, "manual", "sha", summary("RSZ"))
    ScenarioStore(**BRAM.store_scope()).save("MOG eigen", 2025, "manual", "sha", summary("MOG"))
    anna = session("anna@rsz.nl")
    goto(anna, "data")
    upload(anna, "rsz.xlsx", SAMPLE.read_bytes())
    link = anna.query_params["werkmap"]
    goto(anna, "scenario")
    anna.toggle(key="planned_shares").set_value(True).run()
    anna.checkbox(key="share_manual").check()
    save(anna, "RSZ gedeeld")
    goto(anna, "vergelijken")
    assert anna.multiselect(key="compare").options == ["RSZ eigen", "RSZ gedeeld"]

    bram = session("bram@mog.nl")
    goto(bram, "vergelijken")
    assert bram.multiselect(key="compare").options == ["MOG eigen", "RSZ gedeeld"]
    assert bram.selectbox(key="delete_name").options[1:] == ["MOG eigen"]  # not Anna's
    # Anna's link opens Anna's workbook for Anna only
    stolen = AppTest.from_file(APP, default_timeout=120)
    stolen.secrets["auth"] = AUTH
    stolen.user = {"is_logged_in": True, "email": "bram@mog.nl"}
    stolen.query_params["werkmap"] = link
    stolen.run()
    assert "hoort bij de werkmap van een andere gebruiker" in all_text(stolen)
    assert "rsz.xlsx" not in all_text(stolen) and "werkmap" not in stolen.query_params
    again = AppTest.from_file(APP, default_timeout=120)
    again.secrets["auth"] = AUTH
    again.user = {"is_logged_in": True, "email": "anna@rsz.nl"}
    again.query_params["werkmap"] = link
    again.run()
    assert "rsz.xlsx" in all_text(again)

    dirk = session("dirk@regio.nl")
    goto(dirk, "vergelijken")
    everything = ["MOG eigen", "RSZ eigen", "RSZ gedeeld"]
    assert sorted(dirk.selectbox(key="delete_name").options[1:]) == everything

    log = entries(region / "audit.sqlite3")
    assert [a for a in log["action"] if a.startswith("login")] == ["login"] * 5  # one a session
    assert log.iloc[0][["user", "action", "subject"]].tolist() == [
        "anna@rsz.nl",
        "login",
        "hospital RSZ",
    ]
    rows = log[["user", "action", "subject"]].values.tolist()
    assert ["Bram@MOG.nl", "upload_not_yours", "rsz.xlsx"] in rows  # as the roles file spells it
    assert ["anna@rsz.nl", "save", "RSZ gedeeld (manual, 2025, shared)"] in rows
