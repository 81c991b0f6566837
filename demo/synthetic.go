package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records"
)

// Synthetic adds about n believable records for measuring the portal at
// scale (portal seed --synthetic N, scripts/bench): 40 units, then articles
// (55 %), honorees (12 %) with one or two awards each (about 18 %),
// initiatives (10 %), guides (3 %), five years of quarterly indicators, and
// 1 % of each other kind that gives a sample record (Kind.Sample), all
// published in 2024–2026. Text is composed from Vietnamese phrase banks with a generator
// seeded by seed, so two runs with the same n and seed make the same
// records. Records go through PocketBase's saves and the portal's hooks, in
// transactions of 500, and have no images. It returns the count per
// collection.
func Synthetic(app core.App, n int, seed uint64) (Counts, error) {
	g := &synth{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), app: app, counts: Counts{}}
	start := time.Date(2024, 1, 1, 8, 0, 0, 0, schema.Vietnam)
	span := time.Date(2026, 11, 1, 8, 0, 0, 0, schema.Vietnam).Sub(start)
	g.when = func() types.DateTime {
		d, _ := types.ParseDateTime(start.Add(time.Duration(g.r.Int64N(int64(span)))).UTC())
		return d
	}

	nUnits := 40
	rest := max(n-nUnits-100, 0)
	type step struct {
		what string
		n    int
	}
	plan := []step{
		{schema.Units, nUnits},
		{schema.Documents, max(rest/100, 1)},
		{schema.Honorees, rest * 12 / 100},
		{schema.Initiatives, rest * 10 / 100},
		{schema.Articles, rest * 55 / 100},
		{schema.Guides, rest * 3 / 100},
		{schema.Indicators, len(vocab.Metrics) * 20},
	}
	for _, k := range records.All {
		if k.Sample != nil && !slices.ContainsFunc(plan, func(p step) bool { return p.what == k.Collection }) {
			plan = append(plan, step{k.Collection, max(rest/100, 1)})
		}
	}
	for _, p := range plan {
		for done := 0; done < p.n; {
			batch := min(500, p.n-done)
			err := app.RunInTransaction(func(tx core.App) error {
				for i := 0; i < batch; i++ {
					if err := g.make(tx, p.what, done+i); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return g.counts, fmt.Errorf("synthetic %s: %w", p.what, err)
			}
			done += batch
		}
	}
	return g.counts, nil
}

type synth struct {
	r           *rand.Rand
	app         core.App
	counts      Counts
	when        func() types.DateTime
	units       []string
	honorees    []string
	initiatives []string
	kinds       map[string]string // honoree id → kind
}

func (g *synth) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *synth) save(tx core.App, collection string, fields map[string]any) (*core.Record, error) {
	c, err := tx.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(c)
	fields["status"] = vocab.StatusPublished
	if _, ok := fields["publishAt"]; !ok {
		fields["publishAt"] = g.when()
	}
	r.Load(fields)
	if err := tx.Save(r); err != nil {
		return nil, fmt.Errorf("%v: %w", fields["title"], err)
	}
	g.counts[collection]++
	return r, nil
}

func (g *synth) make(tx core.App, what string, i int) error {
	switch what {
	case schema.Documents:
		f, err := filesystem.NewFileFromBytes(syntheticPDF, fmt.Sprintf("van-ban-%d.pdf", i))
		if err != nil {
			return fmt.Errorf("synthetic document file: %w", err)
		}
		kind := vocab.DocumentKinds[i%len(vocab.DocumentKinds)]
		_, err = g.save(tx, schema.Documents, map[string]any{
			"number": fmt.Sprintf("%d/TB-UBND", 10+i), "title": kind.Label + " về " + g.pick(achievements), "kind": kind.Key,
			"issuer": "UBND xã", "issuedOn": g.when(), "file": f,
		})
		return err
	case schema.Units:
		kind := vocab.UnitKinds[i%len(vocab.UnitKinds)].Key
		name := fmt.Sprintf("%s %s", unitPrefixes[kind], g.pick(places))
		if i >= len(places) {
			name += fmt.Sprintf(" số %d", i)
		}
		r, err := g.save(tx, schema.Units, map[string]any{"name": name, "kind": kind, "description": g.paragraphs(1)})
		if err != nil {
			return err
		}
		g.units = append(g.units, r.Id)
	case schema.Honorees:
		kind := "ca-nhan"
		name := g.pick(familyNames) + " " + g.pick(middleNames) + " " + g.pick(givenNames)
		if i%4 == 0 {
			kind = "tap-the"
			name = g.pick(teams) + " " + g.pick(places)
		}
		r, err := g.save(tx, schema.Honorees, map[string]any{
			"name": name, "kind": kind, "position": g.pick(positions), "unit": g.pick(g.units), "story": g.paragraphs(2),
		})
		if err != nil {
			return err
		}
		if g.kinds == nil {
			g.kinds = map[string]string{}
		}
		g.honorees = append(g.honorees, r.Id)
		g.kinds[r.Id] = kind
		for a := 0; a < 1+g.r.IntN(2); a++ {
			year := 2024 + g.r.IntN(3)
			if _, err := g.save(tx, schema.Awards, map[string]any{
				"honoree": r.Id, "form": "giay-khen", "kind": []string{"hang-nam", "dot-xuat"}[g.r.IntN(2)], "year": year,
				"decisionNo": fmt.Sprintf("%d/QĐ-UBND", 100+g.r.IntN(1900)), "decisionDate": g.when(),
				"signer": "Phó Chủ tịch UBND xã", "achievement": fmt.Sprintf("%s năm %d (hồ sơ %d-%d)", g.pick(achievements), year, i, a),
			}); err != nil {
				return err
			}
		}
	case schema.Initiatives:
		var people []string
		if len(g.honorees) > 0 {
			people = []string{g.pick(g.honorees)}
		}
		r, err := g.save(tx, schema.Initiatives, map[string]any{
			"title": fmt.Sprintf("%s %s tại %s", g.pick(initiativeVerbs), g.pick(objects), g.pick(places)),
			"kind":  vocab.InitiativeKinds[g.r.IntN(len(vocab.InitiativeKinds))].Key, "field": vocab.InitiativeFields[g.r.IntN(len(vocab.InitiativeFields))].Key,
			"unit": g.pick(g.units), "honorees": people, "yearApplied": 2024 + g.r.IntN(3),
			"summary": g.sentence(), "body": g.paragraphs(3), "results": "- " + g.sentence() + "\n- " + g.sentence(),
		})
		if err != nil {
			return err
		}
		g.initiatives = append(g.initiatives, r.Id)
	case schema.Articles:
		tags := []string{g.pick(tagBank), g.pick(tagBank)}
		_, err := g.save(tx, schema.Articles, map[string]any{
			"title":    fmt.Sprintf("%s %s %s", g.pick(headlineStarts), g.pick(objects), g.pick(places)),
			"summary":  g.sentence(),
			"body":     "## " + g.pick(objects) + "\n\n" + g.paragraphs(3) + "\n\n## Kết quả\n\n" + g.paragraphs(1),
			"category": vocab.ArticleCategories[g.r.IntN(len(vocab.ArticleCategories))].Key,
			"unit":     g.pick(g.units), "tags": tags,
		})
		return err
	case schema.Guides:
		steps := []schema.Step{
			{Title: "Chuẩn bị giấy tờ", Text: g.sentence()},
			{Title: "Đăng nhập Cổng Dịch vụ công quốc gia", Text: g.sentence(), Link: "https://dichvucong.gov.vn/", LinkText: "Cổng Dịch vụ công quốc gia"},
			{Title: "Nộp hồ sơ và lệ phí trực tuyến", Text: g.sentence()},
			{Title: "Nhận kết quả qua bưu điện", Logic: "or", Text: g.sentence()},
		}
		_, err := g.save(tx, schema.Guides, map[string]any{
			"title": fmt.Sprintf("Hướng dẫn %s %s (mẫu %d)", g.pick(procedures), g.pick(places), i), "summary": g.sentence(),
			"body": g.paragraphs(1), "steps": steps, "portalLink": "https://dichvucong.gov.vn/", "fee": "Miễn phí",
			"processingTime": "03 ngày làm việc", "documents": "- Tờ khai\n- Căn cước công dân", "offline": g.paragraphs(1),
		})
		return err
	case schema.Indicators:
		m := vocab.Metrics[i%len(vocab.Metrics)].Key
		q := i / len(vocab.Metrics)
		_, err := g.save(tx, schema.Indicators, map[string]any{
			"metric": m, "year": 2022 + q/4, "quarter": q%4 + 1, "value": 70 + g.r.Float64()*29, "target": 90,
		})
		return err
	default:
		// A kind written here by no rule above: its sample record.
		if k := records.ByCollection(what); k != nil && k.Sample != nil {
			_, err := g.save(tx, what, k.Sample(i))
			return err
		}
	}
	return nil
}

func (g *synth) sentence() string {
	return g.pick(subjects) + " " + g.pick(predicates) + " " + g.pick(objects) + " " + g.pick(endings) + "."
}

func (g *synth) paragraphs(n int) string {
	ps := make([]string, n)
	for i := range ps {
		ss := make([]string, 3+g.r.IntN(3))
		for j := range ss {
			ss[j] = g.sentence()
		}
		ps[i] = strings.Join(ss, " ")
	}
	return strings.Join(ps, "\n\n")
}

var (
	unitPrefixes = map[string]string{
		"phong-chuyen-mon": "Phòng", "trung-tam": "Trung tâm", "doan-the": "Chi hội",
		"thon-to-dan-pho": "Thôn", "truong-tram": "Trường", "khac": "Tổ công tác",
	}
	places          = []string{"Tân Lập", "Đông Hòa", "Bình Minh", "Thượng Sơn", "Hạ Sơn", "Phú Xuân", "An Thịnh", "Hòa Bình", "Quyết Tiến", "Đồng Tâm", "Yên Thái", "Nghĩa Hưng"}
	familyNames     = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"}
	middleNames     = []string{"Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu", "Xuân"}
	givenNames      = []string{"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Yến"}
	teams           = []string{"Tổ một cửa", "Chi đoàn thanh niên", "Tổ công nghệ số cộng đồng", "Ban công tác Mặt trận", "Tổ hòa giải"}
	positions       = []string{"Công chức Văn phòng – Thống kê", "Viên chức Trung tâm Phục vụ hành chính công", "Trưởng thôn", "Bí thư chi đoàn", "Công chức Tư pháp – Hộ tịch", "Kế toán"}
	achievements    = []string{"Hoàn thành xuất sắc nhiệm vụ cải cách hành chính", "Có sáng kiến rút ngắn thời gian giải quyết hồ sơ", "Tích cực hướng dẫn người dân dùng dịch vụ công trực tuyến", "Đạt tỷ lệ hồ sơ đúng hạn 100%"}
	initiativeVerbs = []string{"Số hóa", "Rút ngắn quy trình", "Ứng dụng mã QR cho", "Tổ chức hướng dẫn", "Chuẩn hóa", "Tự động nhắc hẹn"}
	headlineStarts  = []string{"Ủy ban nhân dân xã triển khai", "Hội nghị tập huấn về", "Ra quân hỗ trợ người dân về", "Sơ kết quý về", "Kiểm tra công tác", "Thông báo về"}
	objects         = []string{"dịch vụ công trực tuyến", "thanh toán không dùng tiền mặt", "đăng ký khai sinh liên thông", "tài khoản định danh điện tử VNeID", "trả kết quả qua bưu điện", "số hóa hồ sơ một cửa", "đăng ký cư trú", "chứng thực bản sao điện tử"}
	subjects        = []string{"Ủy ban nhân dân xã", "Trung tâm Phục vụ hành chính công", "Đoàn Thanh niên xã", "Các thôn, tổ dân phố", "Cán bộ một cửa", "Tổ công nghệ số cộng đồng"}
	predicates      = []string{"đã hướng dẫn người dân sử dụng", "tiếp tục đẩy mạnh", "phối hợp triển khai", "tổ chức tuyên truyền về", "rà soát và hoàn thiện"}
	endings         = []string{"trong quý này", "tại bộ phận một cửa", "đến từng hộ gia đình", "theo kế hoạch của xã", "với sự tham gia của đoàn viên", "góp phần nâng cao sự hài lòng của người dân"}
	tagBank         = []string{"VNeID", "dịch vụ công", "chuyển đổi số", "một cửa", "khai sinh", "thanh toán trực tuyến", "bưu điện", "sáng kiến"}
	procedures      = []string{"đăng ký khai sinh", "chứng thực bản sao", "đăng ký tạm trú", "xác nhận cư trú", "đăng ký kết hôn", "cấp bản sao trích lục"}
)

// syntheticPDF is a small, whole PDF: each synthetic document's file.
var syntheticPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
