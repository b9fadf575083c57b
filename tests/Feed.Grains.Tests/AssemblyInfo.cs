// Two in-process test clusters in one process at once interfere (a migration on one stalls), so the
// clusters of this assembly run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
