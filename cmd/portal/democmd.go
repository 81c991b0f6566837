package main

import (
	"fmt"
	"strings"

	"github.com/fatih/color"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"github.com/daison/portal/demo"
)

// demoCommand is "portal demo clear": remove the demo's records, files and
// accounts, and only those.
func demoCommand(app *pocketbase.PocketBase) *cobra.Command {
	cmd := &cobra.Command{Use: "demo", Short: "Dữ liệu mẫu: \"portal demo clear\" xóa toàn bộ dữ liệu mẫu"}
	cmd.AddCommand(&cobra.Command{
		Use:          "clear",
		Short:        "Xóa mọi bản ghi, tệp và tài khoản của dữ liệu mẫu (chỉ những gì dữ liệu mẫu đã tạo)",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ready(app); err != nil {
				return err
			}
			counts, err := demo.Clear(app)
			if err != nil {
				return fmt.Errorf("xóa dữ liệu mẫu: %w", err)
			}
			if len(counts) == 0 {
				fmt.Println("Không có dữ liệu mẫu để xóa.")
				return nil
			}
			color.Green("Đã xóa dữ liệu mẫu: %v. Nội dung do cán bộ tạo vẫn giữ nguyên; trang sẽ được dựng lại ở lần chạy tiếp theo.", counts)
			return nil
		},
	})
	return cmd
}

// printDemoAccounts prints the demo accounts serve --demo made, with the
// back office's address: their passwords are shown only now.
func printDemoAccounts(app *pocketbase.PocketBase, e *core.ServeEvent, accounts []demo.Account) {
	if len(accounts) == 0 {
		return
	}
	addr := strings.TrimSuffix(serverURL(app, e), "/")
	color.New(color.Bold).Printf("\nTài khoản mẫu để thử trang quản trị %s/quan-tri/ (mật khẩu chỉ in lần này):\n", addr)
	for _, a := range accounts {
		fmt.Printf("  %-24s %-22s %s\n", a.Email, a.Password, a.RoleLabel)
	}
	fmt.Println("Thẩm định viên đăng nhập hai bước: mã một lần được in ra đây khi chưa cấu hình máy chủ thư.")
}
