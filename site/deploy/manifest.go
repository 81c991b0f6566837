package deploy

import (
	"context"
	"encoding/json"
	"fmt"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// manifestKey is the object that records what the last deploys uploaded.
const manifestKey = ".portal-deploy.json"

// manifest maps each key to the hash of its bytes and headers as uploaded.
type manifest struct {
	Files map[string]string `json:"files"`
}

// readManifest reads the bucket's manifest; a bucket without one (first
// deploy) or with one that does not read has an empty one, so everything
// is uploaded again.
func readManifest(ctx context.Context, bucket *blob.Bucket) (manifest, error) {
	m := manifest{Files: map[string]string{}}
	b, err := bucket.ReadAll(ctx, manifestKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("%w: %w", errList, err)
	}
	if json.Unmarshal(b, &m) != nil || m.Files == nil {
		return manifest{Files: map[string]string{}}, nil
	}
	return m, nil
}

// writeManifest stores m.
func writeManifest(ctx context.Context, bucket *blob.Bucket, m manifest) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if err := bucket.WriteAll(ctx, manifestKey, b, &blob.WriterOptions{
		ContentType: "application/json", CacheControl: "no-store"}); err != nil {
		return fmt.Errorf("%w %s: %w", errUpload, manifestKey, err)
	}
	return nil
}
