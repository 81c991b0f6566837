package imagecheck

import (
	"bytes"
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// MaxDecodeTime bounds one decode. The limits on pixels and scans bound
// the work already: an image at the caps decodes in about a second here
// (6 s for a progressive 40-megapixel photo on a machine loaded eight
// times over). The deadline is the last guard, against a slow path in a
// decoder that nothing here counts.
const MaxDecodeTime = 30 * time.Second

// The decoders of the standard library take no context and cannot be
// stopped from outside; a goroutine left running past a deadline would
// keep its processor and memory. So the decoder reads its file through a
// stoppableReader, which hands out small chunks and fails every read once
// the context has ended: the decoder then returns at its next read, within
// the work of a chunk, and the goroutine that called it is free again.

// readChunk is the most a read hands the decoder: the work between two
// reads is that of at most readChunk bytes of data (for a JPEG scan within
// the limits, a few milliseconds).
const readChunk = 256

// errStopped is what the reader answers once stopped.
var errStopped = errors.New("decoding stopped")

type stoppableReader struct {
	r    *bytes.Reader
	stop atomic.Bool
	done func() bool // unregisters the context's callback
}

func newStoppableReader(ctx context.Context, data []byte) *stoppableReader {
	s := &stoppableReader{r: bytes.NewReader(data)}
	s.done = context.AfterFunc(ctx, func() { s.stop.Store(true) })
	if ctx.Err() != nil { // AfterFunc would stop it a moment later
		s.stop.Store(true)
	}
	return s
}

func (s *stoppableReader) Read(p []byte) (int, error) {
	if s.stop.Load() {
		return 0, errStopped
	}
	return s.r.Read(p[:min(len(p), readChunk)])
}

// ReadByte lets decoders that read a byte at a time (compress/flate, LZW)
// do so without their own buffer, and stops them as well.
func (s *stoppableReader) ReadByte() (byte, error) {
	if s.stop.Load() {
		return 0, errStopped
	}
	return s.r.ReadByte()
}

// stopped reports whether the reader was stopped before the end.
func (s *stoppableReader) stopped() bool { return s.stop.Load() }

func (s *stoppableReader) close() { s.done() }
