// How many :Change records the change log holds. Tests compare it before and after refused
// writes, to show that nothing was recorded either.
MATCH (c:Change)
RETURN count(c) AS changes
