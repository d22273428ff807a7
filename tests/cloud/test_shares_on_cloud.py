"""Share links on the cloud shape (DynamoDB, S3 and Cognito on moto's server): a password-protected link of a CV
opened signed out, its PDF read back from S3, the view and the download counted with DynamoDB's ADD, and a
revoked link answering 404; the fixture fails the test on any Scan."""

from __future__ import annotations

from starlette.testclient import TestClient

from cvmaker.domain.clock import utc_now
from tests.cloud.conftest import CloudApi
from tests.shares.support import REVOKE_LINK, create_cv, links, path_of, share


def test_a_password_protected_link_is_opened_counted_and_revoked(api: CloudApi) -> None:
    cv_id = create_cv(api)
    link = share(api, cvId=cv_id, password="correct horse")
    assert link["__typename"] == "ShareLink", link
    assert share(api, token="token-bob", cvId=cv_id)["__typename"] == "NotFoundError"
    visitor = TestClient(api.client.app)
    assert 'type="password"' in visitor.get(path_of(link)).text
    assert visitor.post(path_of(link), data={"password": "wrong horse"}).status_code == 404
    visitor.post(path_of(link), data={"password": "correct horse"}, follow_redirects=False)
    page = visitor.get(path_of(link))
    assert page.status_code == 200 and "Ada Lovelace" in page.text and "ada@example.com" not in page.text
    pdf = visitor.get(path_of(link) + "/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    today = utc_now().date().isoformat()
    (found,) = links(api, cv_id)
    assert (found["views"], found["downloads"]) == ([{"day": today, "count": 1}], [{"day": today, "count": 1}])
    assert links(api, cv_id, token="token-bob") == []
    assert api.data(REVOKE_LINK, {"id": link["id"]})["revokeShareLink"]["revoked"] is True
    assert visitor.get(path_of(link)).status_code == 404
