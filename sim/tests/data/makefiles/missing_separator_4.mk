# Recipe indented with 4 spaces: plain missing separator (the hint needs 8).
# run:
build:
    go build ./...
