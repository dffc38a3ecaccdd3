# NG: ソース変更のたびに依存を再ダウンロード
FROM golang:1.22-alpine AS builder
COPY . .
RUN go build -o server .

# OK: go.mod/go.sum を先にコピーしてキャッシュ活用
FROM golang:1.22-alpine AS builder
WORKDIR /app
COPY go.mod go.sum ./        # 依存定義のみ先にコピー
RUN go mod download          # この層がキャッシュされる
COPY . .                     # ソース変更時もdownloadはスキップ
RUN go build -o server .
