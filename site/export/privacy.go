package export

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/privacy"
)

// writePrivacy writes data/privacy.json: what the citizens' forms say
// about the personal data they take (internal/privacy), in the commune's
// name and with the retention reviewers set. The portal stores the same
// notice's version with each consent.
func writePrivacy(app core.App, t *Tree, id commune.Identity) error {
	return t.PutJSON("data/privacy.json", privacy.For(id, privacy.Months(app)))
}
