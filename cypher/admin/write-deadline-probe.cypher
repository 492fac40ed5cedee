// Test only (test/integration/write-deadline.test.ts): a marker that shows whether a write committed.
CREATE (:WriteDeadlineProbe {run: $run})
