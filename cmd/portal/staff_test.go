package main

import (
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestUpsertStaff creates, updates and refuses staff accounts as "portal
// staff upsert" does, on a real migrated database.
func TestUpsertStaff(t *testing.T) {
	app := admintest.NewApp(t, nil)
	admintest.Create(t, app, schema.Units, map[string]any{"name": "Đoàn Thanh niên xã", "slug": "doan-thanh-nien", "kind": "doan-the",
		"status": "published", "publishAt": admintest.Date(time.Now().Add(-time.Hour))})

	rec, created, err := upsertStaff(app, " Lan@DaiSon.gov.vn ", "mật khẩu đủ dài", "Nguyễn Thị Lan", "editor", "")
	if err != nil || !created || rec.GetString("email") != "lan@daison.gov.vn" || !rec.ValidatePassword("mật khẩu đủ dài") || !rec.Verified() {
		t.Fatalf("create: %v %v %v", rec, created, err)
	}
	// An update keeps what its flags leave empty.
	rec, created, err = upsertStaff(app, "lan@daison.gov.vn", "mật khẩu mới đủ dài", "", "reviewer", "")
	if err != nil || created || rec.GetString("name") != "Nguyễn Thị Lan" || rec.GetString("role") != "reviewer" || !rec.ValidatePassword("mật khẩu mới đủ dài") {
		t.Fatalf("update: %v %v %v", rec, created, err)
	}
	if _, _, err := upsertStaff(app, "dt@daison.gov.vn", "mật khẩu đủ dài", "Trần Văn Bình", "unitReporter", "doan-thanh-nien"); err != nil {
		t.Fatalf("unit reporter: %v", err)
	}

	for _, c := range []struct {
		name                                   string
		email, password, who, role, unit, want string
	}{
		{"new without a name", "a@daison.gov.vn", "mật khẩu đủ dài", "", "editor", "", "--name"},
		{"unknown role", "a@daison.gov.vn", "mật khẩu đủ dài", "A", "admin", "", "vai trò \"admin\" không có"},
		{"reporter without a unit", "a@daison.gov.vn", "mật khẩu đủ dài", "A", "unitReporter", "", "cần --unit"},
		{"unknown unit", "a@daison.gov.vn", "mật khẩu đủ dài", "A", "unitReporter", "khong-co", "không có đơn vị"},
		{"short password", "a@daison.gov.vn", "ngắn", "A", "editor", "", "password: Phải có ít nhất 10 ký tự."},
		{"common password", "a@daison.gov.vn", "matkhau123", "A", "editor", "", "password: Mật khẩu này nằm trong danh sách mật khẩu phổ biến"},
		{"one character", "a@daison.gov.vn", "1111111111", "A", "editor", "", "password: Mật khẩu chỉ lặp lại"},
		{"digits in a row", "a@daison.gov.vn", "1234567890", "A", "editor", "", "password: Mật khẩu là một dãy ký tự liên tiếp"},
		{"own name", "a@daison.gov.vn", "Tran Van Binh 2026", "Trần Văn Bình", "editor", "", "password: Mật khẩu không được dựa trên email hay họ tên"},
		{"bad email", "không phải email", "mật khẩu đủ dài", "A", "editor", "", "email: "},
	} {
		_, _, err := upsertStaff(app, c.email, c.password, c.who, c.role, c.unit)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to say %q", c.name, err, c.want)
		}
	}
	if n, _ := app.CountRecords("staff"); n != 2 {
		t.Errorf("%d staff accounts after the refusals, want 2", n)
	}
}
