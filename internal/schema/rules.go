package schema

// publicCondition is what makes a public record visible to citizens: it is
// published and its publishing time has passed. The time it is compared
// with ends the condition: PublicRead and PublicFilter give it.
const publicCondition = `status = "published" && publishAt != "" && publishAt <= `

// PublicRead is the list and view API rule of public collections: anonymous
// users (and everyone else without a stronger rule) see a record only once
// it is published and its publishAt has passed.
const PublicRead = publicCondition + `@now`

// PublicFilter is PublicRead as a record filter with the time as a
// parameter, {:now}: what the site's export reads.
const PublicFilter = publicCondition + `{:now}`
