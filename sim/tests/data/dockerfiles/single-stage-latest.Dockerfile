from golang
RUN apt-get update
RUN apt-get install -y gcc
add main.go /src/main.go
COPY go.mod ./
RUN cd /src && go build -o /server .
USER root
CMD /server
