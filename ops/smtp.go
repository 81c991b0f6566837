// Package ops puts the portal into service: mail through a real SMTP
// server from flags or the environment, the health and metrics endpoints,
// and the wiring of deploys to object storage and of database
// replication. cmd/portal calls Bind once.
package ops

import (
	"fmt"
	"os"
	"strconv"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/mailer"
	"github.com/spf13/pflag"
)

// smtpFlags are the mail server settings given at startup.
type smtpFlags struct {
	host, user, from string
	port             int
	tls              bool
	// password is the SMTP password: given on the command line (warned
	// against), then as readPassword settles it; passwordFile a file
	// holding it.
	password, passwordFile string
}

// bindSMTP adds --smtp-host and its siblings (or PORTAL_SMTP_* variables):
// when PocketBase's own mail server (/_/ → Settings → Mail server) is not
// turned on at startup, it is set from these, so that a server set up by
// a script or a container sends its sign-in codes at once. Settings IT has
// made in the dashboard are never overwritten. The password is never
// written into the settings (nor so into data.db, its backups and
// replicas): it is read at start from a file, the environment or a
// systemd credential (see readSecret) and given to each mail as it goes.
func bindSMTP(app *pocketbase.PocketBase, f *pflag.FlagSet) {
	s := &smtpFlags{}
	port, _ := strconv.Atoi(os.Getenv("PORTAL_SMTP_PORT"))
	if port == 0 {
		port = 587
	}
	tls, _ := strconv.ParseBool(os.Getenv("PORTAL_SMTP_TLS"))
	f.StringVar(&s.host, "smtp-host", os.Getenv("PORTAL_SMTP_HOST"),
		"máy chủ gửi thư (SMTP), dùng khi chưa cấu hình ở /_/ → Settings → Mail server (biến môi trường PORTAL_SMTP_HOST)")
	f.IntVar(&s.port, "smtp-port", port, "cổng SMTP: 587 (STARTTLS) hoặc 465 (TLS) (PORTAL_SMTP_PORT)")
	f.StringVar(&s.user, "smtp-user", os.Getenv("PORTAL_SMTP_USER"), "tên đăng nhập SMTP (PORTAL_SMTP_USER)")
	f.StringVar(&s.password, "smtp-password", "",
		"mật khẩu SMTP ngay trên dòng lệnh (không nên: hiện ra trong ps); dùng --smtp-password-file, PORTAL_SMTP_PASSWORD(_FILE) hoặc systemd credential smtp-password")
	f.StringVar(&s.passwordFile, "smtp-password-file", "",
		"tệp chứa mật khẩu SMTP (hoặc biến môi trường PORTAL_SMTP_PASSWORD, PORTAL_SMTP_PASSWORD_FILE, systemd credential smtp-password)")
	f.BoolVar(&s.tls, "smtp-tls", tls, "kết nối SMTP bằng TLS ngay từ đầu (cổng 465) (PORTAL_SMTP_TLS)")
	f.StringVar(&s.from, "mail-from", os.Getenv("PORTAL_MAIL_FROM"),
		"địa chỉ gửi thư của cổng, ví dụ caicach@daison.gov.vn (PORTAL_MAIL_FROM)")
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalSMTP",
		Priority: -20,
		Func: func(e *core.ServeEvent) error {
			if err := s.readPassword(); err != nil {
				return err
			}
			if err := s.apply(e.App); err != nil {
				return err
			}
			return e.Next()
		},
	})
	app.OnMailerSend().BindFunc(s.givePassword)
}

// readPassword settles the password: the command line's, a file's, the
// environment's or a credential's.
func (s *smtpFlags) readPassword() error {
	v, err := settleSecret(s.password, "smtp-password", s.passwordFile, "PORTAL_SMTP_PASSWORD", "smtp-password")
	if err != nil {
		return fmt.Errorf("mật khẩu SMTP: %w", err)
	}
	s.password = v
	return nil
}

// apply fills the app's empty mail settings from s and saves them,
// without the password; a password an earlier version stored from these
// flags is removed.
func (s *smtpFlags) apply(app core.App) error {
	if s.host == "" {
		return nil
	}
	st := app.Settings()
	changed := false
	// PocketBase's defaults (smtp.example.com, off) count as empty.
	if !st.SMTP.Enabled {
		st.SMTP.Enabled = true
		st.SMTP.Host = s.host
		st.SMTP.Port = s.port
		st.SMTP.Username = s.user
		st.SMTP.Password = ""
		st.SMTP.TLS = s.tls
		changed = true
	} else if s.ours(st.SMTP.Host, st.SMTP.Username) && s.password != "" && st.SMTP.Password == s.password {
		st.SMTP.Password = ""
		changed = true
	}
	if s.from != "" && (st.Meta.SenderAddress == "" || st.Meta.SenderAddress == "support@example.com") {
		st.Meta.SenderAddress = s.from
		changed = true
	}
	if !changed {
		return nil
	}
	if err := app.Save(st); err != nil {
		return fmt.Errorf("lưu cấu hình máy chủ thư từ --smtp-host: %w", err)
	}
	return nil
}

// ours reports whether a mail server setting is the one of these flags.
func (s *smtpFlags) ours(host, user string) bool {
	return s.host != "" && host == s.host && user == s.user
}

// givePassword hands the password to a mail going through the server of
// these flags whose settings carry none (those apply wrote).
func (s *smtpFlags) givePassword(e *core.MailerEvent) error {
	if c, ok := e.Mailer.(*mailer.SMTPClient); ok && c.Password == "" && s.password != "" && s.ours(c.Host, c.Username) {
		c.Password = s.password
	}
	return e.Next()
}
