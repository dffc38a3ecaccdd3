# escape=`
FROM golang:1.22-bookworm
RUN go build -o C:\app\server.exe `
    ./cmd/server
run echo "lower case"   
CMD ["/app/server"]
