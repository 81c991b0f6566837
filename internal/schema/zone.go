package schema

import "time"

// Vietnam is the commune's time zone (UTC+7, no daylight saving): deadlines
// and the dates staff read are in it.
var Vietnam = time.FixedZone("ICT", 7*60*60)
