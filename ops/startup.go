package ops

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"gocloud.dev/blob"
)

// checkTimeout bounds each start-up check.
const checkTimeout = 5 * time.Second

// check is the outcome of one start-up check: a line of the summary.
type check struct {
	mark mark
	text string
}

// Started runs, once the portal serves, the start-up checks and prints
// their summary on the console (the public address, the mail server, the
// bucket, PocketBase's S3 stores, the replica: each reachable or not),
// then makes a first backup if there is none, and keeps telling the
// console when replication stops or resumes. It returns at once.
func (o *Ops) Started(app core.App) {
	ctx, cancel := context.WithCancel(context.Background())
	app.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
		cancel()
		return te.Next()
	})
	go func() {
		checks := o.startupChecks(ctx, app)
		consoleMu.Lock()
		fmt.Fprintln(console, "\nKiểm tra khi khởi động:")
		consoleMu.Unlock()
		for _, c := range checks {
			sayAs(c.mark, "%s", c.text)
		}
		o.backups.firstBackup(app)
		o.watchReplication(ctx)
	}()
}

// startupChecks runs the checks at once and returns their lines in a
// fixed order.
func (o *Ops) startupChecks(ctx context.Context, app core.App) []check {
	runs := []func(context.Context) check{
		o.checkAddress,
		func(ctx context.Context) check { return checkSMTP(ctx, app.Settings().SMTP) },
		o.checkBucket,
		func(ctx context.Context) check { return checkPocketBaseS3(app) },
		o.checkReplica,
		func(context.Context) check { return checkEncryption(app) },
	}
	out := make([]check, len(runs))
	var wg sync.WaitGroup
	for i, run := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = run(ctx)
		}()
	}
	wg.Wait()
	var lines []check
	for _, c := range out {
		if c.text != "" {
			lines = append(lines, c)
		}
	}
	return lines
}

// checkAddress asks the public address for the portal's health, as a
// citizen's browser would reach it (DNS, proxy, certificate).
func (o *Ops) checkAddress(ctx context.Context) check {
	base := o.PublicURL()
	if LoopbackURL(base) {
		return check{bad, "Địa chỉ công khai " + base + " chỉ dùng được trên máy chủ này: đặt --base-url (PORTAL_BASE_URL) là tên miền của cổng."}
	}
	url := strings.TrimSuffix(base, "/") + "/api/health"
	var last error
	// The server may not listen yet: try for a few seconds.
	for deadline := time.Now().Add(2 * checkTimeout); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		rctx, cancel := context.WithTimeout(ctx, checkTimeout)
		req, _ := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
		res, err := http.DefaultClient.Do(req)
		cancel()
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return check{good, "Địa chỉ công khai " + base + " trả lời (đã thử " + url + ")."}
			}
			err = fmt.Errorf("mã trả lời %d", res.StatusCode)
		}
		last = err
		if ctx.Err() != nil {
			break
		}
	}
	return check{bad, fmt.Sprintf("Địa chỉ công khai %s chưa truy cập được từ máy chủ này (%v): kiểm tra tên miền, proxy (nginx, Caddy) và chứng chỉ.", base, last)}
}

// checkSMTP greets the mail server set in PocketBase's settings (it waits
// for the server's "220", without signing in or sending anything).
func checkSMTP(ctx context.Context, s core.SMTPConfig) check {
	if !s.Enabled {
		return check{note, "Máy chủ thư: chưa cấu hình (--smtp-host hoặc /_/ → Settings → Mail server); thư của cổng được in ra màn hình này."}
	}
	addr := net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
	cctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	var conn net.Conn
	var err error
	if s.TLS {
		conn, err = (&tls.Dialer{Config: &tls.Config{ServerName: s.Host}}).DialContext(cctx, "tcp", addr)
	} else {
		conn, err = (&net.Dialer{}).DialContext(cctx, "tcp", addr)
	}
	if err != nil {
		return check{bad, fmt.Sprintf("Máy chủ thư %s không kết nối được: %v. Thư (mã đăng nhập, nhắc việc) sẽ không đi.", addr, err)}
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(checkTimeout))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "220") {
		return check{bad, fmt.Sprintf("Máy chủ thư %s không chào như máy chủ SMTP (%q, %v).", addr, strings.TrimSpace(line), err)}
	}
	return check{good, "Máy chủ thư " + addr + " trả lời."}
}

// checkBucket opens the deploy bucket (--deploy-bucket) with the keys of
// the environment.
func (o *Ops) checkBucket(ctx context.Context) check {
	u := o.deploy.cfg.Bucket
	if u == "" {
		return check{}
	}
	what := "Kho trang tĩnh " + redactURL(u)
	if err := bucketReachable(ctx, u); err != nil {
		return check{bad, fmt.Sprintf("%s không dùng được: %v. Kiểm tra địa chỉ và khóa truy cập (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).", what, err)}
	}
	return check{good, what + " truy cập được."}
}

// bucketReachable opens the bucket at u and asks whether it is there.
func bucketReachable(ctx context.Context, u string) error {
	cctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	b, err := blob.OpenBucket(cctx, u)
	if err != nil {
		return err
	}
	defer b.Close()
	ok, err := b.IsAccessible(cctx)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("kho không tồn tại")
	}
	return nil
}

// checkPocketBaseS3 asks PocketBase's own S3 stores (uploaded files,
// backups), when IT set them in /_/, whether they answer.
func checkPocketBaseS3(app core.App) check {
	s := app.Settings()
	var problems, fine []string
	try := func(name string, on bool, open func() (*filesystem.System, error)) {
		if !on {
			return
		}
		fsys, err := open()
		if err == nil {
			_, err = fsys.Exists(".portal-startup-check")
			fsys.Close()
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
		} else {
			fine = append(fine, name)
		}
	}
	try("kho tệp tải lên", s.S3.Enabled, app.NewFilesystem)
	try("kho sao lưu", s.Backups.S3.Enabled, app.NewBackupsFilesystem)
	switch {
	case len(problems) > 0:
		return check{bad, "Kho S3 đặt ở /_/ không dùng được: " + strings.Join(problems, "; ") + "."}
	case len(fine) > 0:
		return check{good, "Kho S3 đặt ở /_/ (" + strings.Join(fine, ", ") + ") truy cập được."}
	}
	return check{}
}

// checkReplica waits a little for the replica (--replicate-to) to receive
// the databases.
func (o *Ops) checkReplica(ctx context.Context) check {
	if o.replication.to == "" {
		return check{note, "Bản sao liên tục cơ sở dữ liệu: chưa bật (--replicate-to); chỉ có bản sao lưu hằng đêm."}
	}
	what := "Bản sao liên tục " + redactURL(o.replication.to)
	var h Part
	for deadline := time.Now().Add(2 * checkTimeout); ; time.Sleep(250 * time.Millisecond) {
		h = o.replicationHealth()
		if h.OK || time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
	}
	if !h.OK {
		msg := h.Error
		if msg == "" {
			msg = "chưa nhận được dữ liệu"
		}
		return check{bad, what + ": " + msg}
	}
	return check{good, fmt.Sprintf("%s đã nhận dữ liệu (trễ %.1f giây).", what, time.Since(h.At).Seconds())}
}

// watchReplication tells the console when the replication stops or
// resumes, until ctx ends.
func (o *Ops) watchReplication(ctx context.Context) {
	if o.replication.to == "" {
		return
	}
	ok := o.replicationHealth().OK
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		h := o.replicationHealth()
		if h.OK == ok {
			continue
		}
		ok = h.OK
		if ok {
			say(true, "Sao chép cơ sở dữ liệu lên %s hoạt động trở lại.", redactURL(o.replication.to))
		} else {
			say(false, "Sao chép cơ sở dữ liệu lên %s ngừng: %s", redactURL(o.replication.to), h.Error)
		}
	}
}

// checkEncryption says whether PocketBase's settings (the SMTP password
// and S3 keys typed in /_/) are stored encrypted.
func checkEncryption(app core.App) check {
	if os.Getenv(app.EncryptionEnv()) != "" {
		return check{good, "Cài đặt của PocketBase được lưu mã hóa (khóa trong " + app.EncryptionEnv() + ")."}
	}
	return check{bad, "Cài đặt của PocketBase (mật khẩu SMTP, khóa S3 nhập ở /_/) được lưu không mã hóa trong data.db và mọi bản sao lưu: " +
		"đặt khóa 32 ký tự vào " + app.EncryptionEnv() + " (hoặc systemd credential encryption-key, xem deploy/portal.service)."}
}
