package testbin

import (
	"fmt"
	"net"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Process is a server a test started (mailpit, versitygw…): its command,
// what it printed, and whether it has ended.
type Process struct {
	name   string
	cmd    *exec.Cmd
	out    *lockedBuffer
	exited chan struct{}
}

// Start starts cmd, keeping what it prints, and waits until ready reports
// true (asked every 50 ms, for 20 s at most). name begins its errors. On
// error nothing is left running.
func Start(name string, cmd *exec.Cmd, ready func() bool) (*Process, error) {
	p := &Process{name: name, cmd: cmd, out: &lockedBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: start: %w", name, err)
	}
	go func() { _ = cmd.Wait(); close(p.exited) }()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if ready() {
			return p, nil
		}
		select {
		case <-p.exited:
			return nil, fmt.Errorf("%s: ended before it answered: %s", name, p.out.String())
		default:
		}
		if time.Now().After(deadline) {
			p.Stop()
			return nil, fmt.Errorf("%s: did not answer within 20s: %s", name, p.out.String())
		}
	}
}

// Stop asks the server to stop (SIGTERM) and kills it if it has not
// within 5 seconds.
func (p *Process) Stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}

// Output is what the server printed.
func (p *Process) Output() string { return p.out.String() }

// FreePort returns a TCP port of 127.0.0.1 nothing listens on.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// lockedBuffer keeps a process's output, safe to read while it writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
