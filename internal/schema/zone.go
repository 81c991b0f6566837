package schema

import "time"

// Vietnam is the commune's time zone (UTC+7 all year, no daylight
// saving, as Asia/Ho_Chi_Minh), the portal's one definition of it:
// deadlines, the dates staff read, the dates the site shows and the demo's
// dates are in it. A fixed zone needs no time zone database.
var Vietnam = time.FixedZone("ICT", 7*60*60)
