"""The login gate and the signed-in user in the sidebar (the deployment mode with a login).

Without an ``[auth]`` section the gate lets the local user through at once. With one, nothing of
the dashboard is drawn until the visitor has signed in (``st.login``) and the roles file gives
them a role; a visitor without one sees a message and a way to sign out, nothing else. Every
login and every refused one is in the audit log, once per session.
"""

from __future__ import annotations

import streamlit as st

from dashboard import access, audit
from dashboard.widgets import rendered_md, t, tm


def _refuse(text: str, email: str) -> None:
    """Say why this visitor gets nothing, offer to sign out, and stop the run."""
    if st.session_state.get("_refused") != email:
        audit.record("login_refused", email or "-", user=email or None)
        st.session_state["_refused"] = email
    st.error(text)
    if st.button(t("ui_logout"), key="logout"):
        st.logout()
    st.stop()


def gate() -> access.User:
    """This session's user, or a page that asks to sign in (or says why not) and stops."""
    if not access.has_login():
        st.session_state["_user"] = access.LOCAL
        return access.LOCAL
    st.session_state.pop("_user", None)
    if not st.user.get("is_logged_in", False):
        st.title("Spreiding")
        st.info(t("ui_login_needed"))
        if st.button(t("ui_login"), key="login", type="primary"):
            st.login(access.provider())
        st.stop()
    email = access.signed_in_email()
    if email is None:
        _refuse(t("ui_login_no_email"), "")
    assert email is not None  # _refuse stops the run
    try:
        user = access.role_of(email)
    except access.RolesError as problem:
        _refuse(rendered_md(problem.message), email)
        raise  # _refuse stops the run
    if user is None:
        _refuse(tm("ui_login_unknown", email=email), email)
    assert user is not None  # _refuse stops the run
    if st.session_state.get("_logged_in") != user:
        role = f"{user.role} {user.hospital_id}" if user.hospital_id else user.role
        audit.record("login", role, user=user.email)
        st.session_state["_logged_in"] = user
    st.session_state["_user"] = user
    return user


def signed_in(user: access.User) -> None:
    """Who is signed in, with their role, and a button to sign out (sidebar)."""
    role = t(f"ui_role_{user.role}", hospital=user.hospital_id or "")
    st.caption(tm("ui_signed_in_as", email=user.email, role=role))
    if st.button(t("ui_logout"), key="logout"):
        st.logout()
