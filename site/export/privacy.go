package export

import "github.com/daison/portal/internal/privacy"

// privacyNotice writes data/privacy.json: what the citizens' forms say
// about the personal data they take (internal/privacy), in the commune's
// name and with the retention reviewers set. The portal stores the same
// notice's version with each consent.
func (x *exporter) privacyNotice() error {
	return x.putJSON("data/privacy.json", privacy.For(x.id, privacy.Months(x.app)))
}
