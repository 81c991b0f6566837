package admin

import (
	"encoding/json/jsontext"
	jsonv2 "encoding/json/v2"
	"errors"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/inflector"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Messages for a refusal PocketBase gives without naming a field, by its
// cause. PocketBase's own message is often generic ("Something went
// wrong…", "Failed to update record."): the cause is in the error it wraps.
const (
	msgUnreadable = "Không đọc được dữ liệu gửi lên: sai định dạng, hoặc có ký tự không hợp lệ (không phải UTF-8)."
	msgBadFilter  = "Bộ lọc không hợp lệ hoặc dùng trường bạn không được xem."
	msgBadSort    = "Cách sắp xếp không hợp lệ hoặc dùng trường bạn không được xem."
	msgBadQuery   = "Tham số của yêu cầu không hợp lệ (bộ lọc, sắp xếp, phân trang hoặc danh sách trường)."
	msgRefused    = "Yêu cầu không thực hiện được với dữ liệu đã gửi."
)

// genericMessages are PocketBase's messages that say nothing of the cause.
var genericMessages = map[string]bool{
	"Something went wrong while processing your request.": true,
	"Failed to create record.":                            true,
	"Failed to update record.":                            true,
	"TX_ERROR.":                                           true,
	"Bad Request.":                                        true,
}

// explainCause gives a refusal without field errors the message of its
// cause: our own hooks' Vietnamese refusal when one is wrapped in it, a
// known PocketBase message in Vietnamese, and for PocketBase's generic
// messages what the request did wrong (a body that cannot be read, a
// filter or sort it may not use). It returns "" when it knows nothing
// better than the status's message.
func explainCause(e *core.RequestEvent, apiErr *router.ApiError) string {
	if len(apiErr.Data) > 0 || isVietnamese(apiErr.Message) {
		return ""
	}
	raw, _ := apiErr.RawData().(error)
	if apiErr.Status == http.StatusBadRequest || apiErr.Status == http.StatusForbidden {
		if msg := vietnameseCause(raw); msg != "" {
			return msg
		}
	}
	if msg, ok := viKnownMessages[apiErr.Message]; ok {
		return msg
	}
	if apiErr.Status != http.StatusBadRequest || !genericMessages[apiErr.Message] {
		return ""
	}
	switch {
	case unreadableBody(raw):
		return msgUnreadable
	case e.Request.Method == http.MethodGet:
		q := e.Request.URL.Query()
		text := ""
		if raw != nil {
			text = strings.ToLower(raw.Error())
		}
		switch {
		case q.Get("filter") != "" && !strings.Contains(text, "sort"):
			return msgBadFilter
		case q.Get("sort") != "":
			return msgBadSort
		}
		return msgBadQuery
	}
	return msgRefused
}

// vietnameseCause returns the innermost Vietnamese message in err's chain
// (our hooks refuse in Vietnamese; PocketBase wraps them in English), as a
// sentence.
func vietnameseCause(err error) string {
	found := ""
	var walk func(error)
	walk = func(err error) {
		for err != nil {
			if msg := err.Error(); isVietnamese(msg) {
				found = msg
			}
			if many, ok := err.(interface{ Unwrap() []error }); ok {
				for _, x := range many.Unwrap() {
					walk(x)
				}
				return
			}
			err = errors.Unwrap(err)
		}
	}
	walk(err)
	return inflector.Sentenize(found)
}

// unreadableBody tells whether err comes from decoding the request's body:
// broken JSON (invalid UTF-8 included) or a broken multipart form.
func unreadableBody(err error) bool {
	if err == nil {
		return false
	}
	var syntax *jsontext.SyntacticError
	var semantic *jsonv2.SemanticError
	return errors.As(err, &syntax) || errors.As(err, &semantic) ||
		errors.Is(err, multipart.ErrMessageTooLarge) || strings.Contains(err.Error(), "multipart")
}
