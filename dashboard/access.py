"""Who uses the dashboard and what they may see (the deployment mode with a login).

Without an ``[auth]`` section in the secrets the dashboard is the local, single-user tool: the
user is ``lokaal`` and sees everything, as before. With one, the user signs in with Streamlit's
own OpenID Connect login (``st.login``) and the *roles file* says who they are:

- ``hospital`` (with its ``hospital_id``): the region's figures, its own uploads and scenarios,
  the scenarios shared with the region, and patient pseudonyms of its own exceptions only;
- ``analyst``: every scenario, no patient pseudonyms;
- ``admin``: everything (and may delete any scenario).

The roles file is named by ``SPREIDING_ROLES``, else by ``roles_file`` in the secrets. It is TOML
(``[[user]]`` tables with ``email``, ``role`` and, for a hospital, ``hospital_id``) or CSV (the
columns ``email,role,hospital_id``). It is read on every page run, so an edit counts at once; a
user who is not in it sees a message and nothing else, and a file that cannot be read lets nobody
in. E-mail addresses are compared without regard to case.
"""

from __future__ import annotations

import csv
import io
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from calculator.errors import SpreidingError
from messages import DEFAULT_LANGUAGE, Message

LOCAL_USER = "lokaal"
ROLES = ("hospital", "analyst", "admin")
ALL = "*"  # a pseudonym scope: every hospital's pseudonyms


@dataclass(frozen=True)
class User:
    """A user of the dashboard: the e-mail they sign in with, their role and, for a hospital
    user, the hospital's id."""

    email: str
    role: str
    hospital_id: str | None = None

    @property
    def reads_all(self) -> bool:
        """Sees every saved scenario (analyst, admin)."""
        return self.role in ("analyst", "admin")

    @property
    def manages_all(self) -> bool:
        """May delete any scenario (admin)."""
        return self.role == "admin"

    @property
    def pseudonyms(self) -> str:
        """Whose patient pseudonyms this user sees: ``*`` (every hospital's), a hospital id (that
        hospital's only) or ``""`` (none)."""
        if self.role == "admin":
            return ALL
        if self.role == "hospital" and self.hospital_id:
            return self.hospital_id
        return ""

    def store_scope(self) -> dict[str, Any]:
        """The scenario store's arguments for this user (see :class:`ScenarioStore`)."""
        return {"owner": self.email, "reads_all": self.reads_all, "manages_all": self.manages_all}


LOCAL = User(LOCAL_USER, "admin")


class RolesError(SpreidingError, ValueError):
    """The roles file cannot be used; ``message`` says why in the reader's language."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.render("en"))

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.message.render(lang)


# --------------------------------------------------------------------------- configuration


def _secrets() -> Any:
    try:
        return st.secrets
    except Exception:  # no secrets file at all
        return {}


def has_login() -> bool:
    """True when the deployment configures a login (an ``[auth]`` section in its secrets)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: the local, single-user tool
        return False


def provider() -> str | None:
    """The ``st.login`` provider: None when ``[auth]`` holds the provider's settings itself,
    else the name of its first provider section (``[auth.microsoft]`` → ``microsoft``)."""
    auth = _secrets().get("auth", {})
    if "client_id" in auth:
        return None
    named = [name for name, value in auth.items() if hasattr(value, "get") and "client_id" in value]
    return named[0] if named else None


def roles_path() -> Path | None:
    """The roles file: ``SPREIDING_ROLES``, else ``roles_file`` in the secrets."""
    named = os.environ.get("SPREIDING_ROLES") or _secrets().get("roles_file")
    return Path(str(named)) if named else None


# --------------------------------------------------------------------------- the roles file


def _problem(path: Path, where: str, detail: str) -> RolesError:
    params = {"path": str(path), "where": where, "detail": detail}
    return RolesError(Message("roles_invalid", params))


def _rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The file's users as (where, fields), where is the TOML table or CSV line."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _problem(path, "", str(exc)) from exc
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(raw))
        missing = {"email", "role"} - set(reader.fieldnames or [])
        if missing:
            raise _problem(path, "1", "columns " + ", ".join(sorted(missing)))
        return [(str(i), dict(row)) for i, row in enumerate(reader, start=2)]
    try:
        document = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise _problem(path, "", str(exc)) from exc
    users = document.get("user", [])
    if not isinstance(users, list) or not all(isinstance(u, dict) for u in users):
        raise _problem(path, "[[user]]", "not a list of tables")
    return [(f"[[user]] {i}", u) for i, u in enumerate(users, start=1)]


def read_roles(path: Path) -> dict[str, User]:
    """Every user of the roles file by e-mail (case folded); RolesError names the first
    problem: an unknown role, a hospital user without a hospital, an e-mail twice."""
    users: dict[str, User] = {}
    for where, row in _rows(path):
        email = str(row.get("email") or "").strip()
        role = str(row.get("role") or "").strip().lower()
        hospital = str(row.get("hospital_id") or "").strip() or None
        if not email or "@" not in email:
            raise _problem(path, where, f"email {email!r}")
        if role not in ROLES:
            raise _problem(path, where, f"role {role!r} (hospital, analyst or admin)")
        if role == "hospital" and hospital is None:
            raise _problem(path, where, "hospital_id is empty")
        if email.casefold() in users:
            raise _problem(path, where, f"{email} twice")
        users[email.casefold()] = User(email, role, hospital if role == "hospital" else None)
    return users


def role_of(email: str) -> User | None:
    """The user with this e-mail in the roles file, or None when they are not in it (or no roles
    file is configured). RolesError when the file cannot be used."""
    path = roles_path()
    if path is None:
        raise RolesError(Message("roles_missing"))
    return read_roles(path).get(email.strip().casefold())


# --------------------------------------------------------------------------- the signed-in user


def signed_in_email() -> str | None:
    """The e-mail of the user signed in with ``st.login``, or None."""
    user = st.user
    if not user.get("is_logged_in", False):
        return None
    claim = user.get("email") or user.get("preferred_username") or user.get("upn")
    return str(claim) if claim else None


def current_user() -> User | None:
    """Who uses this session: the local user without a login; with one, the signed-in user in
    the roles file, else None (not signed in, or not in the roles file)."""
    if not has_login():
        return LOCAL
    email = signed_in_email()
    return role_of(email) if email else None


# --------------------------------------------------------------------------- what a user sees


def mask_pseudonyms(exceptions: pd.DataFrame, scope: str) -> pd.DataFrame:
    """The exceptions with the patient pseudonyms blanked outside ``scope`` (see
    :attr:`User.pseudonyms`): all kept for ``*``, one hospital's rows kept for its id."""
    if scope == ALL or "patient_id" not in exceptions.columns:
        return exceptions
    kept = [
        patient if str(hospital) == scope else None
        for hospital, patient in zip(
            exceptions["hospital_id"], exceptions["patient_id"], strict=True
        )
    ]
    return exceptions.assign(patient_id=pd.Series(kept, index=exceptions.index, dtype=object))
