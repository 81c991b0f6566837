package testbin

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestStartReportsAServerThatEnds(t *testing.T) {
	_, err := Start("echo", exec.Command("sh", "-c", "echo gone; exit 1"), func() bool { return false })
	if err == nil || !strings.Contains(err.Error(), "echo: ended before it answered: gone") {
		t.Fatalf("err = %v, want it to say the server ended, with its output", err)
	}
}

func TestStartWaitsForReadyAndStops(t *testing.T) {
	asked := 0
	p, err := Start("sleep", exec.Command("sh", "-c", "echo up; exec sleep 60"), func() bool { asked++; return asked >= 3 })
	if err != nil {
		t.Fatal(err)
	}
	if asked != 3 {
		t.Errorf("ready asked %d times, want 3", asked)
	}
	start := time.Now()
	p.Stop()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Stop took %v: SIGTERM not sent?", d)
	}
	select {
	case <-p.exited:
	default:
		t.Fatal("the process still runs after Stop")
	}
	if !strings.Contains(p.Output(), "up") {
		t.Errorf("Output = %q, want what it printed", p.Output())
	}
}

func TestFreePort(t *testing.T) {
	port, err := FreePort()
	if err != nil || port <= 0 {
		t.Fatalf("FreePort = %d, %v", port, err)
	}
}
