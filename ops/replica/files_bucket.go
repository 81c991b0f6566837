package replica

// Where the uploaded files live in the replica: the bucket's URL, the keys
// and their listing.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"strings"

	"github.com/benbjohnson/litestream"
	"gocloud.dev/blob"
	// file:// replicas of the uploaded files.
	_ "gocloud.dev/blob/fileblob"
	// s3:// replicas of the uploaded files.
	_ "gocloud.dev/blob/s3blob"
)

// filesBucketURL turns a replica URL (Litestream's form: s3://bucket/path?
// endpoint=…&region=…, or file:///path) into gocloud.dev/blob's, with the
// files' folder as its prefix.
func filesBucketURL(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		return "", fmt.Errorf("địa chỉ bản sao %q không hợp lệ (ví dụ s3://kho/daison?endpoint=…): %w", base, errors.Join(err, errors.New("thiếu giao thức")))
	}
	prefix := strings.TrimPrefix(path.Join(strings.Trim(u.Path, "/"), FilesFolder)+"/", "/")
	q := url.Values{}
	switch u.Scheme {
	case "s3":
		in := u.Query()
		region := in.Get("region")
		if region == "" {
			region = os.Getenv("AWS_REGION")
		}
		if region == "" {
			region = "us-east-1"
		}
		q.Set("region", region)
		if ep := in.Get("endpoint"); ep != "" {
			ep, _ = litestream.EnsureEndpointScheme(ep)
			q.Set("endpoint", ep)
			// As Litestream: a custom endpoint is addressed by path
			// unless told otherwise.
			if v, ok := litestream.BoolQueryValue(in, "forcePathStyle", "force-path-style"); !ok || v {
				q.Set("use_path_style", "true")
			}
		} else if v, ok := litestream.BoolQueryValue(in, "forcePathStyle", "force-path-style"); ok && v {
			q.Set("use_path_style", "true")
		}
		q.Set("prefix", prefix)
		return "s3://" + u.Host + "?" + q.Encode(), nil
	case "file":
		q.Set("create_dir", "true")
		q.Set("no_tmp_dir", "true")
		q.Set("prefix", FilesFolder+"/")
		return (&url.URL{Scheme: "file", Path: u.Path, RawQuery: q.Encode()}).String(), nil
	}
	return "", fmt.Errorf("địa chỉ bản sao %q: chỉ hỗ trợ s3:// và file://", base)
}

// openFiles opens the replica's files folder under base.
func openFiles(ctx context.Context, base string) (*blob.Bucket, error) {
	u, err := filesBucketURL(base)
	if err != nil {
		return nil, err
	}
	b, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("mở kho bản sao tệp tải lên: %w", err)
	}
	return b, nil
}

// remoteKey is the replica's name of the local key.
func remoteKey(key string) string {
	if s, ok := strings.CutSuffix(key, localAttrs); ok {
		return s + replicaAttrs
	}
	return key
}

// localKey is the local name of the replica's key.
func localKey(key string) string {
	if s, ok := strings.CutSuffix(key, replicaAttrs); ok {
		return s + localAttrs
	}
	return key
}

// copied reports whether a key of the storage folder is copied: not a
// thumbnail (made again on demand), nor a file being written.
func copied(key string) bool {
	for _, part := range strings.Split(key, "/") {
		if strings.HasPrefix(part, "thumbs_") || strings.HasPrefix(part, ".") {
			return false
		}
	}
	return !strings.HasSuffix(key, ".tmp")
}

// listFiles lists the replica's files by local key, with their sizes.
func listFiles(ctx context.Context, b *blob.Bucket) (map[string]int64, error) {
	out := map[string]int64{}
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("đọc danh sách tệp trong kho bản sao: %w", err)
		}
		if !obj.IsDir {
			out[localKey(obj.Key)] = obj.Size
		}
	}
}
