package commune

import "strings"

// DecisionLinesMax bounds each of the decision's editable lists
// (DecisionBases, DecisionRecipients), in characters.
const DecisionLinesMax = 4000

// DefaultBases are the legal grounds of the chairman's decision on awards
// in force since 1 July 2025, when the commune's identity names none: the
// law on local government of 2025, the law on emulation and commendation
// of 2022 and the decree that details it (Nghị định 152/2025/NĐ-CP, which
// replaced Nghị định 98/2023/NĐ-CP).
var DefaultBases = []string{
	"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
	"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
	"Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;",
}

// DefaultRecipients are the decision's "Nơi nhận" when the identity names
// none.
var DefaultRecipients = []string{
	"Như Điều 3;",
	"Thường trực Đảng ủy xã (để báo cáo);",
	"Chủ tịch, các Phó Chủ tịch UBND xã;",
	"Lưu: VT, VHXH.",
}

// Bases returns the decision's legal grounds, one a line, each ending in
// a semicolon.
func (c Identity) Bases() []string {
	lines := Lines(c.DecisionBases)
	if len(lines) == 0 {
		return append([]string(nil), DefaultBases...)
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, ";.,") + ";"
	}
	return lines
}

// Recipients returns the decision's "Nơi nhận", one a line, without the
// leading dash.
func (c Identity) Recipients() []string {
	lines := Lines(c.DecisionRecipients)
	if len(lines) == 0 {
		return append([]string(nil), DefaultRecipients...)
	}
	return lines
}

// Lines splits a text field into its non-empty lines, each trimmed of
// spaces and of a leading list mark ("-", "+", "•").
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "-+•–"))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
