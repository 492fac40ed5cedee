// Records a curator's decision on a pending proposal; returns nothing when it is not pending,
// so that a proposal is decided once.
MATCH (p:Proposal {id: $id})
WHERE p.status = 'PENDING'
SET p.status = $status, p.reason = $reason, p.decidedBy = $by, p.decidedAt = datetime(),
    p.acceptedAs = $acceptedAs, p.operation = $operation
RETURN p.id AS id
