// shortlink は小さな URL 短縮サービス。/version では
// リンカが -X で埋め込んだ値を返す。
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"runtime"
)

// リンク時に上書きされる。例:
//   -ldflags "-X main.version=v1.2.3"
// 定数で初期化した素の string 変数のままにしておくこと。
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
