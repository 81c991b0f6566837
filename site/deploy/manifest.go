package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// manifestKey is the object that records what the last deploys uploaded.
const manifestKey = ".portal-deploy.json"

// manifestHashMeta is the manifest object's metadata that holds the hash
// of its bytes, for a HEAD to tell whether it changed.
const manifestHashMeta = "portal-manifest-sha256"

// manifest maps each key to the hash of its bytes and headers as uploaded.
type manifest struct {
	Files map[string]string `json:"files"`
}

// readManifest reads the bucket's manifest and the hash of its bytes; a
// bucket without one (first deploy) or with one that does not read has an
// empty one, so everything is uploaded again.
func readManifest(ctx context.Context, bucket *blob.Bucket) (manifest, string, error) {
	m := manifest{Files: map[string]string{}}
	b, err := bucket.ReadAll(ctx, manifestKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return m, "", nil
	}
	if err != nil {
		return m, "", fmt.Errorf("%w: %w", errList, err)
	}
	if json.Unmarshal(b, &m) != nil || m.Files == nil {
		return manifest{Files: map[string]string{}}, "", nil
	}
	return m, bytesHash(b), nil
}

// manifestHash is the hash the bucket's manifest says it has ("" when
// there is none, or it was written without one).
func manifestHash(ctx context.Context, bucket *blob.Bucket) (string, error) {
	a, err := bucket.Attributes(ctx, manifestKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("%w: %w", errList, err)
	}
	return a.Metadata[manifestHashMeta], nil
}

// writeManifest stores m and returns the hash of what it wrote.
func writeManifest(ctx context.Context, bucket *blob.Bucket, m manifest) (string, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("manifest: %w", err)
	}
	h := bytesHash(b)
	if err := bucket.WriteAll(ctx, manifestKey, b, &blob.WriterOptions{
		ContentType: "application/json", CacheControl: "no-store",
		Metadata: map[string]string{manifestHashMeta: h}}); err != nil {
		return "", fmt.Errorf("%w %s: %w", errUpload, manifestKey, err)
	}
	return h, nil
}

func bytesHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
