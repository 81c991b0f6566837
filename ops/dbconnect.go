package ops

import (
	"fmt"

	"github.com/pocketbase/dbx"
	_ "modernc.org/sqlite" // the driver PocketBase uses
)

// DBConnect opens the portal's SQLite databases as PocketBase does
// (core.DefaultDBConnect: same pragmas), with one difference: transactions
// begin IMMEDIATE, taking the write lock at once (waiting up to the busy
// timeout for it) instead of when their first write comes. PocketBase runs
// its transactions on its one-connection write pool, so this costs its own
// writers nothing; but another writer on the file, Litestream bumping its
// bookkeeping row at a checkpoint (--replicate-to), otherwise makes a
// transaction that read before that commit fail at its first write with
// "database is locked (517)" (a stale snapshot, which the busy timeout
// does not retry). Pass it as pocketbase.Config.DBConnect.
func DBConnect(dbPath string) (*dbx.DB, error) {
	const pragmas = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)" +
		"&_defensive=1&_txlock=immediate"
	db, err := dbx.Open("sqlite", dbPath+pragmas)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}
	return db, nil
}
