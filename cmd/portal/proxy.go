package main

import (
	"os"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// trustProxy adds --trusted-proxy-headers: behind the commune's reverse
// proxy, the header that carries the citizen's address (X-Forwarded-For,
// X-Real-IP…), so that rate limits count each citizen alone and not the
// whole commune as one address. It is applied to PocketBase's settings when
// the server starts.
func trustProxy(app *pocketbase.PocketBase) {
	var headers string
	app.RootCmd.PersistentFlags().StringVar(&headers, "trusted-proxy-headers", os.Getenv("PORTAL_TRUSTED_PROXY_HEADERS"),
		"các header chứa địa chỉ thật của người dùng khi chạy sau proxy, ví dụ X-Forwarded-For (phân cách bằng dấu phẩy; biến môi trường PORTAL_TRUSTED_PROXY_HEADERS)")
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalTrustedProxy",
		Priority: -20,
		Func: func(e *core.ServeEvent) error {
			if headers == "" {
				return e.Next()
			}
			var list []string
			for _, h := range strings.Split(headers, ",") {
				if h = strings.TrimSpace(h); h != "" {
					list = append(list, h)
				}
			}
			s := e.App.Settings()
			if !slices.Equal(s.TrustedProxy.Headers, list) {
				s.TrustedProxy.Headers = list
				if err := e.App.Save(s); err != nil {
					return err
				}
			}
			return e.Next()
		},
	})
}
