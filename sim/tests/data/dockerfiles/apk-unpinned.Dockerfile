FROM alpine:latest AS base
RUN apk add --update curl git
RUN apk add --no-cache ca-certificates=20240226-r0 tzdata

FROM base
RUN curl -fsSL https://example.com/install.sh | sh
RUN echo done
ENTRYPOINT /usr/local/bin/app
