// Command shortlink is a tiny URL shortener. Its /version
// endpoint reports what the linker stamped in with -X.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"runtime"
)

// Overwritten at link time, e.g.
//   -ldflags "-X main.version=v1.2.3"
// Keep them plain string vars with constant initialisers.
var (
	version   = "dev"
	gitCommit = "none"
	buildTime = "unknown"
)

type buildInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`
	BuildTime string `json:"build_time"`
	GoVersion string `json:"go_version"`
	Platform  string `json:"platform"`
}

func handleVersion(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(buildInfo{
		Version:   version,
		Commit:    gitCommit,
		BuildTime: buildTime,
		GoVersion: runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
	})
}

func main() {
	http.HandleFunc("/version", handleVersion)
	log.Printf("shortlink %s (%s) on :8080", version, gitCommit)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
