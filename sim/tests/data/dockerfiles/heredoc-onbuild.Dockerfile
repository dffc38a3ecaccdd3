FROM golang:1.22-bookworm AS builder
WORKDIR /app
RUN <<EOF
set -e
go version
EOF

COPY <<EOT /app/config.yaml
port: 8080
EOT

ONBUILD COPY . /app/src
ONBUILD RUN go build ./...
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/ || exit 1
RUN go build -o /app/server \
    # comment inside a continuation
    ./cmd/server
CMD ["/app/server"]
