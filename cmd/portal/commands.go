package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"github.com/daison/portal/demo"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/live"
)

// buildCommand is "portal build --out DIR": the whole site from the
// database, once, for a static host.
func buildCommand(app *pocketbase.PocketBase, p *parts) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:          "build",
		Short:        "Dựng toàn bộ trang tĩnh từ cơ sở dữ liệu vào một thư mục (để đưa lên máy chủ tĩnh)",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("cần --out THƯ_MỤC: nơi ghi trang tĩnh")
			}
			if err := ready(app); err != nil {
				return err
			}
			baseURL := p.opts.baseURL
			if baseURL == "" {
				baseURL = "http://127.0.0.1:8090/"
				fmt.Println("Chưa đặt --base-url: dùng", baseURL, "(liên kết tuyệt đối, sitemap và RSS sẽ trỏ về địa chỉ này).")
			}
			srcs, err := p.opts.sources()
			if err != nil {
				return err
			}
			// Caches (processed images, share cards) are kept with the
			// data, as serve keeps them, so a second build is quick.
			rep, err := site.BuildTo(app, site.Config{Root: live.InData(app.DataDir()).Root, BaseURL: baseURL,
				Sources: srcs, BuildTimeout: p.opts.timeout}, out)
			if err != nil {
				return fmt.Errorf("dựng trang thất bại: %w", err)
			}
			if err := openToReaders(out); err != nil {
				return err
			}
			fmt.Printf("Đã dựng %d trang (%d bản ghi) vào %s trong %s (xuất dữ liệu %s, Hugo %s).\n",
				rep.Pages, rep.Records, out, rep.Duration.D().Round(time.Millisecond),
				rep.ExportDuration.D().Round(time.Millisecond), rep.HugoDuration.D().Round(time.Millisecond))
			// Pages left out (a page the theme fails on keeps the copy
			// the folder had) and images left out: the rest was built.
			for _, pr := range rep.Problems {
				fmt.Println("Cần sửa:", pr.Message)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "thư mục ghi trang tĩnh (sẽ được thay toàn bộ)")
	return cmd
}

// seedCommand is "portal seed --demo" (the demo content) or "portal seed
// --synthetic N" (N generated records, for measuring at scale).
func seedCommand(app *pocketbase.PocketBase, o *options) *cobra.Command {
	var synthetic int
	var seed uint64
	cmd := &cobra.Command{
		Use:          "seed",
		Short:        "Nạp dữ liệu mẫu (--demo) hoặc dữ liệu sinh tự động (--synthetic N) vào cơ sở dữ liệu",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !o.demo && synthetic <= 0 {
				return errors.New("hãy chọn dữ liệu cần nạp: --demo hoặc --synthetic N")
			}
			if err := ready(app); err != nil {
				return err
			}
			if o.demo {
				if err := loadDemo(app); err != nil {
					return err
				}
			}
			if synthetic > 0 {
				start := time.Now()
				counts, err := demo.Synthetic(app, synthetic, seed)
				if err != nil {
					return err
				}
				fmt.Printf("Đã sinh %v trong %s.\n", counts, time.Since(start).Round(time.Millisecond))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&synthetic, "synthetic", 0, "số bản ghi sinh tự động (để đo hiệu năng)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "hạt giống của bộ sinh (cùng hạt giống cho cùng dữ liệu)")
	return cmd
}

// ready bootstraps the app and applies every migration, which only "serve"
// does by itself.
func ready(app *pocketbase.PocketBase) error {
	if !app.IsBootstrapped() {
		if err := app.Bootstrap(); err != nil {
			return fmt.Errorf("mở cơ sở dữ liệu: %w", err)
		}
	}
	if err := app.RunAllMigrations(); err != nil {
		return fmt.Errorf("cập nhật cấu trúc cơ sở dữ liệu: %w", err)
	}
	return nil
}

// openToReaders makes the static site at dir readable by all (folders
// 0755, files 0644): it is public, and the web server that serves it runs
// as another user, while the portal writes with umask 077.
func openToReaders(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := fs.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		return os.Chmod(p, mode)
	})
	if err != nil {
		return fmt.Errorf("mở quyền đọc cho %s: %w", dir, err)
	}
	return nil
}
