FROM alpine:3.19
RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.5.0-r0
RUN apk add -t .build-deps gcc=13.2.1-r0 musl-dev=1.2.4-r2 && apk del .build-deps
ONBUILD RUN apk add git
ADD https://example.com/app.tar.gz /tmp/
ADD app.tar.gz /opt/
ADD config.json /etc/app/
ARG APP_USER=app
USER ${APP_USER}
WORKDIR $HOME/app
WORKDIR relative/dir
HEALTHCHECK --interval=30s CMD ["wget", "-q", "http://localhost/"]
HEALTHCHECK CMD wget -q http://localhost/
ENTRYPOINT ["/app"]
ENTRYPOINT /app
RUN cd /tmp && apt-get install -y curl
