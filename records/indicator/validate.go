package indicator

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// slugSource: an indicator is named by its metric and quarter.
func slugSource(_ core.App, r *core.Record) string {
	i := Of(r)
	return fmt.Sprintf("%s %d quy %d", i.Metric(), i.Year(), i.Quarter())
}
