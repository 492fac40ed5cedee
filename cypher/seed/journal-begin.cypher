// Opens the journal of a load split over many transactions.
CREATE (:SeedLoad {id: $load, startedAt: datetime(), committed: false})
