// The change feed's watermark (src/services/change-feed.ts): the start of the oldest write
// transaction still open on this database, and the start of this one. A :Change is stamped with
// its transaction's start (datetime.transaction(), the very millisecond SHOW TRANSACTIONS gives
// as startTime), and a transaction that begins after this one starts no earlier than it, so no
// change older than the earlier of the two can still commit. govgraph marks its write
// transactions in their metadata (Database.writeMetadata); reads, however long, never hold the
// feed back. Without the privilege to see other users' transactions (Enterprise), Neo4j lists
// the caller's own: every govgraph process connects as the same user, so it sees them all.
// No WHERE: the aggregate needs one row at least, and this statement's own transaction is one.
// `now` is a constant of the transaction: an expression that changed from row to row would
// become a grouping key beside the aggregate.
SHOW TRANSACTIONS YIELD database, startTime, metaData
RETURN toString(min(CASE WHEN database = $database AND metaData.access = 'write' AND metaData.app = 'govgraph'
                         THEN datetime(startTime) END)) AS oldestWrite,
       toString(datetime.transaction()) AS now
