# Recipe indented with 8 spaces: the famous error with make's TAB hint.
# run:
build:
        go build ./...
