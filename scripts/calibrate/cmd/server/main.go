// Command server is the guide's sample program: a net/http server whose /version handler reports
// the build information injected at link time with -ldflags "-X main.version=...".
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"runtime"
)

// Set at build time: go build -ldflags "-X main.version=v1.2.3 -X main.buildTime=... -X main.gitCommit=..."
var (
	version   = "dev"
	buildTime = "unknown"
	gitCommit = "none"
)

// BuildInfo is what /version prints.
type BuildInfo struct {
	Version   string `json:"version"`
	BuildTime string `json:"build_time"`
	GitCommit string `json:"git_commit"`
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
	Arch      string `json:"arch"`
}

func versionHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(BuildInfo{
		Version:   version,
		BuildTime: buildTime,
		GitCommit: gitCommit,
		GoVersion: runtime.Version(),
		OS:        runtime.GOOS,
		Arch:      runtime.GOARCH,
	})
}

func main() {
	http.HandleFunc("/version", versionHandler)
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("hello\n"))
	})
	log.Println("listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
