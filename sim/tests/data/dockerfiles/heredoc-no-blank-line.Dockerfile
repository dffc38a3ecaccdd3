FROM alpine:3.19
RUN <<EOF
set -e
echo hi
EOF
RUN echo after
