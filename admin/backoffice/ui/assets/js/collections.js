// @ts-check
// The public collections as the back office shows them: Vietnamese names,
// the address here, the form's fields with their labels and hints, the
// list's filters and column. Limits, choices and the address of a
// record's page on the public site come from meta.json (schema.js).

/**
 * @import { CollectionDesc } from './ui-types.js'
 */

const MD_HINT = 'Dùng các nút phía trên ô để định dạng (tiêu đề, chữ đậm, danh sách, liên kết, ảnh, bảng, trích dẫn); kết quả hiện ngay ở khung xem trước. Dán từ Word giữ tiêu đề, danh sách và bảng. Không dùng mã HTML.';
const SLUG_HINT = 'Để trống thì hệ thống tự tạo từ tiêu đề. Chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.';
const IMAGE_HINT = 'Ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa 25 MB (ảnh chụp bằng điện thoại tải lên thẳng được). Ảnh được xoay đúng chiều, thu nhỏ còn cạnh dài 1.600 điểm ảnh và bỏ thông tin vị trí chụp.';

// Field widgets: text, textarea, markdown, select (vocab), number, bool,
// url, date, unit (a select of units), picker (search records), image,
// tags, steps, quarter.
/** @type {Record<string, CollectionDesc>} */
export const collections = {
  articles: {
    path: 'bai-viet', title: 'Bài viết', one: 'bài viết', newLabel: 'Viết bài mới',
    titleField: 'title', search: ['title', 'summary'],
    filters: [{ field: 'category', vocab: 'articleCategories', label: 'Chuyên mục' }],
    column: { field: 'category', vocab: 'articleCategories', label: 'Chuyên mục' },
    fields: [
      { name: 'title', label: 'Tiêu đề', widget: 'text', hint: 'Ngắn gọn, nói rõ việc gì, ở đâu.' },
      { name: 'summary', label: 'Tóm tắt', widget: 'textarea', rows: 3, hint: 'Một hai câu, hiện ở danh sách tin và khi chia sẻ lên Zalo, Facebook.' },
      { name: 'body', label: 'Nội dung', widget: 'markdown', images: 'bodyImages', hint: MD_HINT },
      { name: 'bodyImages', label: 'Ảnh trong nội dung', widget: 'image', insert: 'body', hint: IMAGE_HINT + ' Mỗi ảnh, kể cả ảnh vừa chọn chưa lưu, có nút “Chèn vào nội dung”.' },
      { name: 'cover', label: 'Ảnh bìa', widget: 'image', hint: IMAGE_HINT },
      { name: 'coverAlt', label: 'Mô tả ảnh bìa', widget: 'text', hint: 'Cho người không xem được ảnh: trong ảnh có gì, ví dụ “Cán bộ hướng dẫn người dân cài VNeID”.' },
      { name: 'gallery', label: 'Bộ ảnh', widget: 'image', hint: IMAGE_HINT + ' Tối đa 20 ảnh, hiện dưới bài.' },
      { name: 'galleryCaptions', label: 'Chú thích ảnh', widget: 'captions', gallery: 'gallery', hint: 'Mỗi chú thích một dòng, tối đa 300 ký tự; cũng là mô tả ảnh cho người không xem được ảnh.' },
      { name: 'attachments', label: 'Văn bản kèm theo', widget: 'picker', target: 'documents', hint: 'Văn bản đã đăng ở mục Văn bản. Gõ số hoặc tên để tìm, rồi bấm “Chọn”.' },
      { name: 'category', label: 'Chuyên mục', widget: 'select', vocab: 'articleCategories' },
      { name: 'tags', label: 'Từ khóa', widget: 'tags', hint: 'Tối đa 10 từ khóa, mỗi từ khóa tối đa 50 ký tự. Gõ từ khóa rồi bấm Enter hoặc nút “Thêm”.' },
      { name: 'unit', label: 'Đơn vị', widget: 'unit', hint: 'Đơn vị đưa tin (không bắt buộc).' },
      { name: 'featured', label: 'Nổi bật trên trang chủ', widget: 'bool' },
      { name: 'slug', label: 'Địa chỉ trang', widget: 'slug', hint: SLUG_HINT },
    ],
  },
  guides: {
    path: 'huong-dan', title: 'Hướng dẫn dịch vụ công', one: 'hướng dẫn', newLabel: 'Thêm hướng dẫn',
    titleField: 'title', search: ['title', 'summary'],
    filters: [],
    column: { field: 'procedureCode', label: 'Mã thủ tục' },
    fields: [
      { name: 'title', label: 'Tên hướng dẫn', widget: 'text', hint: 'Ví dụ: Đăng ký khai sinh trực tuyến.' },
      { name: 'audience', label: 'Dành cho', widget: 'text', hint: 'Ví dụ: Người dân, hộ kinh doanh.' },
      { name: 'summary', label: 'Tóm tắt', widget: 'textarea', rows: 3 },
      { name: 'body', label: 'Giới thiệu', widget: 'markdown', hint: MD_HINT },
      { name: 'steps', label: 'Các bước', widget: 'steps', hint: 'Các bước theo thứ tự. Một bước nối “và”/“hoặc” thì đi cùng bước trước nó.' },
      { name: 'procedureCode', label: 'Mã thủ tục', widget: 'text', hint: 'Mã trên Cổng Dịch vụ công quốc gia, ví dụ 1.001193.' },
      { name: 'portalLink', label: 'Liên kết đến Cổng Dịch vụ công quốc gia', widget: 'url', hint: 'Bắt đầu bằng https://' },
      { name: 'documents', label: 'Giấy tờ cần chuẩn bị', widget: 'markdown', rows: 6, hint: MD_HINT },
      { name: 'fee', label: 'Lệ phí', widget: 'text', hint: 'Ví dụ: Miễn phí.' },
      { name: 'processingTime', label: 'Thời gian giải quyết', widget: 'text', hint: 'Ví dụ: Trong ngày làm việc.' },
      { name: 'offline', label: 'Nếu không làm trực tuyến', widget: 'markdown', rows: 5, hint: MD_HINT },
      { name: 'legalBasis', label: 'Căn cứ pháp lý', widget: 'markdown', rows: 4, hint: 'Luật, nghị định, thông tư quy định thủ tục, mỗi văn bản một dòng bắt đầu bằng “- ”.' },
      { name: 'checked', label: 'Ngày kiểm tra thông tin lần cuối', widget: 'date', hint: 'Ngày đối chiếu lệ phí, thời hạn, giấy tờ với quy định hiện hành.' },
      { name: 'weight', label: 'Thứ tự hiển thị', widget: 'number', hint: 'Số nhỏ hiện trước, từ 0 đến 1000.' },
      { name: 'featured', label: 'Nổi bật trên trang chủ', widget: 'bool' },
      { name: 'slug', label: 'Địa chỉ trang', widget: 'slug', hint: SLUG_HINT },
    ],
  },
  documents: {
    path: 'van-ban', title: 'Văn bản', one: 'văn bản', newLabel: 'Thêm văn bản',
    titleField: 'title', search: ['title', 'number', 'issuer'],
    filters: [{ field: 'kind', vocab: 'documentKinds', label: 'Loại văn bản' }],
    column: { field: 'number', label: 'Số, ký hiệu' },
    fields: [
      { name: 'number', label: 'Số, ký hiệu', widget: 'text', hint: 'Như in trên văn bản, ví dụ 105/KH-UBND hoặc 12/2026/QĐ-UBND.' },
      { name: 'title', label: 'Trích yếu (tên văn bản)', widget: 'text', hint: 'Ví dụ: Kế hoạch phát động phong trào thi đua cải cách hành chính giai đoạn 2026 – 2030.' },
      { name: 'kind', label: 'Loại văn bản', widget: 'select', vocab: 'documentKinds' },
      { name: 'issuedOn', label: 'Ngày ban hành', widget: 'date' },
      { name: 'issuer', label: 'Cơ quan ban hành', widget: 'text', hint: 'Ví dụ: UBND xã, Văn phòng HĐND và UBND xã.' },
      { name: 'signer', label: 'Người ký', widget: 'text', hint: 'Họ tên và chức vụ, ví dụ: Nguyễn Văn A, Chủ tịch UBND xã.' },
      { name: 'summary', label: 'Tóm tắt nội dung', widget: 'textarea', rows: 3, hint: 'Một vài câu cho người dân biết văn bản nói gì (không bắt buộc).' },
      { name: 'file', label: 'Tệp văn bản', widget: 'documents', hint: 'Bản PDF đã ký, hoặc tệp Word (DOC, DOCX), Excel (XLS, XLSX) cho biểu mẫu; tối đa 20 MB. Cần có tệp trước khi xuất bản.' },
      { name: 'movementPlan', label: 'Đây là văn bản Kế hoạch của phong trào (trang Kế hoạch dẫn tới văn bản này)', widget: 'bool' },
      { name: 'slug', label: 'Địa chỉ trang', widget: 'slug', hint: SLUG_HINT },
    ],
  },
  initiatives: {
    path: 'mo-hinh-sang-kien', title: 'Mô hình, sáng kiến', one: 'mô hình, sáng kiến', newLabel: 'Thêm mô hình, sáng kiến',
    titleField: 'title', search: ['title', 'authors'],
    filters: [
      { field: 'kind', vocab: 'initiativeKinds', label: 'Loại' },
      { field: 'field', vocab: 'initiativeFields', label: 'Lĩnh vực' },
    ],
    column: { field: 'kind', vocab: 'initiativeKinds', label: 'Loại' },
    fields: [
      { name: 'title', label: 'Tên mô hình, sáng kiến', widget: 'text' },
      { name: 'kind', label: 'Loại', widget: 'select', vocab: 'initiativeKinds' },
      { name: 'unit', label: 'Đơn vị áp dụng', widget: 'unit' },
      { name: 'authors', label: 'Tác giả', widget: 'text', hint: 'Họ tên các tác giả, cách nhau bằng dấu phẩy.' },
      { name: 'field', label: 'Lĩnh vực', widget: 'select', vocab: 'initiativeFields' },
      { name: 'yearApplied', label: 'Năm áp dụng', widget: 'number', hint: 'Ví dụ: 2026.' },
      { name: 'summary', label: 'Tóm tắt', widget: 'textarea', rows: 3 },
      { name: 'body', label: 'Nội dung', widget: 'markdown', images: 'bodyImages', hint: MD_HINT },
      { name: 'results', label: 'Kết quả đạt được', widget: 'markdown', rows: 6, hint: MD_HINT },
      { name: 'bodyImages', label: 'Ảnh trong nội dung', widget: 'image', insert: 'body', hint: IMAGE_HINT + ' Mỗi ảnh, kể cả ảnh vừa chọn chưa lưu, có nút “Chèn vào nội dung”.' },
      { name: 'photos', label: 'Ảnh', widget: 'image', hint: IMAGE_HINT + ' Tối đa 20 ảnh.' },
      { name: 'galleryCaptions', label: 'Chú thích ảnh', widget: 'captions', gallery: 'photos', hint: 'Mỗi chú thích một dòng, tối đa 300 ký tự; cũng là mô tả ảnh cho người không xem được ảnh.' },
      { name: 'attachments', label: 'Văn bản kèm theo', widget: 'picker', target: 'documents', hint: 'Văn bản đã đăng ở mục Văn bản. Gõ số hoặc tên để tìm, rồi bấm “Chọn”.' },
      { name: 'honorees', label: 'Người, tập thể được vinh danh liên quan', widget: 'picker', target: 'honorees', hint: 'Gõ tên để tìm, rồi bấm “Chọn”.' },
      { name: 'recognition', label: 'Cấp công nhận', widget: 'select', vocab: 'recognitionLevels' },
      { name: 'featured', label: 'Nổi bật trên trang chủ', widget: 'bool' },
      { name: 'slug', label: 'Địa chỉ trang', widget: 'slug', hint: SLUG_HINT },
    ],
  },
  honorees: {
    path: 'guong-dien-hinh', title: 'Gương điển hình', one: 'gương điển hình', newLabel: 'Thêm gương điển hình',
    titleField: 'name', search: ['name', 'position'],
    filters: [{ field: 'kind', vocab: 'honoreeKinds', label: 'Cá nhân hay tập thể' }],
    column: { field: 'kind', vocab: 'honoreeKinds', label: 'Loại' },
    fields: [
      { name: 'name', label: 'Họ tên hoặc tên tập thể', widget: 'text' },
      { name: 'kind', label: 'Cá nhân hay tập thể', widget: 'select', vocab: 'honoreeKinds' },
      { name: 'position', label: 'Chức vụ', widget: 'text', hint: 'Ví dụ: Công chức Tư pháp – Hộ tịch.' },
      { name: 'unit', label: 'Đơn vị', widget: 'unit' },
      { name: 'photo', label: 'Ảnh', widget: 'image', hint: IMAGE_HINT },
      { name: 'photoAlt', label: 'Mô tả ảnh', widget: 'text' },
      { name: 'story', label: 'Câu chuyện', widget: 'markdown', hint: MD_HINT },
      { name: 'slug', label: 'Địa chỉ trang', widget: 'slug', hint: SLUG_HINT },
    ],
  },
  awards: {
    path: 'khen-thuong', title: 'Khen thưởng', one: 'khen thưởng', newLabel: 'Thêm khen thưởng',
    titleField: null, search: ['honoree.name', 'achievement', 'decisionNo'],
    expand: 'honoree',
    filters: [
      { field: 'form', vocab: 'awardForms', label: 'Hình thức' },
      { field: 'kind', vocab: 'awardKinds', label: 'Loại khen thưởng' },
      { field: 'year', label: 'Năm', number: true },
    ],
    column: { field: 'form', vocab: 'awardForms', label: 'Hình thức' },
    fields: [
      { name: 'honoree', label: 'Người, tập thể được khen', widget: 'picker', target: 'honorees', hint: 'Gõ tên để tìm, rồi bấm “Chọn”.' },
      { name: 'form', label: 'Hình thức khen thưởng', widget: 'select', vocab: 'awardForms' },
      { name: 'kind', label: 'Loại khen thưởng', widget: 'select', vocab: 'awardKinds' },
      { name: 'year', label: 'Năm', widget: 'number' },
      { name: 'decisionNo', label: 'Số quyết định', widget: 'text', hint: 'Ví dụ: 125/QĐ-UBND.' },
      { name: 'decisionDate', label: 'Ngày quyết định', widget: 'date' },
      { name: 'signer', label: 'Người ký', widget: 'text' },
      { name: 'achievement', label: 'Thành tích', widget: 'textarea', rows: 4, hint: 'Một thành tích chỉ được khen thưởng một lần.' },
      { name: 'initiative', label: 'Mô hình, sáng kiến liên quan', widget: 'picker', target: 'initiatives', hint: 'Không bắt buộc.' },
      { name: 'decisionDoc', label: 'Văn bản quyết định', widget: 'picker', target: 'documents', hint: 'Quyết định khen thưởng đã đăng ở mục Văn bản (không bắt buộc). Gõ số hoặc tên để tìm.' },
    ],
  },
  units: {
    path: 'don-vi', title: 'Đơn vị', one: 'đơn vị', newLabel: 'Thêm đơn vị',
    titleField: 'name', search: ['name'],
    filters: [{ field: 'kind', vocab: 'unitKinds', label: 'Loại đơn vị' }],
    column: { field: 'kind', vocab: 'unitKinds', label: 'Loại' },
    fields: [
      { name: 'name', label: 'Tên đơn vị', widget: 'text' },
      { name: 'kind', label: 'Loại đơn vị', widget: 'select', vocab: 'unitKinds' },
      { name: 'description', label: 'Giới thiệu', widget: 'markdown', rows: 6, hint: MD_HINT },
      { name: 'slug', label: 'Địa chỉ trang', widget: 'slug', hint: SLUG_HINT },
    ],
  },
  indicators: {
    path: 'chi-so', title: 'Chỉ số cải cách hành chính', one: 'chỉ số', newLabel: 'Thêm số liệu chỉ số',
    titleField: null, search: [],
    filters: [
      { field: 'metric', vocab: 'metrics', label: 'Chỉ số' },
      { field: 'year', label: 'Năm', number: true },
    ],
    column: { field: 'value', label: 'Kết quả', percent: true },
    sort: '-year,-quarter',
    fields: [
      { name: 'metric', label: 'Chỉ số', widget: 'select', vocab: 'metrics' },
      { name: 'year', label: 'Năm', widget: 'number' },
      { name: 'quarter', label: 'Quý', widget: 'quarter' },
      { name: 'value', label: 'Kết quả (%)', widget: 'number', hint: 'Từ 0 đến 100, ví dụ 97,5.' },
      { name: 'target', label: 'Chỉ tiêu (%)', widget: 'number', hint: 'Từ 0 đến 100.' },
      { name: 'note', label: 'Ghi chú', widget: 'textarea', rows: 2 },
    ],
  },
};

// The order of the menu.
export const order = ['articles', 'guides', 'documents', 'initiatives', 'honorees', 'awards', 'units', 'indicators'];
