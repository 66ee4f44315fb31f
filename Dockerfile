# syntax=docker/dockerfile:1
# Production image: gunicorn (gthread) behind a TLS-terminating proxy.

FROM python:3.13-slim AS build
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# collectstatic needs settings to load; the key is thrown away with this layer.
RUN SECRET_KEY=build-only-not-secret DEBUG=0 PROXY_COUNT=1 /app/.venv/bin/python manage.py collectstatic --no-input -v0

FROM python:3.13-slim AS runtime
# docker build --build-arg RELEASE=$(git rev-parse --short HEAD) .
# (a new namespace in the shared cache for each release; see README)
ARG RELEASE=""
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/app/.venv/bin:$PATH" PORT=8000 \
    RELEASE=${RELEASE}
RUN groupadd --system app && useradd --system --gid app --home /app app
WORKDIR /app
COPY --from=build --chown=app:app /app /app
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"
# Migrations and initial content run once per deploy, not per container:
#   docker run --rm IMAGE sh -c "python manage.py migrate && python manage.py load_initial_data"
CMD ["sh", "-c", "exec gunicorn shinjuku_mynumber.wsgi:application --bind 0.0.0.0:${PORT} --worker-class gthread --workers ${WEB_CONCURRENCY:-2} --threads ${GUNICORN_THREADS:-4} --timeout 30 --graceful-timeout 20 --max-requests 2000 --max-requests-jitter 200 --access-logfile - --forwarded-allow-ips '*'"]
