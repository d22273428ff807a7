# syntax=docker/dockerfile:1
# The API as an AWS Lambda container image. Not the AWS Python base image: its Amazon Linux lacks the Pango that
# WeasyPrint needs and the fonts the templates use. Debian bookworm is the distribution the project is built and
# tested on (same Pango, same font packages as the Makefile's), and the Lambda runtime interface client turns the
# image into a Lambda function. Build context: the repository root, filtered by .dockerignore.
#   docker build --platform linux/amd64 -t cvmaker-api .
ARG PYTHON_IMAGE=public.ecr.aws/docker/library/python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# Kept in step with tests/deploy/test_image_dependencies.py, which installs the same set without Docker.
ARG UV_VERSION=0.13.9
ARG AWSLAMBDARIC_VERSION=4.2.2
RUN pip install --no-cache-dir "uv==${UV_VERSION}"
ENV UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON=/usr/local/bin/python3 \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
WORKDIR /src
# Dependencies first, from the lock file alone, so a code change does not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project
COPY api ./api
COPY schema ./schema
COPY resolvers ./resolvers
COPY cvmaker ./cvmaker
COPY templates ./templates
# The project itself as a wheel (not a link to /src, which the runtime stage does not have).
RUN uv sync --locked --no-dev --no-editable \
 && uv pip install --python /opt/venv/bin/python --no-cache "awslambdaric==${AWSLAMBDARIC_VERSION}"

FROM ${PYTHON_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
      fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-liberation fonts-lato fonts-inter fonts-open-sans \
      fonts-ebgaramond fonts-noto-color-emoji \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/venv /opt/venv
# Lambda's file system is read-only but for /tmp: caches go there, and the font cache is built now, so that a
# cold start does not scan every font (seconds) before its first render.
ENV PATH=/opt/venv/bin:$PATH \
    HOME=/tmp \
    XDG_CACHE_HOME=/tmp/.cache \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN fc-cache --system-only --really-force \
 && CVMAKER_STORAGE=dynamodb CVMAKER_BLOBS=s3 CVMAKER_AUTH=cognito \
    CVMAKER_COGNITO_ISSUER=https://cognito-idp.eu-west-1.amazonaws.com/build_check CVMAKER_COGNITO_CLIENT_IDS=build-check \
    CVMAKER_DATA_DIR=/tmp/cvmaker AWS_REGION=eu-west-1 \
    python -c "import api.lambda_handler, awslambdaric, weasyprint"
WORKDIR /var/task
ENTRYPOINT ["/opt/venv/bin/python", "-m", "awslambdaric"]
CMD ["api.lambda_handler.handler"]
