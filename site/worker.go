package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Hugo runs in a worker process: the portal binary itself, started with
// workerEnv set. A build that hangs (Hugo v0.165 can deadlock when many
// pages fail) or eats the memory is then stopped by killing the worker,
// and the portal, its API and the live site carry on; the next build starts
// a fresh worker. Builds go to the worker one at a time.
const workerEnv = "PORTAL_HUGO_WORKER"

// DefaultBuildTimeout is how long a Hugo build may take before its worker is
// stopped: six times what 10,000 records take on two cores (about 30 s).
const DefaultBuildTimeout = 3 * time.Minute

type workerResult struct {
	Warnings string   `json:"warnings"`
	Error    string   `json:"error,omitempty"`
	PeakKB   int64    `json:"peakKB"`  // the worker's peak resident memory so far
	Written  []string `json:"written"` // files written, relative to the destination
	// Failures are the pages a failed build failed on; Stalled says Hugo
	// stopped after too many and never returned (the worker then exits).
	Failures []pageFailure `json:"failures,omitempty"`
	Stalled  bool          `json:"stalled,omitempty"`
}

// peakKB reads this process's peak resident memory (VmHWM) on Linux.
func peakKB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb
		}
	}
	return 0
}

// RunWorkerIfAsked makes this process a Hugo worker if it was started as
// one, and then does not return. Call it first thing in main, and in the
// TestMain of packages whose tests build sites.
func RunWorkerIfAsked() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	results := os.NewFile(3, "results")
	dec := json.NewDecoder(os.Stdin)
	enc := json.NewEncoder(results)
	for {
		var r hugoRun
		if err := dec.Decode(&r); err != nil {
			os.Exit(0) // the portal is gone or done with us
		}
		out, err := runHugo(r)
		res := workerResult{Warnings: out.Warnings, PeakKB: peakKB(), Written: out.Written, Failures: out.Failures, Stalled: out.Stalled}
		if err != nil {
			res.Error = err.Error()
		}
		if err := enc.Encode(res); err != nil {
			os.Exit(1)
		}
		if res.Stalled {
			os.Exit(0) // Hugo's goroutines are stuck: a fresh worker builds next
		}
		debug.FreeOSMemory()
	}
}

// hugoWorker is the portal's side of its worker process.
type hugoWorker struct {
	timeout time.Duration

	mu      sync.Mutex // one build at a time
	cmd     *exec.Cmd
	in      io.WriteCloser
	out     *json.Decoder
	outFile *os.File
	stderr  *tail
}

// runStats builds r in the worker, starting one if there is none, and
// stops the worker if the build outlives the timeout or the worker dies.
// Only workers (workers.go) makes and runs them.
func (w *hugoWorker) runStats(r hugoRun) (workerResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cmd == nil {
		if err := w.start(); err != nil {
			//lint:ignore ST1005 Hugo is a name
			return workerResult{}, failStep("Không khởi động được chương trình dựng trang (Hugo).", fmt.Errorf("Hugo: không khởi động được tiến trình dựng trang: %w", err))
		}
	}
	if err := json.NewEncoder(w.in).Encode(r); err != nil {
		w.stop()
		//lint:ignore ST1005 Hugo is a name
		return workerResult{}, failStep("Chương trình dựng trang (Hugo) không nhận yêu cầu dựng.", fmt.Errorf("Hugo: tiến trình dựng trang không nhận yêu cầu: %w", err))
	}
	done := make(chan workerResult, 1)
	failed := make(chan error, 1)
	out := w.out
	go func() {
		var res workerResult
		if err := out.Decode(&res); err != nil {
			failed <- err
			return
		}
		done <- res
	}()
	timeout := w.timeout
	if timeout <= 0 {
		timeout = DefaultBuildTimeout
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		if res.Stalled {
			w.stop()
		}
		if res.Error != "" {
			he := hugoFailure(res.Error, res.Warnings)
			he.failures, he.stalled = res.Failures, res.Stalled
			return res, he
		}
		return res, nil
	case err := <-failed:
		msg := w.stderr.String()
		w.stop()
		//lint:ignore ST1005 Hugo is a name
		return workerResult{}, failStep("Chương trình dựng trang (Hugo) dừng bất thường, có thể do thiếu bộ nhớ.", fmt.Errorf("Hugo: tiến trình dựng trang dừng bất thường (%v): %s", err, msg))
	case <-timer.C:
		w.stop()
		return workerResult{}, failStep(fmt.Sprintf("Bản dựng không xong sau %s nên đã bị dừng; hãy xem lại mẫu giao diện vừa sửa.", viDuration(timeout)),
			//lint:ignore ST1005 Hugo is a name
			fmt.Errorf("Hugo: bản dựng không xong sau %s, đã dừng tiến trình dựng trang (hãy xem lại mẫu giao diện vừa sửa)", timeout))
	}
}

func (w *hugoWorker) start() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	cmd.SysProcAttr = workerSysProcAttr()
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	r, wr, err := os.Pipe()
	if err != nil {
		return err
	}
	cmd.ExtraFiles = []*os.File{wr}
	w.stderr = &tail{max: 8 << 10}
	cmd.Stderr = w.stderr
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		r.Close()
		wr.Close()
		return err
	}
	wr.Close()
	w.cmd, w.in, w.out, w.outFile = cmd, in, json.NewDecoder(r), r
	return nil
}

func (w *hugoWorker) stop() {
	if w.cmd == nil {
		return
	}
	_ = w.cmd.Process.Signal(syscall.SIGKILL)
	_ = w.in.Close()
	_ = w.cmd.Wait()
	_ = w.outFile.Close()
	w.cmd, w.in, w.out, w.outFile = nil, nil, nil, nil
}

// close ends the worker: it exits when its input closes.
func (w *hugoWorker) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cmd == nil {
		return
	}
	_ = w.in.Close()
	done := make(chan struct{})
	go func() { _ = w.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = w.cmd.Process.Signal(syscall.SIGKILL)
		<-done
	}
	_ = w.outFile.Close()
	w.cmd, w.in, w.out, w.outFile = nil, nil, nil, nil
}

// tail keeps the last max bytes written to it: the worker's stderr, for
// the error of a crash.
type tail struct {
	mu  sync.Mutex
	max int
	buf bytes.Buffer
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if over := t.buf.Len() - t.max; over > 0 {
		t.buf.Next(over)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(t.buf.String())
}

// HugoRun is the result of RunHugo.
type HugoRun struct {
	Duration time.Duration
	PeakKB   int64 // the Hugo process's peak resident memory
}

// RunHugo builds the Hugo site in src into dst, nothing else: no export, no
// swap, no gzip. scripts/bench measures the portal's builds against it.
func RunHugo(src, dst, baseURL, cacheDir string) (HugoRun, error) {
	start := time.Now()
	res, err := newWorkers(0, 0, 0).runOnce(hugoRun{Source: src, Destination: dst, BaseURL: baseURL, CacheDir: cacheDir})
	return HugoRun{Duration: time.Since(start), PeakKB: res.PeakKB}, err
}
