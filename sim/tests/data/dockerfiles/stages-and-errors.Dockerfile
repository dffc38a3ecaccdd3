ARG BASE=alpine:3.19
FROM $BASE AS deps
RUN echo deps > /deps

FROM deps AS deps
COPY --from=deps /deps /deps2

FROM golang:1.22-alpine AS unused
RUN go version

FROM scratch
WORKDIR app
COPY --from=0 /deps /deps
COPY ["a.txt", "b.txt", "/dest"]
EXPOSE 8080
CMD ['/deps']
CMD ["/deps"]
