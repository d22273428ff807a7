"""The web app's run-time configuration follows the settings."""

from api.settings import Settings
from api.web_config import web_config


def test_local_shape_signs_in_with_the_local_issuer() -> None:
    assert web_config(Settings()) == {"authMode": "local", "apiUrl": "", "cognito": None}


def test_cloud_shape_names_the_pool_and_the_web_client_only() -> None:
    settings = Settings.from_env(
        {
            "CVMAKER_AUTH": "cognito",
            "CVMAKER_COGNITO_USER_POOL_ID": "eu-west-2_Abc123",
            "CVMAKER_COGNITO_WEB_CLIENT_ID": "web123",
            "CVMAKER_COGNITO_CLIENT_IDS": "web123,integrator456",
            "CVMAKER_COGNITO_USER_POOL_ENDPOINT": "http://127.0.0.1:5000",
        }
    )
    config = web_config(settings)
    assert config["cognito"] == {
        "userPoolId": "eu-west-2_Abc123",
        "userPoolClientId": "web123",
        "region": "eu-west-2",
        "userPoolEndpoint": "http://127.0.0.1:5000",
    }
    assert "integrator456" not in str(config)
