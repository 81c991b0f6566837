package sitetest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/demo"
	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/commune"
)

// TestContactsOnEveryPageType opens every page type in Chromium and checks
// what Nghị định 42/2022/NĐ-CP asks every state site to publish, from the
// commune's settings: the body in charge, its address, a tel: link to the
// hotline, a mailto: link to its email and the person responsible, in the
// footer; the whole list (office hours, the one-stop counter's address and
// hours) on /lien-he/; and, the site holding demo data, the demo banner at
// the top of every page. A QR poster is a printed sheet without footer.
func TestContactsOnEveryPageType(t *testing.T) {
	need(t)
	id, err := demo.Identity()
	if err != nil {
		t.Fatal(err)
	}
	str := func(k string) string { s, _ := id[k].(string); return s }
	phone := strings.ReplaceAll(str("phone"), " ", "")
	type footer struct {
		Owner, Address, Tel, Mail, MailText, Responsible, Banner, First string
	}
	for _, pt := range pageTypes(t) {
		if pt.Name == "ap-phich-qr" {
			continue
		}
		t.Run(pt.Name, func(t *testing.T) {
			ctx := browsertest.New(t, 1280, 900)
			if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+pt.Path), chromedp.WaitReady("footer")); err != nil {
				t.Fatalf("open %s: %v", pt.Path, err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[footer](`(() => {
  const f = document.querySelector('footer .contacts');
  const dd = (label) => { const dt = [...(f ? f.querySelectorAll('dt') : [])].find(d => d.textContent === label); return dt ? dt.nextElementSibling.textContent : ''; };
  const tel = f && f.querySelector('a[href^="tel:"]');
  const mail = f && f.querySelector('a[href^="mailto:"]');
  const banner = document.querySelector('.demo-banner');
  return {
    Owner: dd('Cơ quan chủ quản'), Address: dd('Địa chỉ'), Responsible: dd('Người chịu trách nhiệm nội dung'),
    Tel: tel ? tel.getAttribute('href') : '', Mail: mail ? mail.getAttribute('href') : '', MailText: mail ? mail.textContent : '',
    Banner: banner && banner.getBoundingClientRect().height > 0 ? banner.textContent.trim() : '',
    First: (document.querySelector('body > :not(.skip-link)') || {}).className || '',
  };
})()`))
			if err != nil {
				t.Fatalf("open %s: %v", pt.Path, err)
			}
			want := footer{
				Owner: str("owner"), Address: str("address"), Tel: "tel:" + phone,
				Mail: "mailto:" + str("email"), MailText: str("email"),
				Responsible: str("responsible") + ", " + str("responsibleTitle"),
				Banner:      commune.DemoBanner, First: "demo-banner",
			}
			if got != want {
				t.Errorf("%s:\n got %+v\nwant %+v", pt.Path, got, want)
			}
		})
	}
	t.Run("lien-he", func(t *testing.T) {
		ctx := browsertest.New(t, 375, 900)
		if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/lien-he/"), chromedp.WaitReady("main")); err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"owner", "address", "phone", "email", "officeHours", "responsible", "counterAddress", "counterHours"} {
			if !strings.Contains(text, str(k)) {
				t.Errorf("/lien-he/ lacks the %s %q", k, str(k))
			}
		}
		browsertest.Screenshot(t, ctx, "sitetest-lien-he-375")
	})
}
