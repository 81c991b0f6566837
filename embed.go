// Package portal carries the public site's sources inside the binary: Hugo's
// configuration (hugo.toml), the portal's theme (themes/) and the
// hand-written content (content/). The build step in site/ writes them out
// next to the records it exports, so a deployed portal needs no checkout.
package portal

import "embed"

// SiteFiles holds hugo.toml, content/ and themes/ as they are in the
// repository. "all:" keeps files whose names start with "_" (_index.md,
// _partials/), which embed would otherwise skip.
//
//go:embed hugo.toml all:content all:themes
var SiteFiles embed.FS
