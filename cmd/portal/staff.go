package main

import (
	"database/sql"
	"errors"
	"fmt"
	"github.com/daison/portal/records/unit"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/internal/vocab"
)

// staffCommand is "portal staff": IT creates and lists the back office's
// accounts from a terminal, as "portal superuser" does for IT's own.
func staffCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "staff",
		Short: "Quản lý tài khoản cán bộ dùng trang quản trị /quan-tri/",
	}

	var name, role, unitSlug string
	upsert := &cobra.Command{
		Use:   "upsert EMAIL MẬT_KHẨU",
		Short: "Tạo hoặc cập nhật tài khoản cán bộ (--role " + strings.Join(vocab.StaffRoles.Keys(), "|") + ")",
		Long: "Tạo tài khoản cán bộ, hoặc cập nhật họ tên, vai trò, đơn vị và mật khẩu của tài khoản đã có.\nVai trò:\n" +
			roleHelp(),
		Args:         cobra.ExactArgs(2),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ready(app); err != nil {
				return err
			}
			rec, created, err := upsertStaff(app, args[0], args[1], name, role, unitSlug)
			if err != nil {
				return err
			}
			verb := "Đã cập nhật"
			if created {
				verb = "Đã tạo"
			}
			fmt.Printf("%s tài khoản %s (%s, %s). Đăng nhập tại /quan-tri/.\n", verb, rec.GetString("email"),
				rec.GetString("name"), vocab.StaffRoles.Label(rec.GetString("role")))
			return nil
		},
	}
	upsert.Flags().StringVar(&name, "name", "", "họ và tên (bắt buộc khi tạo mới)")
	upsert.Flags().StringVar(&role, "role", "", "vai trò: "+strings.Join(vocab.StaffRoles.Keys(), ", ")+" (bắt buộc khi tạo mới)")
	upsert.Flags().StringVar(&unitSlug, "unit", "", "đường dẫn (slug) của đơn vị, bắt buộc với vai trò unitReporter")

	list := &cobra.Command{
		Use:          "list",
		Short:        "Liệt kê các tài khoản cán bộ",
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ready(app); err != nil {
				return err
			}
			recs, err := app.FindRecordsByFilter("staff", "", "email", 0, 0)
			if err != nil {
				return fmt.Errorf("đọc danh sách cán bộ: %w", err)
			}
			w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "EMAIL\tHỌ TÊN\tVAI TRÒ\tĐƠN VỊ")
			for _, r := range recs {
				unitName := ""
				if id := r.GetString("unit"); id != "" {
					if u, err := app.FindRecordById(schema.Units, id); err == nil {
						unitName = unit.Of(u).Name()
					}
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.GetString("email"), r.GetString("name"), r.GetString("role"), unitName)
			}
			return w.Flush()
		},
	}
	cmd.AddCommand(upsert, list)
	return cmd
}

// roleHelp lists the staff roles with their Vietnamese names.
func roleHelp() string {
	var b strings.Builder
	for _, r := range vocab.StaffRoles {
		fmt.Fprintf(&b, "  %-13s %s\n", r.Key, r.Label)
	}
	return b.String()
}

// upsertStaff creates the staff account with this email or updates it. name
// and role are required for a new account; empty flags keep what an existing
// one has. A unit reporter needs a unit, given by its slug.
func upsertStaff(app core.App, email, password, name, role, unitSlug string) (*core.Record, bool, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	rec, err := app.FindAuthRecordByEmail("staff", email)
	created := false
	switch {
	case errors.Is(err, sql.ErrNoRows):
		col, err := app.FindCollectionByNameOrId("staff")
		if err != nil {
			return nil, false, fmt.Errorf("tìm bảng cán bộ: %w", err)
		}
		rec = core.NewRecord(col)
		rec.SetEmail(email)
		rec.SetVerified(true)
		created = true
		if name == "" || role == "" {
			return nil, false, errors.New("tài khoản mới cần --name (họ và tên) và --role (vai trò)")
		}
	case err != nil:
		return nil, false, fmt.Errorf("tìm tài khoản %s: %w", email, err)
	}
	if name != "" {
		rec.Set("name", vntext.NFC(strings.TrimSpace(name)))
	}
	if role != "" {
		if !vocab.StaffRoles.Has(role) {
			return nil, false, fmt.Errorf("vai trò %q không có; chọn một trong:\n%s", role, roleHelp())
		}
		rec.Set("role", role)
	}
	if unitSlug != "" {
		u, err := app.FindFirstRecordByFilter(schema.Units, "slug = {:s}", dbx.Params{"s": unitSlug})
		if err != nil {
			return nil, false, fmt.Errorf("không có đơn vị với đường dẫn %q (xem danh sách ở /don-vi/)", unitSlug)
		}
		rec.Set("unit", u.Id)
	}
	if rec.GetString("role") == schema.RoleUnitReporter && rec.GetString("unit") == "" {
		return nil, false, errors.New("cán bộ đầu mối (unitReporter) cần --unit: đường dẫn của đơn vị mình")
	}
	rec.SetPassword(password)
	if err := app.Save(rec); err != nil {
		return nil, false, fmt.Errorf("không lưu được tài khoản:\n%s", admin.Explain(err))
	}
	return rec, created, nil
}
