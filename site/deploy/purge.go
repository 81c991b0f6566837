package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"time"
)

// purge tells the CDN which addresses changed: a POST of {"paths": [...]}
// to cfg.PurgeURL and/or cfg.PurgeCommand run with the paths on its
// standard input, one a line.
func purge(ctx context.Context, cfg Config, paths []string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if cfg.PurgeURL != "" {
		body, err := json.Marshal(map[string][]string{"paths": paths})
		if err != nil {
			return fmt.Errorf("%w: %w", errPurge, err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.PurgeURL, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("%w: %w", errPurge, err)
		}
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return fmt.Errorf("%w: %w", errPurge, err)
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<16))
		res.Body.Close()
		if res.StatusCode >= 300 {
			return fmt.Errorf("%w: %s answered %d", errPurge, cfg.PurgeURL, res.StatusCode)
		}
	}
	if cfg.PurgeCommand != "" {
		cmd := exec.CommandContext(ctx, "sh", "-c", cfg.PurgeCommand)
		cmd.Stdin = strings.NewReader(strings.Join(paths, "\n") + "\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%w: %s: %w: %s", errPurge, cfg.PurgeCommand, err, bytes.TrimSpace(out))
		}
	}
	return nil
}
