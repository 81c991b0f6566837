// Package searchtest holds the table of real queries the portal's search
// must answer on the demo content (package demo): the server's index
// (site/search), the no-JavaScript page and the browser's script
// (scripts/sitetest) all run it.
package searchtest

// Query is what a citizen types and the page that must come first (Top 1)
// or among the first three (Top 3).
type Query struct {
	Q    string
	Want string // the page's address
	Top  int
	Why  string
}

// Guides, news, models and honourees of the demo content.
const (
	gThuongTru = "/huong-dan/dang-ky-thuong-tru-tam-tru-tren-ung-dung-vneid/"
	gChungThuc = "/huong-dan/chung-thuc-ban-sao-tu-ban-chinh-va-cap-ban-sao-dien-tu/"
	gKhaiSinh  = "/huong-dan/dang-ky-khai-sinh-lien-thong-khai-sinh-dang-ky-thuong-tru-cap-the-bao-hiem-y-te/"
	gBuuChinh  = "/huong-dan/nhan-ket-qua-thu-tuc-hanh-chinh-qua-dich-vu-buu-chinh-cong-ich/"
	gThanhToan = "/huong-dan/thanh-toan-phi-le-phi-truc-tuyen/"
	gNopHoSo   = "/huong-dan/nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-quoc-gia/"
	gVNeID     = "/huong-dan/tao-va-dang-nhap-tai-khoan-dinh-danh-dien-tu-muc-do-2-vneid/"
	nSoHoa     = "/tin-tuc/hoan-thanh-so-hoa-hon-12-400-trang-so-ho-tich-som-45-ngay-so-voi-ke-hoach/"
	nKhen      = "/tin-tuc/khen-thuong-7-tap-the-ca-nhan-co-thanh-tich-xuat-sac-trong-phong-trao-thi-dua/"
	nQR        = "/tin-tuc/quet-ma-qr-tren-phieu-hen-de-biet-ho-so-dang-o-dau/"
	nThuBay    = "/tin-tuc/trung-tam-phuc-vu-hanh-chinh-cong-xa-lam-viec-sang-thu-bay-tu-ngay-04-7-2026/"
	nChiSo     = "/tin-tuc/chi-so-cai-cach-hanh-chinh-quy-ii-2026-98-4-ho-so-giai-quyet-dung-han/"
	nBaoCao    = "/tin-tuc/cac-don-vi-gui-bao-cao-ket-qua-phong-trao-thi-dua-nam-2026-truoc-ngay-20-11/"
	nQuay      = "/tin-tuc/mot-buoi-sang-o-quay-mot-cua-cung-chi-le-thi-a/"
	nBiThu     = "/tin-tuc/bi-thu-doan-xa-vo-van-d-va-mua-he-cua-nhung-buoi-toi-o-nha-van-hoa-thon/"
	mDatDai    = "/mo-hinh-sang-kien/quy-trinh-noi-bo-dien-tu-giai-quyet-thu-tuc-hanh-chinh-linh-vuc-dat-dai/"
	mLoa       = "/mo-hinh-sang-kien/nam-phut-dich-vu-cong-tren-loa-truyen-thanh-thon/"
	mZalo      = "/mo-hinh-sang-kien/chuyen-muc-moi-tuan-mot-thu-tuc-tren-trang-zalo-cua-xa/"
	mPhieuHen  = "/mo-hinh-sang-kien/tra-cuu-tinh-trang-ho-so-bang-ma-qr-tren-phieu-hen/"
	mBuuDien   = "/mo-hinh-sang-kien/buu-dien-van-hoa-xa-diem-tiep-nhan-ho-so-va-tra-ket-qua-tai-nha/"
	mSoHoa     = "/mo-hinh-sang-kien/so-hoa-so-ho-tich-giai-doan-1990-2015/"
	hLyVanL    = "/vinh-danh/ly-van-l/"
	hLeThiA    = "/vinh-danh/le-thi-a/"
	hVoVanD    = "/vinh-danh/vo-van-d/"
	hDangVanG  = "/vinh-danh/dang-van-g/"
	hTruongE   = "/vinh-danh/truong-thi-e/"
	uCongAn    = "/don-vi/cong-an-xa-dai-son/"
	pKeHoach   = "/ke-hoach/"
)

// Queries are the table: with and without diacritics, i/y, telex, typos,
// synonyms, several words in any order, prefixes.
var Queries = []Query{
	{"ket hon", nSoHoa, 3, "in the body only, no diacritics"},
	{"kết hôn", nSoHoa, 3, "in the body only"},
	{"dang ky khai sinh", gKhaiSinh, 1, "title"},
	{"dang ki khai sinh", gKhaiSinh, 1, "i for y"},
	{"đăng kí khai sinh", gKhaiSinh, 1, "kí for ký, diacritics"},
	{"khai sinh", gKhaiSinh, 1, "two words"},
	{"sinh khai", gKhaiSinh, 1, "word order"},
	{"khai si", gKhaiSinh, 1, "prefix of the last word"},
	{"khaii sinh", gKhaiSinh, 1, "one letter too many"},
	{"ddawng kys khai sinh", gKhaiSinh, 1, "telex left on"},
	{"so do", gThuongTru, 1, "synonym sổ đỏ → giấy chứng nhận quyền sử dụng đất"},
	{"sổ đỏ", gThuongTru, 1, "synonym with diacritics"},
	{"CCCD", gVNeID, 1, "synonym CCCD → căn cước"},
	{"cccd", gVNeID, 1, "synonym, lower case"},
	{"VNeID", gVNeID, 1, "a name"},
	{"vnied", gVNeID, 3, "two letters swapped"},
	{"dinh danh dien tu", gVNeID, 1, "no diacritics"},
	{"dịnh danh", gVNeID, 1, "a wrong diacritic"},
	{"nhap ho khau", gThuongTru, 3, "synonym hộ khẩu → thường trú"},
	{"thường trú tạm trú", gThuongTru, 1, "two phrases"},
	{"tam tru", gThuongTru, 1, "no diacritics"},
	{"chung thuc", gChungThuc, 1, "no diacritics"},
	{"công chứng", gChungThuc, 1, "synonym công chứng → chứng thực"},
	{"chứg thực", gChungThuc, 1, "one letter missing"},
	{"ban sao dien tu", gChungThuc, 1, "multi-word"},
	{"bưu chính", gBuuChinh, 1, "title"},
	{"nhan ket qua qua buu dien", gBuuChinh, 3, "a sentence"},
	{"thanh toan le phi", gThanhToan, 1, "no diacritics"},
	{"nop ho so truc tuyen", gNopHoSo, 1, "title, no diacritics"},
	{"bảo hiểm y tế", gKhaiSinh, 1, "steps and title"},
	{"BHYT", gKhaiSinh, 1, "synonym BHYT → bảo hiểm y tế"},
	{"tre duoi 6 tuoi", gKhaiSinh, 1, "with a number"},
	{"ma qr", nQR, 3, "no diacritics"},
	{"phieu hen", mPhieuHen, 1, "an initiative"},
	{"số hoá hộ tịch", nSoHoa, 3, "hoá written the old way"},
	{"so hoa ho tich", mSoHoa, 3, "no diacritics"},
	{"quy trinh dat dai", mDatDai, 1, "quy"},
	{"qui trinh dat dai", mDatDai, 1, "qui for quy"},
	{"loa truyen thanh", mLoa, 1, "an initiative"},
	{"zalo", mZalo, 1, "a name"},
	{"bưu điện văn hóa", mBuuDien, 3, "initiative and unit share it"},
	{"ly van l", hLyVanL, 1, "an honouree, no diacritics"},
	{"li van l", hLyVanL, 1, "li for lý"},
	{"le thi a", hLeThiA, 3, "an honouree and a story"},
	{"vo van d", hVoVanD, 3, "an honouree and a story"},
	{"đặng văn g", hDangVanG, 1, "an honouree"},
	{"truong thi e", hTruongE, 1, "an honouree"},
	{"giay khen", nKhen, 3, "awards"},
	{"công an xã", uCongAn, 1, "a unit"},
	{"thu bay", nThuBay, 1, "news"},
	{"98,4", nChiSo, 1, "a figure"},
	{"20/11", nBaoCao, 1, "a date"},
	{"ke hoach", pKeHoach, 1, "the plan, a hand-written page"},
	{"quay mot cua chi a", nQuay, 3, "a story (một cửa is also a synonym)"},
	{"bi thu doan", nBiThu, 1, "news about an honouree"},
}
