# ============================================
# Stage 1: ビルドステージ
# ============================================
FROM golang:1.22-alpine AS builder

# セキュリティアップデートとビルドツール
RUN apk add --no-cache git ca-certificates tzdata

# 依存のキャッシュ層
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download

# ソースコードのコピーとビルド
COPY . .
RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 \
    go build -ldflags="-w -s -X main.version=$(git describe --tags)" \
    -o /app/server ./cmd/server

# ============================================
# Stage 2: 実行ステージ（最小イメージ）
# ============================================
FROM gcr.io/distroless/static-debian12

# タイムゾーンデータと証明書をコピー
COPY --from=builder /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/

# 非rootユーザーで実行
USER nonroot:nonroot

# バイナリをコピー
COPY --from=builder /app/server /server

EXPOSE 8080
ENTRYPOINT ["/server"]
