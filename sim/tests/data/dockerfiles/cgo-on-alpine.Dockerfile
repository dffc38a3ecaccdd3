FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /bin/app ./cmd/server

FROM alpine:3.19
COPY --from=build /bin/app /bin/app
COPY --from=nonexistent /x /x
EXPOSE 80
USER nobody
ENTRYPOINT ["/bin/app"]
