package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/spf13/cobra"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/guidelib"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// initCommand is "portal init": the commune's identity (names, contacts,
// colour, plan, deadline), from flags or, on a terminal, asked one by one.
// It saves through the same record and rules as the back office's setup.
func initCommand(app *pocketbase.PocketBase) *cobra.Command {
	values := map[string]*string{}
	var colour, forms, planText, planFile, deadline string
	var noPrompt bool
	cmd := &cobra.Command{
		Use:          "init",
		Short:        "Thiết lập thông tin của xã: tên, liên hệ, màu, kế hoạch, hạn nộp (hỏi lần lượt, hoặc theo tham số)",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ready(app); err != nil {
				return err
			}
			set := map[string]string{}
			for name, v := range values {
				if cmd.Flags().Changed(name) {
					set[name] = *v
				}
			}
			if cmd.Flags().Changed("colour") {
				set["colour"] = colour
			}
			if cmd.Flags().Changed("award-forms") {
				set["awardForms"] = forms
			}
			if planText != "" {
				b, err := os.ReadFile(planText)
				if err != nil {
					return fmt.Errorf("đọc toàn văn kế hoạch: %w", err)
				}
				set["planText"] = string(b)
			}
			ask := !noPrompt && isTerminal(os.Stdin)
			return runInit(app, set, planFile, deadline, ask, os.Stdin, os.Stdout)
		},
	}
	for _, f := range commune.AllFields() {
		values[f.Name] = cmd.Flags().String(f.Name, "", f.Label)
	}
	cmd.Flags().StringVar(&colour, "colour", "", "màu chủ đạo: "+strings.Join(commune.PaletteOrder, ", "))
	cmd.Flags().StringVar(&forms, "award-forms", "", formsLabel+": "+strings.Join(vocab.AwardForms.Keys(), ", "))
	cmd.Flags().StringVar(&planText, "plan-text", "", "tệp Markdown chứa toàn văn kế hoạch")
	cmd.Flags().StringVar(&planFile, "plan-file", "", "bản kế hoạch đã ký (PDF)")
	cmd.Flags().StringVar(&deadline, "deadline", "", "hạn nộp hồ sơ và báo cáo năm (ngày/tháng, ví dụ 20/11)")
	cmd.Flags().BoolVar(&noPrompt, "yes", false, "không hỏi: chỉ dùng các tham số")
	return cmd
}

// runInit saves the identity: set's fields over the stored ones, asking
// for each field on in when ask is true.
func runInit(app core.App, set map[string]string, planFile, deadline string, ask bool, in io.Reader, out io.Writer) error {
	rec, err := commune.Record(app)
	if err != nil {
		return err
	}
	if rec == nil {
		coll, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return fmt.Errorf("bảng thông tin của xã: %w", err)
		}
		rec = core.NewRecord(coll)
	}
	rd := bufio.NewReader(in)
	for i, f := range commune.AllFields() {
		v, given := set[f.Name]
		if !given {
			v = rec.GetString(f.Name)
		}
		if ask && i == len(commune.Fields) {
			fmt.Fprintln(out, "Thông tin bằng tiếng Anh cho trang /en/ (không bắt buộc; để trống thì trang hiện thông tin tiếng Việt):")
		}
		if ask && !given {
			label := f.Label
			if !f.Required {
				label += " (không bắt buộc)"
			}
			if v, err = prompt(rd, out, label, v); err != nil {
				return err
			}
		}
		rec.Set(f.Name, v)
	}
	forms, given := set["awardForms"]
	if !given {
		forms = strings.Join(rec.GetStringSlice("awardForms"), ",")
		if ask {
			if forms, err = prompt(rd, out, formsLabel+" ("+strings.Join(vocab.AwardForms.Keys(), ", ")+")", forms); err != nil {
				return err
			}
		}
	}
	rec.Set("awardForms", splitKeys(forms))
	if v, ok := set["colour"]; ok {
		rec.Set("colour", v)
	} else if rec.GetString("colour") == "" {
		rec.Set("colour", commune.DefaultColour)
	}
	if v, ok := set["planText"]; ok {
		rec.Set("planText", v)
	}
	if planFile != "" {
		f, err := filesystem.NewFileFromPath(planFile)
		if err != nil {
			return fmt.Errorf("mở bản kế hoạch: %w", err)
		}
		rec.Set("planFile", f)
	}
	if err := app.Save(rec); err != nil {
		return fmt.Errorf("chưa lưu được thông tin của xã:\n%s", admin.Explain(err))
	}
	if deadline != "" {
		cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
		if err != nil {
			return fmt.Errorf("đọc cài đặt hạn nộp: %w", err)
		}
		cfg.Set("reportDeadline", deadline)
		if err := app.Save(cfg); err != nil {
			return fmt.Errorf("chưa lưu được hạn nộp:\n%s", admin.Explain(err))
		}
	}
	if err := seedGuides(app, out); err != nil {
		return err
	}
	id := commune.FromRecord(rec)
	color.New(color.FgGreen).Fprintf(out, "Đã lưu thông tin của %s. Trang công khai mang tên “%s” từ lần dựng tiếp theo (portal serve hoặc portal build).\n", id.Commune, id.SiteName)
	return nil
}

// seedGuides adds the guide library's guides the commune does not have
// yet and says what it did (guidelib.Seed).
func seedGuides(app core.App, out io.Writer) error {
	rep, err := guidelib.Seed(app, time.Now())
	if err != nil {
		return fmt.Errorf("thư viện hướng dẫn dịch vụ công: %w", err)
	}
	if rep != (guidelib.Report{}) {
		fmt.Fprintf(out, "Thư viện hướng dẫn dịch vụ công: thêm %d, cập nhật %d, đề xuất phiên bản mới cho %d hướng dẫn đã sửa.\n", rep.Added, rep.Updated, rep.Proposed)
	}
	return nil
}

// formsLabel names the award forms' question and flag.
const formsLabel = "Hình thức khen thưởng xã sử dụng, cách nhau bằng dấu phẩy (để trống: tất cả)"

// prompt asks label on out, showing the current value v, and returns the
// answer read from rd, or v when the answer is empty.
func prompt(rd *bufio.Reader, out io.Writer, label, v string) (string, error) {
	fmt.Fprintf(out, "%s [%s]: ", label, v)
	line, err := rd.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return v, fmt.Errorf("đọc câu trả lời: %w", err)
	}
	if line = strings.TrimSpace(line); line != "" {
		return line, nil
	}
	return v, nil
}

// splitKeys splits a comma-separated list of keys, dropping blanks.
func splitKeys(s string) []string {
	keys := []string{}
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// isTerminal reports whether f is a terminal (someone to ask).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
