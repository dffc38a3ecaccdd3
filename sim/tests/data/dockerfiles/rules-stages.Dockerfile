FROM debian:bookworm-slim AS base
WORKDIR /srv
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311
USER root

FROM base AS child
COPY app.conf conf/
RUN echo one
RUN echo two
RUN --mount=type=cache,target=/root/.cache echo three
RUN echo four && echo five
RUN echo six

FROM base
COPY --from=child /srv /srv
COPY --from=nginx:1.25 /etc/nginx/nginx.conf /etc/nginx/
COPY --from=5 /x /x
USER 0:0
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -s https://example.com | grep ok

FROM child
RUN curl -s https://example.com | grep ok
# hadolint ignore=DL3007
FROM alpine:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000
FROM alpine:latest
