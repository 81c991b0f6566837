package admin

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Staff's requests to the API are limited per account, not per address:
// an office behind one address saves as fast as its people work, a stolen
// token cannot flood the portal, and the citizens' per-address limits
// (PocketBase's rules, for anonymous requests only) never count staff.
// Superusers are not limited (PocketBase's rule too).
var staffLimits = []staffLimit{
	// Creates, updates and deletes: a person saves a few times a minute; a
	// burst of imports or a fast reviewer stays far below this.
	{name: "writes", writes: true, max: 120, window: 10 * time.Second},
	// Every request (lists, views, files, previews…).
	{name: "all", max: 600, window: 10 * time.Second},
}

// staffLimit is one per-account limit: at most max requests (writes only,
// if writes) in each window.
type staffLimit struct {
	name   string
	writes bool
	max    int
	window time.Duration
}

// staffLimiter counts each account's requests in fixed windows.
type staffLimiter struct {
	mu     sync.Mutex
	counts map[string]*window // by limit and account
	swept  time.Time
	now    func() time.Time
}

type window struct {
	start time.Time
	n     int
}

func newStaffLimiter() *staffLimiter {
	return &staffLimiter{counts: map[string]*window{}, now: time.Now}
}

// allow counts one request of account under l and reports whether it is
// within the limit, or how long until the window ends.
func (s *staffLimiter) allow(l staffLimit, account string) (bool, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if now.Sub(s.swept) > time.Minute {
		for k, w := range s.counts {
			if now.Sub(w.start) > time.Minute {
				delete(s.counts, k)
			}
		}
		s.swept = now
	}
	key := l.name + "\x00" + account
	w := s.counts[key]
	if w == nil || now.Sub(w.start) >= l.window {
		w = &window{start: now}
		s.counts[key] = w
	}
	if w.n >= l.max {
		return false, l.window - now.Sub(w.start)
	}
	w.n++
	return true, 0
}

// middleware limits the API requests of signed-in staff, after PocketBase
// has read the request's token and beside its own rate limiter.
func (s *staffLimiter) middleware() *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id:       "portalStaffLimits",
		Priority: apis.DefaultRateLimitMiddlewarePriority + 1,
		Func: func(e *core.RequestEvent) error {
			if e.Auth == nil || e.Auth.IsSuperuser() || !strings.HasPrefix(e.Request.URL.Path, "/api/") ||
				!e.App.Settings().RateLimits.Enabled {
				return e.Next()
			}
			write := e.Request.Method != http.MethodGet && e.Request.Method != http.MethodHead && e.Request.Method != http.MethodOptions
			account := e.Auth.Collection().Id + ":" + e.Auth.Id
			for _, l := range staffLimits {
				if l.writes && !write {
					continue
				}
				if ok, wait := s.allow(l, account); !ok {
					secs := int(wait.Round(time.Second) / time.Second)
					if secs < 1 {
						secs = 1
					}
					return e.TooManyRequestsError(fmt.Sprintf(
						"Tài khoản của bạn đã gửi quá nhiều yêu cầu trong vài giây (tối đa %d trong %d giây). Vui lòng đợi %d giây rồi thử lại; những gì đã lưu vẫn còn.",
						l.max, int(l.window/time.Second), secs), nil)
				}
			}
			return e.Next()
		},
	}
}
