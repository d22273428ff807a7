"""`Identities` on a Cognito user pool (the cloud shape), through the admin API with the function's own role.

The app never sees a Cognito password, so `has_password` is False and a deletion is confirmed by the account's
email typed out. Ending the sessions signs the user out everywhere (`AdminUserGlobalSignOut`: refresh tokens stop
working) and records a cut-off (`session_cutoffs`) that the verifier checks, since Cognito's access tokens are
checked without asking Cognito. The user is found by `sub` with `ListUsers` (a filter on `sub` is supported).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any, Protocol

from cvmaker.domain.privacy.model import AccountRecord


class SessionCutoffs(Protocol):
    def cut_off(self, sub: str, now: float) -> int: ...


class CognitoIdentities:
    def __init__(
        self,
        make_client: Callable[[], Any],
        user_pool_id: str,
        cutoffs: SessionCutoffs,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._make_client = make_client
        self.user_pool_id = user_pool_id
        self.cutoffs = cutoffs
        self.clock = clock

    @functools.cached_property
    def client(self) -> Any:
        # Made on first use: boto3 costs a Lambda cold start 100-200 ms, and deletions are rare.
        return self._make_client()

    def _user(self, sub: str) -> dict[str, Any] | None:
        if '"' in sub or "\\" in sub:
            return None  # a verified token's sub never holds these; refuse to build a filter from one that does
        users = self.client.list_users(UserPoolId=self.user_pool_id, Filter=f'sub = "{sub}"', Limit=1)["Users"]
        return dict(users[0]) if users else None

    def account(self, sub: str) -> AccountRecord | None:
        user = self._user(sub)
        if user is None:
            return None
        attributes = {a["Name"]: a["Value"] for a in user.get("Attributes", [])}
        return AccountRecord(sub, attributes.get("email"), user.get("UserCreateDate"))

    def has_password(self, sub: str) -> bool:
        return False

    def check_password(self, sub: str, password: str) -> bool:
        return False  # never asked: `has_password` is False

    def end_sessions(self, sub: str) -> None:
        self.cutoffs.cut_off(sub, self.clock())
        user = self._user(sub)
        if user is not None:
            self.client.admin_user_global_sign_out(UserPoolId=self.user_pool_id, Username=user["Username"])

    def delete(self, sub: str) -> bool:
        user = self._user(sub)
        if user is None:
            return False
        try:
            self.client.admin_delete_user(UserPoolId=self.user_pool_id, Username=user["Username"])
        except self.client.exceptions.UserNotFoundException:
            return False  # deleted meanwhile by a concurrent retry
        return True
