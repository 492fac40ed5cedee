// Entity merges (cypher/curation/merge-*.cypher) keep what an unmerge puts back: one
// :MergeRecord per merge (found by its id, the merge's operation), the merged entities
// themselves as :MergedEntity (their :Entity label taken off, every property kept), the
// survivor's properties before the merge (:MergeSurvivorBefore) and each re-pointed
// relationship as it was (:MergedRelation). An unmerge finds them all by the merge's id.
CREATE CONSTRAINT merge_record_id IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.id IS UNIQUE;
CREATE INDEX merged_entity_merge IF NOT EXISTS FOR (m:MergedEntity) ON (m._merge);
CREATE INDEX merged_relation_merge IF NOT EXISTS FOR (m:MergedRelation) ON (m._merge, m._type);
CREATE INDEX merge_survivor_before_merge IF NOT EXISTS FOR (m:MergeSurvivorBefore) ON (m._merge);
